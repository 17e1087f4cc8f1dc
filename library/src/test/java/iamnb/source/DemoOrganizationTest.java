package iamnb.source;

import static iamnb.source.DemoOrganizationGenerator.MANAGEMENT;
import static iamnb.source.DemoOrganizationGenerator.PROD;
import static iamnb.source.DemoOrganizationGenerator.SANDBOX;
import static iamnb.source.DemoOrganizationGenerator.STAGING;
import static iamnb.source.DemoOrganizationGenerator.TOOLS;
import static iamnb.source.AssumeHops.assertCanAssume;
import static iamnb.source.AssumeHops.canAssume;
import static iamnb.source.AssumeHops.sideAllows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.Account;
import iamnb.Iam;
import iamnb.Org;
import iamnb.model.OrgMember;
import iamnb.model.Role;
import iamnb.model.Statement;
import iamnb.policy.Decision;
import iamnb.policy.LayerKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoOrganizationTest {
    private static final Org ORG = Iam.demoOrganization();
    private static final String BUILD_RUNNER = "arn:aws:iam::111111111111:role/build-runner";
    private static final String STAGING_DEPLOY = "arn:aws:iam::222222222222:role/cross-account-deploy";
    private static final String PROD_DEPLOY = "arn:aws:iam::123456789012:role/cross-account-deploy";

    private static byte[] resource(String dir, String name) throws IOException {
        try (InputStream in = DemoOrganizationTest.class.getResourceAsStream(dir + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static void assertAllowed(Decision d, String hop) {
        assertTrue(d.allowed(), hop + " should be allowed:\n" + d);
    }

    @Test
    void demoOrgResources_whenRegeneratedFromGenerator_thenIdenticalToCommittedFiles() throws IOException {
        SortedMap<String, byte[]> expected = DemoOrganizationGenerator.render();
        String index = new String(resource(DemoOrganization.RESOURCE_DIR, DemoOrganization.INDEX), StandardCharsets.UTF_8);
        assertEquals(String.join("\n", expected.keySet()) + "\n", index, "index.txt differs; rerun DemoOrganizationGenerator");
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            assertArrayEquals(e.getValue(), resource(DemoOrganization.RESOURCE_DIR, e.getKey()),
                    e.getKey() + " differs; rerun DemoOrganizationGenerator");
        }
    }

    @Test
    void demoOrganization_whenLoaded_thenTheDemosFiveAccountsAreAllCollected() {
        assertEquals(List.of(TOOLS, PROD, STAGING, SANDBOX, MANAGEMENT), ORG.collectedAccountIds());
        assertEquals(ORG.members().size(), ORG.collectedAccountIds().size());
        assertEquals(MANAGEMENT, ORG.managementAccountId());
        Map<String, String> names = new TreeMap<>();
        ORG.forEachAccount(a -> {
            names.put(a.accountId(), a.alias());
            assertEquals(DemoOrganization.AS_OF, a.asOf(), a.accountId());
            assertTrue(a.snapshot().organization().isPresent(), a.accountId() + " carries the organization");
        });
        assertEquals(Map.of(TOOLS, "tools-ci", PROD, "example-prod", STAGING, "example-staging",
                SANDBOX, "sandbox-dev", MANAGEMENT, "management"), names);
        assertEquals(List.of("Root/Shared", "Root/Production", "Root/Production", "Root/Sandbox", "Root"),
                ORG.members().stream().map(OrgMember::ouPath).toList());
    }

    @Test
    void demoOrganization_whenMemberIsTheDemoAccount_thenItIsIamDemoUnchanged() {
        assertEquals(Iam.demo().snapshot(), ORG.account(PROD).snapshot());
    }

    @Test
    void provenance_whenLoadedTwice_thenSameDigest_andSavingKeepsIt(@TempDir Path tmp) {
        String first = ORG.provenance().sha256();
        String second = Iam.demoOrganization().provenance().sha256();
        assertEquals(first, second);
        assertTrue(first.matches("[0-9a-f]{64}"), first);
        Org saved = Iam.fromOrganizationSnapshot(ORG.save(tmp.resolve("demo-org")));
        assertEquals(first, saved.provenance().sha256());
        assertTrue(saved.verify().stringColumn("status").asList().stream().allMatch("same"::equals));
    }

    @Test
    void demoOrganization_whenPackedInAJar_thenMembersReadFromTheJarEqually(@TempDir Path tmp) throws IOException {
        Path jar = tmp.resolve("library.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (String dir : List.of(DemoAccount.RESOURCE_DIR, DemoOrganization.RESOURCE_DIR)) {
                String index = new String(resource(dir, "index.txt"), StandardCharsets.UTF_8);
                for (String name : ("index.txt\n" + index).lines().filter(l -> !l.isBlank()).toList()) {
                    out.putNextEntry(new java.util.jar.JarEntry(dir.substring(1) + name));
                    out.write(resource(dir, name));
                    out.closeEntry();
                }
            }
        }
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            OrgSource fromJar = DemoOrganization.source(loader);
            for (String id : List.of(STAGING, TOOLS, PROD)) {
                assertEquals(ORG.account(id).snapshot(), fromJar.load(id), id);
            }
        }
    }

    // ---- the chained path to admin, hop by hop: both sides of each sts:AssumeRole must allow ------------------

    @Test
    void chain_hop1_whenSandboxDeveloperAssumesBuildRunner_thenHerPolicyAndItsTrustAllow() {
        Account sandbox = ORG.account(SANDBOX);
        Account tools = ORG.account(TOOLS);
        assertCanAssume(sandbox, "dev-sam", tools, BUILD_RUNNER, Map.of());
        assertCanAssume(sandbox, "dev-riley", tools, BUILD_RUNNER, Map.of());
        assertFalse(canAssume(sandbox, "sandbox-lambda", tools, BUILD_RUNNER, Map.of()),
                "the trust admits all of sandbox-dev, but only the developers' policy asks for it");
        // The trust names the whole account, with no condition: that is the planted member→member trust.
        Statement trust = tools.findRole("build-runner").orElseThrow().trustPolicy().statements().get(0);
        assertEquals(List.of("arn:aws:iam::333333333333:root"), trust.principal().orElseThrow().aws());
        assertTrue(trust.conditions().isEmpty());
    }

    @Test
    void chain_hop2_whenBuildRunnerAssumesStagingDeploy_thenItsPolicyAndStagingsTrustAllow() {
        Account tools = ORG.account(TOOLS);
        Account staging = ORG.account(STAGING);
        assertCanAssume(tools, "build-runner", staging, STAGING_DEPLOY, Map.of());
        Decision user = staging.simulate("arn:aws:iam::111111111111:user/casey.ci", "sts:AssumeRole", STAGING_DEPLOY);
        assertFalse(sideAllows(user, LayerKind.RESOURCE_POLICY), "staging trusts tools-ci's roles, not its users");
    }

    @Test
    void chain_end_whenStagingDeployActs_thenItIsAdminEquivalent() {
        Account staging = ORG.account(STAGING);
        assertTrue(staging.audit().admins().check("ADMIN-EFFECTIVE").principals().contains("cross-account-deploy"),
                staging.audit().admins().table().print());
        assertAllowed(staging.simulate("cross-account-deploy", "iam:AttachRolePolicy",
                "arn:aws:iam::222222222222:role/anything"), "staging deploy role writing IAM");
    }

    @Test
    void chain_whenBuildRunnerTargetsProd_thenProdsTrustRefuses_andCiPipelineNeedsTheExternalId() {
        Account tools = ORG.account(TOOLS);
        Account prod = ORG.account(PROD);
        assertTrue(sideAllows(tools.simulate("build-runner", "sts:AssumeRole", PROD_DEPLOY), LayerKind.IDENTITY),
                "its own policy names the deploy role of any account");
        assertFalse(canAssume(tools, "build-runner", prod, PROD_DEPLOY, Map.of()), "prod trusts ci-pipeline only");
        assertFalse(canAssume(tools, "ci-pipeline", prod, PROD_DEPLOY, Map.of()), "without the ExternalId");
        assertCanAssume(tools, "ci-pipeline", prod, PROD_DEPLOY, Map.of("sts:ExternalId", "prod-deploy-2024"));
        assertCanAssume(tools, "ci-pipeline", staging(), STAGING_DEPLOY, Map.of());
    }

    private static Account staging() {
        return ORG.account(STAGING);
    }

    // ---- the other planted trusts -------------------------------------------------------------------------------

    @Test
    void vendorScanner_whenReviewed_thenTrustsAnOutsideAccountWithoutExternalId() {
        Account tools = ORG.account(TOOLS);
        Role r = tools.findRole("vendor-scanner").orElseThrow();
        Statement s = r.trustPolicy().statements().get(0);
        assertEquals(List.of("arn:aws:iam::555566667777:root"), s.principal().orElseThrow().aws());
        assertTrue(s.conditions().isEmpty());
        assertTrue(ORG.organization().account("555566667777").isEmpty(), "the vendor is outside the organization");
        assertTrue(sideAllows(tools.simulate("arn:aws:iam::555566667777:role/scanner", "sts:AssumeRole", r.arn()),
                LayerKind.RESOURCE_POLICY), "the trust admits any principal of the vendor's account");
        // The clean contrast: staging's monitoring vendor must give its ExternalId.
        String monitoring = "arn:aws:iam::222222222222:role/monitoring-vendor";
        assertFalse(sideAllows(staging().simulate("arn:aws:iam::777788889999:role/monitor", "sts:AssumeRole", monitoring),
                LayerKind.RESOURCE_POLICY));
        assertTrue(sideAllows(staging().simulate("arn:aws:iam::777788889999:role/monitor", "sts:AssumeRole", monitoring,
                Map.of("sts:ExternalId", "staging-monitoring-7731")), LayerKind.RESOURCE_POLICY));
    }

    @Test
    void auditReadonly_whenManagementCollects_thenEveryGeneratedMemberAdmitsOnlyTheSecurityAuditRole() {
        String auditor = "arn:aws:iam::999999999999:role/security-audit";
        for (String id : List.of(TOOLS, STAGING, SANDBOX)) {
            Account a = ORG.account(id);
            String target = "arn:aws:iam::" + id + ":role/audit-readonly";
            Account management = ORG.account(MANAGEMENT);
            assertCanAssume(management, "security-audit", a, target, Map.of());
            assertFalse(canAssume(management, "bill.finance", a, target, Map.of()), id);
        }
    }
}
