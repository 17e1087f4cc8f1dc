package iamnb.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.Account;
import iamnb.Iam;
import iamnb.model.PolicyDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * "What would allow this" on the demo account's real denials and on layers given directly: the change an expert
 * would make comes first, every change listed is proved by evaluating again, and discovery mode names the keys
 * that would change the answer.
 */
class WhatWouldAllowTest {
    private static final Account ACCT = Iam.demo();
    private static final String OIDC = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

    private static PolicyDocument doc(String json) {
        return PolicyDocument.parse(json.replace('\'', '"'));
    }

    /** Every change is re-evaluated independently here, not only trusted from the list. */
    private static void assertEveryChangeAllows(Decision d) {
        for (Change c : d.whatWouldAllow().changes()) {
            Decision again = PolicyEvaluator.evaluate(c.result().request(), c.result().layers());
            assertEquals(Verdict.ALLOW, again.verdict(), c + "\n" + again.explain());
        }
    }

    @Test
    void whatWouldAllow_whenBucketStatementNamesTheBucketForObjects_correctsThatStatementFirst() {
        Decision d = ACCT.simulate("app-role", "s3:GetObject", "arn:aws:s3:::my-bucket/data/file.json");
        Change best = d.whatWouldAllow().best().orElseThrow();
        assertEquals(Change.Kind.CORRECT_RESOURCE, best.kind(), d.whatWouldAllow().toString());
        assertTrue(best.description().startsWith("Add \"arn:aws:s3:::my-bucket/*\" to the Resource of statement AppRoleRead"),
                best.description());
        assertTrue(best.json().contains("\"Resource\":[\"arn:aws:s3:::my-bucket\",\"arn:aws:s3:::my-bucket/*\"]"), best.json());
        assertTrue(d.fix().startsWith("Fix: Add \"arn:aws:s3:::my-bucket/*\" to the Resource of statement AppRoleRead"), d.fix());
        assertFalse(d.whatWouldAllow().toString().contains("prod-data/uploads"),
                "another bucket's statement must not be widened:\n" + d.whatWouldAllow());
        assertEveryChangeAllows(d);
    }

    @Test
    void whatWouldAllow_whenTrustNamesAnotherServiceAccount_pinsSubToThisOneAndNeverTrustsTheProvider() {
        Request r = Request.builder()
                .principal(RequestPrincipal.webIdentity("arn:aws:iam::123456789012:oidc-provider/" + OIDC))
                .action("sts:AssumeRoleWithWebIdentity").resource("arn:aws:iam::123456789012:role/my-app-role-v2")
                .context(OIDC + ":sub", "system:serviceaccount:default:my-app-sa")
                .context(OIDC + ":aud", "sts.amazonaws.com").build();
        Decision d = ACCT.simulate(r);
        assertEquals(Verdict.IMPLICIT_DENY, d.verdict());
        Change best = d.whatWouldAllow().best().orElseThrow();
        assertEquals(Change.Kind.PIN_CONDITION, best.kind(), d.whatWouldAllow().toString());
        assertTrue(best.json().contains("\"" + OIDC + ":sub\":\"system:serviceaccount:default:my-app-sa\""), best.json());
        for (Change c : d.whatWouldAllow().changes()) {
            assertTrue(c.json().contains(":sub\":\"system:serviceaccount:default:my-app-sa\""),
                    "every trust change must pin sub to the service account: " + c);
        }
        assertFalse(d.fix().contains("trust policy trust policy"), d.fix());
        assertEveryChangeAllows(d);
    }

    @Test
    void whatWouldAllow_whenBucketDeniesUnencryptedUpload_sendsTheHeaderBeforeTouchingTheDeny() {
        Decision d = ACCT.simulate("app-role", "s3:PutObject", "arn:aws:s3:::prod-data/uploads/report.csv");
        List<Change> changes = d.whatWouldAllow().changes();
        assertEquals(Change.Kind.CONTEXT, changes.get(0).kind());
        assertEquals("Send the request with s3:x-amz-server-side-encryption = \"aws:kms\"", changes.get(0).description());
        assertTrue(changes.stream().anyMatch(c -> c.kind() == Change.Kind.NARROW_DENY), changes.toString());
        assertTrue(changes.stream().anyMatch(c -> c.kind() == Change.Kind.REMOVE_DENY), changes.toString());
        assertEveryChangeAllows(d);
    }

