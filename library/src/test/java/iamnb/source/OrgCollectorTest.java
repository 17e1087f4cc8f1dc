package iamnb.source;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import iamnb.Iam;
import iamnb.InvalidInputException;
import iamnb.Org;
import iamnb.model.AccountSnapshot;
import iamnb.model.OrgAccount;
import iamnb.model.OrgMember;
import iamnb.model.OrgPolicy;
import iamnb.model.Organization;
import iamnb.model.PolicyDocument;
import iamnb.model.Role;
import iamnb.model.User;
import iamnb.source.internal.DerivedCredentialReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collecting a whole organization against a local AWS in its own wire formats ({@link FakeOrganization}):
 * Organizations JSON 1.1 with NextToken pages, STS AssumeRole with a distinct session per member account, and
 * each account's IAM told apart by the access key id its requests are signed with. No SDK class is mocked.
 */
class OrgCollectorTest {
    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    private static final String ROLE = OrgOptions.DEFAULT_MEMBER_ROLE;
    /** The demo organization: management 999999999999 at the root; OUs shared, prod and sandbox. */
    private static final Organization DEMO_ORG = DemoAccount.load().organization().orElseThrow();
    private static final String MANAGEMENT = "999999999999", TOOLS = "111111111111", PROD = "123456789012",
            STAGING = "222222222222", SANDBOX = "333333333333";

    private FakeOrganization aws;

    @AfterEach
    void stop() {
        if (aws != null) {
            aws.close();
        }
    }

    // ---- the accounts the fake serves --------------------------------------------------------------------------

