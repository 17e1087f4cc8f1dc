package iamnb.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.Iam;
import iamnb.model.AccessKey;
import iamnb.Account;
import iamnb.model.Condition;
import iamnb.model.CredentialReportRow;
import iamnb.model.Role;
import iamnb.model.Statement;
import iamnb.model.User;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAccountTest {
    private static final Account DEMO = Iam.demo();
    private static final String BOUNDARY = "arn:aws:iam::123456789012:policy/dev-sandbox-boundary";

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoAccountTest.class.getResourceAsStream(DemoAccount.RESOURCE_DIR + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static long ageDays(Instant t) {
        return Duration.between(t, DEMO.asOf()).toDays();
    }

    @Test
    void demo_whenLoaded_thenFixedAccountAndInstant() {
        assertEquals("123456789012", DEMO.accountId());
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), DEMO.asOf());
        assertEquals("demo", DEMO.provenance().source());
        assertEquals("example-prod", DEMO.alias());
        assertTrue(DEMO.warnings().isEmpty(), DEMO.warnings().toString());
        assertTrue(DEMO.snapshot().users().size() >= 40, "a few dozen users");
        assertTrue(DEMO.snapshot().roles().size() >= 30, "a few dozen roles");
    }

    @Test
    void demo_whenPackedInAJar_thenReadFromTheJarEqually(@TempDir Path tmp) throws IOException {
        Path jar = tmp.resolve("library.jar");
        String index = new String(resource(DemoAccount.INDEX), StandardCharsets.UTF_8);
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            for (String name : (DemoAccount.INDEX + "\n" + index).lines().filter(l -> !l.isBlank()).toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(DemoAccount.RESOURCE_DIR.substring(1) + name));
                out.write(resource(name));
                out.closeEntry();
            }
        }
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            assertEquals(DEMO.snapshot(), DemoAccount.load(loader));
        }
    }

    @Test
    void readme_whenDescribingTheDemo_thenItsCountsAreTheDemosCounts() throws IOException {
        String readme = java.nio.file.Files.readString(Path.of("..", "README.md"));
        var s = DEMO.snapshot();
        String expected = "It holds " + s.users().size() + " users, " + s.roles().size() + " roles, " + s.groups().size()
                + " groups, " + s.policies().size() + " managed policies, " + s.buckets().size() + " buckets";
        assertTrue(readme.contains(expected), "README should say: " + expected);
        assertTrue(readme.contains(s.analyzerFindings().size() + " Access Analyzer findings and "
                + s.cloudTrailEvents().size() + " CloudTrail events"));
    }

    @Test
    void demoResources_whenRegeneratedFromGenerator_thenIdenticalToCommittedFiles() throws IOException {
        SortedMap<String, byte[]> expected = new SnapshotWriter().render(DemoAccountGenerator.build());
        String index = new String(resource(DemoAccount.INDEX), StandardCharsets.UTF_8);
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(index.lines().toList()),
                "index.txt lists exactly the generated files; rerun DemoAccountGenerator");
        for (var e : expected.entrySet()) {
            assertArrayEquals(e.getValue(), resource(e.getKey()), e.getKey() + " differs; rerun DemoAccountGenerator");
        }
    }

    @Test
    void demo_whenSavedAndReadBack_thenEqualSnapshotAndDigest(@TempDir Path tmp) {
        Account again = Iam.fromSnapshot(DEMO.save(tmp.resolve("demo-copy")));
        assertEquals(DEMO.snapshot(), again.snapshot());
        assertEquals(DEMO.provenance().sha256(), again.provenance().sha256());
        assertEquals(DEMO, again);
    }

    @Test
    void demo_whenSeedRunbooksNameAPrincipalOrResource_thenItExists() {
        for (String role : List.of("app-role", "ci-pipeline", "cross-account-deploy", "break-glass-admin", "my-app-role")) {
            DEMO.role(role);
        }
        DEMO.user("svc-deploy");
        DEMO.policy("dev-sandbox-boundary");
        DEMO.policy("AdministratorAccess");
        DEMO.policy("AmazonECS_FullAccess");
        DEMO.bucket("prod-data");
        DEMO.bucket("my-bucket");
        assertTrue(DEMO.findOidcProvider("oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE").isPresent());
        assertTrue(DEMO.snapshot().roles().stream().anyMatch(r -> r.name().startsWith("dev-")));
        assertTrue(DEMO.snapshot().roles().stream().filter(r -> r.name().startsWith("app-")).count() >= 4);
        assertEquals("prod-guardrails", DEMO.scpLevelsFor("123456789012").get(1).get(1).name(), "SCP on the Production OU");
        assertEquals("enforce-secure-transport", DEMO.rcpLevelsFor("123456789012").get(0).get(1).name());
        assertTrue(DEMO.snapshot().cloudTrailEvents().stream()
                .anyMatch(e -> e.eventName().equals("PutObject") && e.isAccessDenied()));
    }

    @Test
    void demo_whenAuditedForAdmins_thenGroupAndInlinePathsArePlanted() {
        assertTrue(DEMO.group("admins").attachedPolicies().stream().anyMatch(p -> p.name().equals("AdministratorAccess")));
        assertEquals(List.of("jordan.admin"), DEMO.membersOf("admins").stream().map(User::name).toList());
        Statement star = DEMO.user("temp-admin").inlinePolicies().get(0).document().statements().get(0);
        assertEquals(List.of("*"), star.actions());
        assertEquals(List.of("*"), star.resources());
    }

    @Test
    void demo_whenTrustIsReviewed_thenWildcardAndMissingExternalIdArePlantedAndTheSeedRoleIsClean() {
        assertTrue(trustStatement("public-debug-role").principal().orElseThrow().isWildcard());
        Statement partner = trustStatement("partner-readonly");
        assertEquals(List.of("arn:aws:iam::444455556666:root"), partner.principal().orElseThrow().aws());
        assertTrue(partner.conditions().isEmpty(), "no ExternalId");
        Statement cross = trustStatement("cross-account-deploy");
        assertEquals(List.of("arn:aws:iam::111111111111:role/ci-pipeline"), cross.principal().orElseThrow().aws());
        assertEquals(List.of(new Condition("StringEquals", "sts:ExternalId", List.of("prod-deploy-2024"))), cross.conditions());
        Role glass = DEMO.role("break-glass-admin");
        assertEquals(Duration.ofHours(1), glass.maxSessionDuration());
        assertEquals(2, glass.trustPolicy().statements().get(0).conditions().size(), "MFA present and MFA age");
    }

    @Test
    void demo_whenKeysAreReviewed_thenStaleDoubleAndNeverUsedKeysArePlanted() {
        AccessKey old = DEMO.user("svc-deploy").accessKeys().get(0);
        assertEquals("AKIAOLD123456EXAMPLE", old.accessKeyId());
        assertTrue(ageDays(old.created()) > 90);
        assertEquals(2, DEMO.user("legacy-etl").activeKeys().size());
        AccessKey neverUsed = DEMO.user("svc-reporting").accessKeys().get(0);
        assertTrue(neverUsed.isActive() && neverUsed.lastUsed().isEmpty());
        AccessKey jenkins = DEMO.user("old-jenkins").accessKeys().get(0);
        assertTrue(ageDays(jenkins.lastUsed().orElseThrow().date()) > 90);
        assertTrue(DEMO.snapshot().users().stream().flatMap(u -> u.accessKeys().stream())
                .allMatch(k -> k.accessKeyId().matches("AKIA[A-Z0-9]{16}")), "key ids look like real ones");
    }

    @Test
    void demo_whenCredentialReportIsRead_thenNeverUsedUsersAndConsoleWithoutMfaShow() {
        var report = DEMO.snapshot().credentialReport().orElseThrow();
        CredentialReportRow never = report.row("former-contractor").orElseThrow();
        assertEquals("no_information", never.get("password_last_used"));
        assertEquals("N/A", never.get("access_key_1_last_used_date"));
        assertEquals("N/A", never.get("access_key_2_last_used_date"));
        CredentialReportRow pat = report.row("pat.analyst").orElseThrow();
        assertEquals("true", pat.get("password_enabled"));
        assertEquals("false", pat.get("mfa_active"));
        assertTrue(report.rows().get(0).isRoot());
        assertEquals(DEMO.snapshot().users().size() + 1, report.rows().size());
    }

    @Test
    void demo_whenBoundariesAndIrsaAreReviewed_thenOneDevRoleLacksItsBoundaryAndOneIrsaSubIsWrong() {
        List<Role> dev = DEMO.snapshot().roles().stream().filter(r -> r.name().startsWith("dev-")).toList();
        assertEquals(List.of("dev-carol-test"), dev.stream().filter(r -> r.permissionsBoundaryArn().isEmpty())
                .map(Role::name).toList());
        assertTrue(dev.stream().filter(r -> r.permissionsBoundaryArn().isPresent())
                .allMatch(r -> r.permissionsBoundaryArn().get().equals(BOUNDARY)));
        assertEquals("system:serviceaccount:default:my-app-sa", irsaSub("my-app-role"));
        assertEquals("system:serviceaccount:default:wrong-sa", irsaSub("my-app-role-v2"));
    }

    @Test
    void demo_whenBucketPoliciesAreReviewed_thenMyBucketGrantsGetObjectOnTheBucketArn() {
        Statement s = DEMO.bucket("my-bucket").policy().orElseThrow().statements().get(0);
        assertTrue(s.actions().contains("s3:GetObject"));
        assertEquals(List.of("arn:aws:s3:::my-bucket"), s.resources());
        assertTrue(DEMO.bucket("prod-data").publicAccessBlock().orElseThrow().blocksEverything());
        assertTrue(DEMO.bucket("marketing-site").acl().orElseThrow().grants().stream().anyMatch(g -> g.isPublic()));
    }

    @Test
    void demo_whenCleanPrincipalsAreChecked_thenTheyHaveMfaFreshKeysAndBoundaries() {
        for (String name : List.of("alice", "bob", "carol", "dave.auditor")) {
            User u = DEMO.user(name);
            assertTrue(u.hasMfa(), name);
            assertTrue(u.accessKeys().stream().allMatch(k -> ageDays(k.created()) < 90), name);
        }
        assertEquals(BOUNDARY, DEMO.user("alice").permissionsBoundaryArn().orElseThrow());
        assertFalse(DEMO.policy("unused-legacy-ftp").attachmentCount() > 0, "the unused policy is attached nowhere");
        assertEquals(4, DEMO.policy("AdministratorAccess").attachmentCount(),
                "admins group, break-glass, dev-carol-test, dev-dana-admin-test");
    }

    @Test
    void demo_whenPrivilegeEscalationIsReviewed_thenCiBotMayRewriteItsOwnPolicy() {
        User bot = DEMO.user("ci-bot");
        assertFalse(bot.hasConsoleAccess(), "a service user");
        assertEquals(List.of("arn:aws:iam::123456789012:policy/ci-bot-deploy"),
                bot.attachedPolicies().stream().map(p -> p.arn()).toList());
        AccessKey key = bot.accessKeys().get(0);
        assertTrue(key.isActive() && ageDays(key.created()) < 90 && ageDays(key.lastUsed().orElseThrow().date()) < 1);
        Statement own = DEMO.policy("ci-bot-deploy").document().statements().stream()
                .filter(s -> s.actions().contains("iam:CreatePolicyVersion")).findFirst().orElseThrow();
        assertEquals(List.of("arn:aws:iam::123456789012:policy/ci-bot-deploy"), own.resources());
    }

    @Test
    void demo_whenBoundariesCapAnAdminRole_thenDanasRoleHasAdministratorAccessAndTheBoundary() {
        Role dana = DEMO.role("dev-dana-admin-test");
        assertEquals(BOUNDARY, dana.permissionsBoundaryArn().orElseThrow());
        assertEquals(List.of("AdministratorAccess"), dana.attachedPolicies().stream().map(p -> p.name()).toList());
    }

    @Test
    void demo_whenAppRoleReadsMyBucket_thenItsOnlyGrantIsTheBucketPolicy() {
        assertTrue(DEMO.policy("app-data-access").document().statements().stream()
                .flatMap(s -> s.resources().stream()).noneMatch(r -> r.contains("my-bucket")),
                "app-role's identity policy says nothing about my-bucket");
        var denied = DEMO.snapshot().cloudTrailEvents().stream().filter(e -> e.eventId().equals("c0ffee00-0003"))
                .findFirst().orElseThrow();
        assertTrue(denied.isAccessDenied());
        assertEquals("GetObject", denied.eventName());
    }

    @Test
    void demo_whenIdsAreListed_thenEveryPrincipalPolicyAndKeyIdIsUnique() {
        var s = DEMO.snapshot();
        List<String> ids = new java.util.ArrayList<>();
        s.users().forEach(u -> ids.add(u.userId()));
        s.roles().forEach(r -> ids.add(r.roleId()));
        s.groups().forEach(g -> ids.add(g.groupId()));
        s.policies().forEach(p -> ids.add(p.policyId()));
        s.users().forEach(u -> u.accessKeys().forEach(k -> ids.add(k.accessKeyId())));
        assertEquals(ids.size(), new TreeSet<>(ids).size(), "duplicate ids: " + ids);
    }

    private static Statement trustStatement(String role) {
        return DEMO.role(role).trustPolicy().statements().get(0);
    }

    private static String irsaSub(String role) {
        return trustStatement(role).conditions().stream().filter(c -> c.key().endsWith(":sub"))
                .findFirst().orElseThrow().values().get(0);
    }
}