    @Test
    void whatWouldAllow_whenScpLevelIsSilent_attachesAnScpAtThatLevel() {
        Request r = Request.builder().principal("arn:aws:iam::111122223333:user/alice").action("s3:GetObject")
                .resource("arn:aws:s3:::b/k").build();
        Layers layers = Layers.builder()
                .identity("all", doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}"))
                .scpLevel("Root", doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}"))
                .scpLevel("ou-sandbox", doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'ec2:*','Resource':'*'}]}"))
                .build();
        Decision d = PolicyEvaluator.evaluate(r, layers);
        Change best = d.whatWouldAllow().best().orElseThrow();
        assertEquals(Change.Kind.WIDEN_ORGANIZATION_POLICY, best.kind());
        assertEquals("an SCP attached at ou-sandbox", best.where());
        assertEveryChangeAllows(d);
    }

    @Test
    void whatWouldAllow_whenCrossAccountNeedsBothSides_addsToBothAndProvesTheirSum() {
        Decision d = ACCT.simulate("arn:aws:iam::111111111111:role/ci-pipeline", "sts:AssumeRole",
                "arn:aws:iam::123456789012:role/cross-account-deploy");
        assertFalse(d.allowed());
        assertFalse(d.whatWouldAllow().isEmpty(), d.explain());
        assertEveryChangeAllows(d);
    }

    @Test
    void whatWouldAllow_whenAwsRefusesWhateverThePolicies_listsNoPolicyChange() {
        Decision d = ACCT.simulate("alice", "iam:CreatePolicyVersion", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertEquals(Verdict.EXPLICIT_DENY, d.verdict());
        assertTrue(d.summary().contains("AWS managed policies cannot be changed"), d.summary());
        assertTrue(d.summary().contains("IAM User Guide › Managed policies and inline policies › AWS managed policies"));
        assertTrue(d.whatWouldAllow().isEmpty());
        assertTrue(d.whatWouldAllow().note().contains("customer managed policy"), d.whatWouldAllow().note());
    }

    @Test
    void whatWouldAllow_whenServiceLinkedRoleIsDeletedWithDeleteRole_offersDeleteServiceLinkedRole() {
        String slr = "arn:aws:iam::111122223333:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport";
        Request r = Request.builder().principal("arn:aws:iam::111122223333:user/admin").action("iam:DeleteRole")
                .resource(slr).build();
        Layers layers = Layers.builder()
                .identity("admin", doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'iam:*','Resource':'*'}]}"))
                .build();
        Decision d = PolicyEvaluator.evaluate(r, layers);
        Change best = d.whatWouldAllow().best().orElseThrow();
        assertEquals(Change.Kind.ACTION, best.kind());
        assertEquals("iam:DeleteServiceLinkedRole", best.result().request().action());
    }

    @Test
    void whatWouldAllow_table_hasOneVerifiedRowPerChange() {
        Decision d = ACCT.simulate("app-role", "s3:GetObject", "arn:aws:s3:::my-bucket/data/file.json");
        Table t = d.whatWouldAllow().table();
        assertEquals(List.of("change", "where", "what", "json", "verified"), t.columnNames());
        assertEquals(d.whatWouldAllow().changes().size(), t.rowCount());
        assertTrue(t.stringColumn("verified").asList().stream().allMatch("ALLOW"::equals));
        assertTrue(d.toHtml().contains("What would allow this"), "the decision's HTML shows the section");
        assertTrue(d.toMarkdown().contains("**What would allow this**"));
    }

    @Test
    void whatWouldAllow_whenAllowed_isEmptyAndNotRendered() {
        Decision d = ACCT.simulate("app-role", "s3:ListBucket", "arn:aws:s3:::my-bucket");
        assertTrue(d.allowed());
        assertTrue(d.whatWouldAllow().isEmpty());
        assertFalse(d.toHtml().contains("What would allow this"));
    }

    // ---- discovery mode ----

    @Test
    void discover_whenPolicyTestsMfaAndSourceIp_saysItDependsOnBoth() {
        PolicyDocument identity = doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:GetObject',"
                + "'Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'},"
                + "'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}}]}");
        Request.Builder b = Request.builder().principal("arn:aws:iam::111122223333:user/alice").action("s3:GetObject")
                .resource("arn:aws:s3:::b/k");
        Layers layers = Layers.builder().identity("mfa-and-network", identity).build();
        Decision unknown = PolicyEvaluator.evaluate(b.unknownContext().build(), layers);
        assertEquals(Verdict.IMPLICIT_DENY, unknown.verdict(), "the verdict is still computed with the keys absent");
        assertEquals(List.of("aws:MultiFactorAuthPresent", "aws:SourceIp"), unknown.dependsOnKeys());
        ContextDependency dep = unknown.dependsOn().get(0);
        assertEquals(Map.of("aws:MultiFactorAuthPresent", "true", "aws:SourceIp", "10.0.0.0"), dep.values());
        assertEquals(Verdict.ALLOW, dep.verdict());
        assertTrue(unknown.explain().contains("Depends on aws:MultiFactorAuthPresent, aws:SourceIp"), unknown.explain());

        Decision plain = PolicyEvaluator.evaluate(Request.builder().principal("arn:aws:iam::111122223333:user/alice")
                .action("s3:GetObject").resource("arn:aws:s3:::b/k").build(), layers);
        assertFalse(plain.explain().contains("Depends on"), "without discovery mode the explanation stays as it was");
    }

    @Test
    void discover_whenExplicitDenyHangsOnAMissingHeader_saysTheHeaderWouldAllow() {
        Decision d = ACCT.discover("app-role", "s3:PutObject", "arn:aws:s3:::prod-data/uploads/report.csv");
        assertEquals(Verdict.EXPLICIT_DENY, d.verdict());
        assertTrue(d.dependsOnKeys().contains("s3:x-amz-server-side-encryption"), d.dependsOn().toString());
    }

    @Test
    void discover_whenConditionTestsAPrincipalTag_treatsTheTagAsKnown() {
        PolicyDocument identity = doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:GetObject',"
                + "'Resource':'*','Condition':{'StringEquals':{'aws:PrincipalTag/team':'data'}}}]}");
        Request r = Request.builder().principal("arn:aws:iam::111122223333:user/alice").action("s3:GetObject")
                .resource("arn:aws:s3:::b/k").unknownContext().build();
        Decision d = PolicyEvaluator.evaluate(r, Layers.builder().identity("by-tag", identity).build());
        assertEquals(List.of(), d.dependsOnKeys(), "the account knows alice's tags: an absent tag is a fact");
        assertTrue(d.explain().contains("does not change this answer"), d.explain());
    }

    // ---- VPC endpoint policies from the account ----

    @Test
    void simulate_whenRequestComesThroughDemoEndpoint_evaluatesItsPolicy() {
        Map<String, Object> through = Map.of("aws:SourceVpce", "vpce-0a1b2c3d4e5f67890");
        Decision other = ACCT.simulate("app-role", "s3:GetObject", "arn:aws:s3:::marketing-site/index.html", through);
        assertTrue(other.layerResults().stream().anyMatch(l -> l.kind() == LayerKind.VPC_ENDPOINT_POLICY), other.explain());
        assertEquals(LayerOutcome.SILENT, other.outcome(LayerKind.VPC_ENDPOINT_POLICY), other.explain());
        Decision ours = ACCT.simulate("app-role", "s3:GetObject", "arn:aws:s3:::prod-data/uploads/x.csv", through);
        assertEquals(LayerOutcome.ALLOW, ours.outcome(LayerKind.VPC_ENDPOINT_POLICY), ours.explain());
        Decision direct = ACCT.simulate("app-role", "s3:GetObject", "arn:aws:s3:::prod-data/uploads/x.csv");
        assertTrue(direct.layerResults().stream().noneMatch(l -> l.kind() == LayerKind.VPC_ENDPOINT_POLICY),
                "a request not through the endpoint shows no endpoint layer");
    }

    @Test
    void simulate_whenEndpointIsNotInSnapshot_saysSo() {
        Decision d = ACCT.simulate("app-role", "s3:GetObject", "arn:aws:s3:::prod-data/uploads/x.csv",
                Map.of("aws:SourceVpce", "vpce-unknown"));
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("VPC endpoint vpce-unknown is not in the snapshot")), d.notes().toString());
    }
}