    /** A small account of its own per id: one user and one role whose names carry the id, and its credential report. */
    private static AccountSnapshot account(String id) {
        Instant created = Instant.parse("2024-01-15T10:00:00Z");
        User u = User.builder("dev-" + id, "arn:aws:iam::" + id + ":user/dev-" + id).userId("AIDA" + id + "USER")
                .created(created).build();
        Role r = Role.builder(ROLE, "arn:aws:iam::" + id + ":role/" + ROLE).roleId("AROA" + id + "ROLE")
                .created(created).trustPolicy(PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                        + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + MANAGEMENT + ":root\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}", "test trust")).build();
        AccountSnapshot s = AccountSnapshot.builder(id, AS_OF).users(List.of(u)).roles(List.of(r)).build();
        return s.toBuilder().credentialReport(DerivedCredentialReport.derive(s, new DerivedCredentialReport.Facts(
                created, Optional.empty(), true, Map.of(), AS_OF))).build();
    }

    private static Map<String, AccountSnapshot> accounts(Organization org) {
        Map<String, AccountSnapshot> out = new TreeMap<>();
        org.accounts().forEach(a -> out.put(a.id(), account(a.id())));
        return out;
    }

    private FakeOrganization serve(Organization org, Set<String> missingRoles) {
        aws = new FakeOrganization(org, accounts(org), ROLE, missingRoles);
        return aws;
    }

    private Org collect(Consumer<OrgOptions.Builder> more) {
        return Iam.organization(o -> {
            o.endpointOverride(aws.endpoint()).region("us-east-1").credentials(aws.callerCredentials())
                    .clock(Clock.fixed(AS_OF, ZoneOffset.UTC)).maxAttempts(3).parallelism(3)
                    // S3, Access Analyzer and CloudTrail have their own tests; IAM is what tells accounts apart here
                    .memberOptions(m -> m.skip(LivePart.BUCKETS, LivePart.ACCESS_ANALYZER, LivePart.CLOUDTRAIL)
                            .pollInterval(Duration.ofMillis(10)));
            more.accept(o);
        });
    }

    private static Organization withStatus(Organization org, String accountId, String status) {
        List<OrgAccount> accounts = new ArrayList<>();
        for (OrgAccount a : org.accounts()) {
            accounts.add(a.id().equals(accountId)
                    ? new OrgAccount(a.id(), a.arn(), a.name(), a.email(), status, a.parentId(), a.policyIds()) : a);
        }
        return new Organization(org.id(), org.arn(), org.managementAccountId(), org.featureSet(), org.units(), accounts,
                org.policies());
    }

    /** The organization with its policies in id order (as the demo lists them; the collector lists SCPs first). */
    private static Organization policiesById(Organization org) {
        return new Organization(org.id(), org.arn(), org.managementAccountId(), org.featureSet(), org.units(),
                org.accounts(), org.policies().stream().sorted(java.util.Comparator.comparing(OrgPolicy::id)).toList());
    }

    // ---- request counting with WireMock's own matchers --------------------------------------------------------

    private static RequestPatternBuilder assumeRoleInto(String accountId) {
        return postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole&"))
                .withRequestBody(containing("RoleArn=arn%3Aaws%3Aiam%3A%3A" + accountId + "%3Arole%2F" + ROLE));
    }

    private static RequestPatternBuilder assumeRole() {
        return postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole&"));
    }

    private static RequestPatternBuilder gaadSignedWith(String keyId) {
        return postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetAccountAuthorizationDetails&"))
                .withHeader("Authorization", containing("Credential=" + keyId + "/"));
    }

    private static RequestPatternBuilder organizations(String operation) {
        return postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(FakeOrganization.ORGANIZATIONS_PREFIX + operation));
    }

    private int count(RequestPatternBuilder pattern) {
        return aws.server().countRequestsMatching(pattern.build()).getCount();
    }

    // ---- the cases -------------------------------------------------------------------------------------------

    @Test
    void collect_whenThreeAccountsAreSelected_entersEachWithItsOwnSessionAndListsTheRest() {
        serve(DEMO_ORG, Set.of());
        Org org = collect(o -> o.accounts(MANAGEMENT, STAGING, TOOLS));

        assertEquals(DEMO_ORG, policiesById(org.organization()));
        assertEquals(List.of(TOOLS, MANAGEMENT, STAGING).stream().sorted().toList(), org.collectedAccountIds());
        for (String id : org.collectedAccountIds()) {
            AccountSnapshot s = org.account(id).snapshot();
            assertEquals(List.of("dev-" + id), s.users().stream().map(User::name).toList(), id);
            assertEquals(DEMO_ORG, policiesById(s.organization().orElseThrow()),
                    "the member is loaded with the organization's SCPs");
        }
        // each member's IAM was read with that member's session, the management account with the caller's own key
        assertEquals(1, count(gaadSignedWith(FakeOrganization.memberKeyId(STAGING))));
        assertEquals(1, count(gaadSignedWith(FakeOrganization.memberKeyId(TOOLS))));
        assertEquals(1, count(gaadSignedWith(aws.callerKeyId())));
        assertEquals(0, count(assumeRoleInto(MANAGEMENT)), "the caller's own account is not entered by a role");
        assertEquals(1, count(assumeRoleInto(STAGING)));
        assertEquals(2, count(assumeRole()));

        OrgMember prod = org.findMember(PROD).orElseThrow();
        assertFalse(prod.collected());
        assertTrue(prod.warnings().get(0).contains("not selected"), prod.warnings().toString());
        assertEquals(0, count(assumeRoleInto(PROD)));
        assertEquals("Root/Production", prod.ouPath());
    }

    @Test
    void collect_whenAMemberRoleIsMissing_listsTheAccountAsNotCollectedWithAwsReason() {
        serve(DEMO_ORG, Set.of(SANDBOX));
        Org org = collect(o -> { });

        assertEquals(List.of(TOOLS, PROD, STAGING, MANAGEMENT), org.collectedAccountIds());
        OrgMember sandbox = org.findMember(SANDBOX).orElseThrow();
        assertFalse(sandbox.collected());
        String reason = String.join("; ", sandbox.warnings());
        String roleArn = "arn:aws:iam::" + SANDBOX + ":role/" + ROLE;
        assertTrue(reason.contains("account " + SANDBOX + " (sandbox-dev)"), reason);
        assertTrue(reason.contains("cannot assume " + roleArn), reason);
        assertTrue(reason.contains("AccessDenied: User: arn:aws:iam::" + MANAGEMENT
                + ":user/auditor is not authorized to perform: sts:AssumeRole on resource: " + roleArn), reason);
        assertTrue(reason.contains("the role may be missing"), reason);
        assertEquals(0, count(gaadSignedWith(FakeOrganization.memberKeyId(SANDBOX))));
        assertEquals(1, org.accounts().booleanColumn("collected").countFalse());
    }

    @Test
    void collect_whenStsIsNotEnabledInTheRegionForAnAccount_saysSoInItsReason() {
        serve(DEMO_ORG, Set.of()).regionDisabled(TOOLS);
        Org org = collect(o -> { });

        String reason = String.join("; ", org.findMember(TOOLS).orElseThrow().warnings());
        assertTrue(reason.contains("account " + TOOLS + " (tools-ci) not collected: cannot assume arn:aws:iam::"
                + TOOLS + ":role/" + ROLE), reason);
        assertTrue(reason.contains("RegionDisabledException: STS is not activated in this region"), reason);
        assertTrue(reason.contains("collect from a region it enables"), reason);
        assertEquals(4, org.collectedAccountIds().size());
    }

    @Test
    void collect_whenOrganizationsThrottles_retriesAndListsEveryAccount() {
        serve(DEMO_ORG, Set.of()).throttleFirst("ListAccountsForParent", 2).throttleFirst("ListRoots", 1);
        Org org = collect(o -> { });

        assertEquals(5, org.collectedAccountIds().size());
        assertEquals(DEMO_ORG, policiesById(org.organization()));
        // root, shared, prod and sandbox are each asked once (the demo's parents hold at most two accounts, one
        // page each), plus the two throttled attempts
        assertEquals(DEMO_ORG.units().size() + 2, count(organizations("ListAccountsForParent")));
        assertEquals(2, count(organizations("ListRoots")));
    }

    @Test
    void collect_whenAnAccountIsSuspended_skipsItWithoutCallingAws() {
        serve(withStatus(DEMO_ORG, STAGING, "SUSPENDED"), Set.of());
        Org org = collect(o -> { });

        OrgMember staging = org.findMember(STAGING).orElseThrow();
        assertFalse(staging.collected());
        assertEquals("SUSPENDED", staging.status());
        assertTrue(staging.warnings().get(0).contains("SUSPENDED: skipped without calling AWS"), staging.warnings().toString());
        assertEquals(0, count(assumeRoleInto(STAGING)));
        assertEquals(4, org.collectedAccountIds().size());
    }

    @Test
    void collect_whenSavedToAFolderThatHoldsCollectedAccounts_fetchesOnlyTheRest(@TempDir Path dir) {
        serve(DEMO_ORG, Set.of(SANDBOX));
        Path folder = dir.resolve("org");
        Org first = collect(o -> o.accounts(STAGING, TOOLS, SANDBOX).saveTo(folder));
        assertEquals(List.of(TOOLS, STAGING), first.collectedAccountIds());
        assertTrue(Files.isDirectory(folder.resolve("accounts").resolve(STAGING)));
        assertEquals(3, count(assumeRole()));

        aws.server().resetRequests();
        Org second = collect(o -> o.saveTo(folder));
        assertEquals(0, count(assumeRoleInto(STAGING)), "an account already collected is not entered again");
        assertEquals(0, count(assumeRoleInto(TOOLS)));
        assertEquals(0, count(gaadSignedWith(FakeOrganization.memberKeyId(STAGING))));
        assertEquals(1, count(assumeRoleInto(SANDBOX)), "an account not collected is retried");
        assertEquals(1, count(assumeRoleInto(PROD)));
        assertEquals(List.of(TOOLS, PROD, STAGING, MANAGEMENT), second.collectedAccountIds());
        assertEquals(first.findMember(STAGING).orElseThrow().sha256(), second.findMember(STAGING).orElseThrow().sha256());
        assertTrue(second.verify().stringColumn("status").asList().stream().allMatch("same"::equals), second.verify().print());
    }

    @Test
    void collect_whenTheFolderHoldsAnotherOrganization_refusesToMixThem(@TempDir Path dir) {
        serve(DEMO_ORG, Set.of());
        collect(o -> o.accounts(TOOLS).saveTo(dir));
        aws.close();
        serve(new Organization("o-zzzzzzzzzz", DEMO_ORG.arn(), MANAGEMENT, "ALL", DEMO_ORG.units(),
                DEMO_ORG.accounts(), DEMO_ORG.policies()), Set.of());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> collect(o -> o.saveTo(dir)));
        assertTrue(e.getMessage().contains(DEMO_ORG.id()) && e.getMessage().contains("o-zzzzzzzzzz"), e.getMessage());
        assertEquals(0, count(assumeRole()));
    }

    @Test
    void collect_whenSavedOrHeldInMemory_givesTheSameDigestAsTheFolderReadBack(@TempDir Path dir) {
        serve(DEMO_ORG, Set.of(SANDBOX));
        Org inMemory = collect(o -> { });
        Path copy = inMemory.save(dir.resolve("copy"));
        Org readBack = Iam.fromOrganizationSnapshot(copy);
        assertEquals(inMemory.provenance().sha256(), readBack.provenance().sha256());
        assertEquals(inMemory.members(), readBack.members().stream()
                .map(m -> m.collected() ? m.collected("", m.warnings()) : m).toList());

        Org saved = collect(o -> o.saveTo(dir.resolve("direct")));
        assertEquals(inMemory.provenance().sha256(), saved.provenance().sha256());
        assertEquals(inMemory.provenance().sha256(),
                Iam.fromOrganizationSnapshot(dir.resolve("direct")).provenance().sha256());
    }

    @Test
    void collect_reportsAnOverallPhaseAndOnePhasePerAccount() {
        serve(DEMO_ORG, Set.of(SANDBOX));
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        collect(o -> o.progress(new ProgressListener() {
            @Override
            public void started(String phase, int total) {
                events.add("started " + phase + " " + total);
            }

            @Override
            public void advanced(String phase, int done) {
                events.add("advanced " + phase + " " + done);
            }

            @Override
            public void finished(String summary) {
                events.add("finished " + summary);
            }
        }));
        assertTrue(events.contains("started accounts 5"), events.toString());
        assertTrue(events.contains("advanced accounts 5"), events.toString());
        assertTrue(events.contains("started account 222222222222 (example-staging) 0"), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.startsWith("advanced account 222222222222 (example-staging) ")),
                events.toString());
        assertEquals("finished 5 accounts: 4 collected, 0 reused, 1 not collected", events.get(events.size() - 1));
    }

    @Test
    void collect_whenAnAccountIdIsNotInTheOrganization_namesTheAccountsItHas() {
        serve(DEMO_ORG, Set.of());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> collect(o -> o.accounts("444444444444")));
        assertTrue(e.getMessage().contains("444444444444") && e.getMessage().contains(STAGING), e.getMessage());
        assertEquals(0, count(assumeRole()));
    }

    @Test
    void collect_underAnOu_collectsOnlyTheAccountsBelowIt() {
        serve(DEMO_ORG, Set.of());
        Org org = collect(o -> o.underOu("Root/Production"));
        assertEquals(List.of(PROD, STAGING), org.collectedAccountIds());
    }
}
