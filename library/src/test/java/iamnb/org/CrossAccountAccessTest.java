package iamnb.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.InvalidInputException;
import iamnb.chart.Chart;
import iamnb.model.AccountSnapshot;
import iamnb.model.InlinePolicy;
import iamnb.model.OrgAccount;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import iamnb.model.PolicyDocument;
import iamnb.model.Role;
import iamnb.model.User;
import iamnb.source.InMemoryOrg;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * A hand-built organization of three collected accounts: dev (A) holds the people, shared (B) a deploy role and a
 * vendor role, prod (C) an admin role. alice (A) can reach admin in C through deploy (B); bob (A) is trusted but an
 * SCP on his account denies him; carol (A) is trusted as part of A but her own policies allow nothing; vendor needs
 * an external id.
 */
class CrossAccountAccessTest {
    static final String A = "111111111111";
    static final String B = "222222222222";
    static final String C = "333333333333";
    static final String MANAGEMENT = "999999999999";
    static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    static final String DEPLOY = "arn:aws:iam::" + B + ":role/deploy";
    static final String VENDOR = "arn:aws:iam::" + B + ":role/vendor";
    static final String ADMIN = "arn:aws:iam::" + C + ":role/admin";
    static final String ALICE = "arn:aws:iam::" + A + ":user/alice";
    static final String BOB = "arn:aws:iam::" + A + ":user/bob";

    private static PolicyDocument doc(String json) {
        return PolicyDocument.parse(json, "test");
    }

    private static PolicyDocument allow(String action, String... resources) {
        return doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Allow" + action.replaceAll("\\W", "")
                + "\",\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":[\""
                + String.join("\",\"", resources) + "\"]}]}");
    }

    private static PolicyDocument trust(String principal, String condition) {
        return doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Trust\",\"Effect\":\"Allow\",\"Principal\":"
                + principal + ",\"Action\":\"sts:AssumeRole\"" + (condition.isEmpty() ? "" : ",\"Condition\":" + condition)
                + "}]}");
    }

    static Organization organization() {
        OrgPolicy full = new OrgPolicy("p-FullAWSAccess", "", "FullAWSAccess", "", OrgPolicy.SCP, true,
                allow("*", "*"));
        OrgPolicy denyBob = new OrgPolicy("p-denybob", "", "DenyBobAssume", "", OrgPolicy.SCP, false,
                doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoAssumeForBob\",\"Effect\":\"Deny\","
                        + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\",\"Condition\":{\"ArnLike\":"
                        + "{\"aws:PrincipalArn\":\"arn:aws:iam::*:user/bob\"}}}]}"));
        return new Organization("o-test123456", "", MANAGEMENT, "ALL",
                List.of(new OrgUnit("r-root", "", "Root", "", List.of("p-FullAWSAccess")),
                        new OrgUnit("ou-dev", "", "dev", "r-root", List.of("p-FullAWSAccess")),
                        new OrgUnit("ou-prod", "", "prod", "r-root", List.of("p-FullAWSAccess"))),
                List.of(new OrgAccount(A, "", "dev", "", "ACTIVE", "ou-dev", List.of("p-FullAWSAccess", "p-denybob")),
                        new OrgAccount(B, "", "shared", "", "ACTIVE", "ou-prod", List.of("p-FullAWSAccess")),
                        new OrgAccount(C, "", "prod", "", "ACTIVE", "ou-prod", List.of("p-FullAWSAccess")),
                        new OrgAccount(MANAGEMENT, "", "management", "", "ACTIVE", "r-root", List.of())),
                List.of(full, denyBob));
    }

    static AccountSnapshot accountA() {
        return AccountSnapshot.builder(A, AS_OF).users(List.of(
                User.builder("alice", ALICE).userId("AIDAALICE").addInlinePolicy(new InlinePolicy("assume-shared",
                        allow("sts:AssumeRole", DEPLOY, VENDOR))).build(),
                User.builder("bob", BOB).userId("AIDABOB").addInlinePolicy(new InlinePolicy("assume-anything",
                        allow("sts:AssumeRole", "*"))).build(),
                User.builder("carol", "arn:aws:iam::" + A + ":user/carol").userId("AIDACAROL").build())).build();
    }

    static AccountSnapshot accountB() {
        return AccountSnapshot.builder(B, AS_OF).roles(List.of(
                Role.builder("deploy", DEPLOY).roleId("AROADEPLOY")
                        .trustPolicy(trust("{\"AWS\":\"arn:aws:iam::" + A + ":root\"}", ""))
                        .inlinePolicies(List.of(new InlinePolicy("assume-prod-admin", allow("sts:AssumeRole", ADMIN))))
                        .build(),
                Role.builder("vendor", VENDOR).roleId("AROAVENDOR")
                        .trustPolicy(trust("{\"AWS\":\"" + A + "\"}", "{\"StringEquals\":{\"sts:ExternalId\":\"ext-42\"}}"))
                        .build())).build();
    }

    static AccountSnapshot accountC() {
        return AccountSnapshot.builder(C, AS_OF).roles(List.of(
                Role.builder("admin", ADMIN).roleId("AROAADMIN")
                        .trustPolicy(trust("{\"AWS\":\"" + DEPLOY + "\"}", ""))
                        .inlinePolicies(List.of(new InlinePolicy("everything", allow("*", "*")))).build(),
                Role.builder("lambda-exec", "arn:aws:iam::" + C + ":role/lambda-exec").roleId("AROALAMBDA")
                        .trustPolicy(trust("{\"Service\":\"lambda.amazonaws.com\"}", "")).build())).build();
    }

    static OrgAccess access() {
        return new OrgAccess(InMemoryOrg.of(organization(), List.of(accountA(), accountB(), accountC()), "test organization"));
    }

    private static List<String> edgeLines(Table t) {
        return t.stream().map(r -> r.getString("from_principal") + " -> " + r.getString("to_role") + " via "
                + r.getString("via")).toList();
    }

    @Test
    void trustGraph_listsEveryEdgeTheEngineAllows_andNoOther() {
        Table t = access().trustGraph().table();
        assertEquals(List.of(
                "arn:aws:iam::111111111111:user/alice -> " + DEPLOY + " via account root",
                "arn:aws:iam::111111111111:user/alice -> " + VENDOR + " via account root",
                DEPLOY + " -> " + ADMIN + " via role ARN",
                "lambda.amazonaws.com -> arn:aws:iam::333333333333:role/lambda-exec via service"), edgeLines(t));
        assertTrue(t.name().contains("o-test123456") && t.name().contains("4 edges"), t.name());
    }

    @Test
    void trustGraph_principalDeniedByAnScpOfItsAccount_hasNoEdge() {
        Table t = access().trustGraph().table();
        assertFalse(t.stringColumn("from_principal").contains(BOB), edgeLines(t).toString());
        // bob's identity policies and deploy's trust both allow; the SCP of account A is what stops him
        var d = iamnb.policy.CrossAccountSimulator.simulate(
                new iamnb.policy.AccountSimulator(new iamnb.model.AccountView(
                        iamnb.source.OrgSnapshots.withOrganization(accountA(), organization()), "A")),
                new iamnb.policy.AccountSimulator(new iamnb.model.AccountView(
                        iamnb.source.OrgSnapshots.withOrganization(accountB(), organization()), "B")),
                iamnb.policy.Request.builder().principal(BOB).action("sts:AssumeRole").resource(DEPLOY).build());
        assertFalse(d.allowed());
        assertEquals(iamnb.policy.LayerKind.SCP, d.decidingLayer());
        assertTrue(d.explain().contains("NoAssumeForBob"), d.explain());
    }

    @Test
    void trustGraph_trustedAccountMemberWhoseOwnPoliciesAllowNothing_hasNoEdge() {
        Table t = access().trustGraph().table();
        assertFalse(t.stringColumn("from_principal").contains("arn:aws:iam::" + A + ":user/carol"));
    }

    @Test
    void trustGraph_edgeNeedingAnExternalId_carriesIt() {
        TrustEdge vendor = access().trustGraph().edgesInto(VENDOR).get(0);
        assertEquals(List.of("ext-42"), vendor.externalIds());
        assertEquals(Map.of("sts:ExternalId", List.of("ext-42")), vendor.requiredContext());
        assertTrue(vendor.wholeAccount() && vendor.crossAccount());
        Table t = access().trustGraph().table();
        int row = t.stringColumn("to_role").indexOf(VENDOR);
        assertEquals("ext-42", t.stringColumn("external_id").get(row));
        assertEquals("StringEquals sts:ExternalId ext-42", t.stringColumn("conditions").get(row));
    }

    @Test
    void pathsToAdmin_findsTheChainedPathThroughAnotherAccount_andExplainsEachHop() {
        RolePaths paths = access().pathsToAdmin(C);
        Table t = paths.table();
        assertEquals(List.of("deploy (222222222222) → admin (333333333333)",
                "alice (111111111111) → deploy (222222222222) → admin (333333333333)"),
                t.stringColumn("hop_list").asList());
        assertEquals(List.of(1, 2), t.intColumn("hops").asList());
        assertEquals(2, t.booleanColumn("verified").countTrue());
        RolePath chained = paths.get(2);
        assertEquals(ALICE, chained.start());
        assertEquals(ADMIN, chained.end());
        String text = chained.explain();
        assertTrue(text.contains("Hop 2: role session deploy/" + AssumeChecks.SESSION), text);
        assertTrue(text.contains("statement Trust") && text.contains("statement AllowstsAssumeRole"), text);
        assertTrue(text.contains("every hop allowed by the policy engine"), text);
        // a terminal (jupyter console) gets one line a path, not a grid wider than the screen
        String plain = (String) paths.toMimeBundle().get("text/plain");
        assertTrue(plain.contains("\n  2. alice (111111111111) → deploy (222222222222) → admin (333333333333) · 2 hops"
                + " · verified"), plain);
        String html = (String) paths.toMimeBundle().get("text/html");
        assertTrue(html.contains("<div align=\"left\">alice (111111111111) → deploy"), html);
    }

    @Test
    void pathsTo_roleWithNoTrustedMemberPrincipal_findsOnlyTheOutsideCaller() {
        RolePaths paths = access().pathsTo("arn:aws:iam::" + C + ":role/lambda-exec");
        assertEquals(1, paths.size());
        assertEquals(NodeKind.SERVICE, paths.get(1).startKind());
        assertTrue(paths.get(1).verified());
    }

    @Test
    void whoCan_findsThePrincipalOfAnotherAccountOnlyWhenBothSidesAllow() {
        OrgAccess access = access();
        Table deploy = access.whoCan("sts:AssumeRole", DEPLOY);
        assertEquals(List.of(ALICE), deploy.stringColumn("principal").asList());
        assertEquals(List.of(A), deploy.stringColumn("principal_account").asList());
        assertTrue(deploy.name().contains("account " + B), deploy.name());
        assertFalse(deploy.columnNames().contains("action"));

        // bob's identity allows any AssumeRole, but admin's trust names only deploy: account A is not even loaded
        Table admin = access.whoCan("sts:AssumeRole", ADMIN);
        assertEquals(List.of(DEPLOY), admin.stringColumn("principal").asList());
        assertTrue(admin.name().contains("1 accounts skipped"), admin.name());
    }

    @Test
    void unknownAccountsAndBadArnsAreClearErrors() {
        OrgAccess access = access();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> access.pathsToAdmin("333333333334"));
        assertTrue(e.getMessage().contains("not a member"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> access.pathsToAdmin(MANAGEMENT));
        assertTrue(e.getMessage().contains("not collected"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> access.pathsTo("admin"));
        assertTrue(e.getMessage().contains("role ARN"), e.getMessage());
    }

    @Test
    void trustGraphChart_drawsTheAccountsAndCountsTheirEdges() {
        Chart chart = access().trustGraphChart();
        Table data = chart.data();
        assertTrue(data.stringColumn("from").contains(A) && data.stringColumn("to").contains(C));
        assertTrue(chart.description().contains("4 of 4 assume-role edges"), chart.description());
        assertTrue(chart.png().length > 1000);
        assertTrue(chart.svg().contains("<title>"));
    }
}
