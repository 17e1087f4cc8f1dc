package iamnb.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.Iam;
import iamnb.InvalidInputException;
import iamnb.Account;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Account-aware simulation on the embedded demo account (its planted problems are the expected answers). */
class AccountSimulatorTest {
    private static final Account DEMO = Iam.demo();
    private static final String ACCT = DEMO.accountId();
    private final AccountSimulator sim = new AccountSimulator(DEMO);

    @Test
    void simulate_whenUploadWithoutKmsHeader_bucketPolicyDenies() {
        Decision d = sim.simulate("app-role", "s3:PutObject", "arn:aws:s3:::prod-data/uploads/x");
        assertEquals(Verdict.EXPLICIT_DENY, d.verdict(), d::explain);
        assertEquals(LayerKind.RESOURCE_POLICY, d.decidingLayer());
        assertEquals("DenyUnencryptedUploads", d.decidingStatement().orElseThrow().label());
        assertTrue(d.summary().contains("bucket policy of prod-data"), d.summary());
    }

    @Test
    void simulate_whenUploadWithKmsHeader_isAllowed() {
        Decision d = sim.simulate("app-role", "s3:PutObject", "arn:aws:s3:::prod-data/uploads/x",
                Map.of("s3:x-amz-server-side-encryption", "aws:kms"));
        assertEquals(Verdict.ALLOW, d.verdict(), d::explain);
    }

    @Test
    void simulate_whenUserReadsThroughGroupPolicy_namesTheGroup() {
        Decision d = sim.simulate("alice", "s3:GetObject", "arn:aws:s3:::prod-data/x");
        assertEquals(Verdict.ALLOW, d.verdict(), d::explain);
        assertTrue(d.decidingStatement().orElseThrow().policyName().contains("via group"), d::explain);
    }

    @Test
    void simulate_whenRoleHasSandboxBoundary_boundaryDeniesDangerousAction() {
        Decision d = sim.simulate("dev-alice-lambda", "iam:CreateUser", "*");
        assertEquals(Verdict.EXPLICIT_DENY, d.verdict(), d::explain);
        assertEquals(LayerKind.PERMISSIONS_BOUNDARY, d.decidingLayer());
        assertEquals("dev-sandbox-boundary DenyDangerousActions", d.decidingStatementLabel());
    }

    @Test
    void simulate_usesTheOrganizationLevelsFromRootToAccount() {
        Decision d = sim.simulate("alice", "s3:GetObject", "arn:aws:s3:::prod-data/x");
        List<String> scpLevels = d.layerResults().stream().filter(l -> l.kind() == LayerKind.SCP).map(LayerResult::name).toList();
        assertEquals(List.of("SCPs at Root", "SCPs at OU Production", "SCPs at account " + ACCT), scpLevels);
    }

    @Test
    void simulate_whenRegionOutsideGuardrail_scpAtOuDenies() {
        Decision d = sim.simulate("alice", "s3:GetObject", "arn:aws:s3:::prod-data/x", Map.of("aws:RequestedRegion", "ap-south-1"));
        assertEquals(Verdict.EXPLICIT_DENY, d.verdict(), d::explain);
        assertEquals("SCPs at OU Production", d.decidingLayerResult().name());
    }

    @Test
    void simulate_whenAssumeRole_usesTheRolesTrustPolicy() {
        String bg = "arn:aws:iam::" + ACCT + ":role/break-glass-admin";
        Decision without = sim.simulate("jordan.admin", "sts:AssumeRole", bg);
        assertEquals(Verdict.IMPLICIT_DENY, without.verdict(), without::explain);
        assertEquals(LayerKind.RESOURCE_POLICY, without.decidingLayer());
        assertTrue(without.explain().contains("aws:MultiFactorAuthPresent is missing from the request, so Bool fails"), without::explain);
        Decision with = sim.simulate("jordan.admin", "sts:AssumeRole", bg,
                Map.of("aws:MultiFactorAuthPresent", true, "aws:MultiFactorAuthAge", 120));
        assertEquals(Verdict.ALLOW, with.verdict(), with::explain);
    }

    @Test
    void whoCan_listsOnlyAllowedPrincipals_withTheStatementThatAllows() {
        String bg = "arn:aws:iam::" + ACCT + ":role/break-glass-admin";
        Table none = sim.whoCan("sts:AssumeRole", bg);
        assertEquals(0, none.rowCount(), none::print);
        Table mfa = sim.whoCan("sts:AssumeRole", bg, Map.of("aws:MultiFactorAuthPresent", "true", "aws:MultiFactorAuthAge", "60"));
        assertTrue(mfa.rowCount() > 0);
        assertTrue(mfa.stringColumn("principal").contains("arn:aws:iam::" + ACCT + ":user/jordan.admin"), mfa::print);
        assertEquals(List.of("principal", "principal_type", "deciding_layer", "deciding_statement", "reason"),
                mfa.columnNames());
    }

    @Test
    void whoCan_namesTheActionAndResourceOnceInTheTitle_notInEveryRow() {
        String bg = "arn:aws:iam::" + ACCT + ":role/break-glass-admin";
        Table t = sim.whoCan("sts:AssumeRole", bg, Map.of("aws:MultiFactorAuthPresent", "true", "aws:MultiFactorAuthAge", "60"));
        assertEquals("who can sts:AssumeRole on " + bg, t.name());
        assertFalse(t.columnNames().contains("action") || t.columnNames().contains("resource"), t.columnNames()::toString);
        assertTrue(sim.whoCanDecisions("sts:AssumeRole", bg).stream().noneMatch(Decision::allowed),
                "without MFA nobody may assume the break-glass role");
    }

    @Test
    void whoCan_whenTrustPolicyNamesEveryone_showsAnyPrincipalOfAnyAccount() {
        Table t = sim.whoCan("sts:AssumeRole", "arn:aws:iam::" + ACCT + ":role/public-debug-role");
        assertTrue(t.stringColumn("principal").contains("arn:aws:iam::*:role/any-principal-of-any-account"), t::print);
    }

    @Test
    void whoCan_whenBucketIsPublic_includesTheAnonymousCaller() {
        Table t = sim.whoCan("s3:GetObject", "arn:aws:s3:::marketing-site/index.html");
        assertTrue(t.stringColumn("principal").contains("*"), t::print);
        assertTrue(t.stringColumn("principal_type").contains("ANONYMOUS"));
    }

    @Test
    void canDo_oneRowPerAction() {
        Table t = sim.canDo("dev-alice-lambda", "iam:CreateUser", "logs:CreateLogGroup");
        assertEquals(2, t.rowCount());
        assertEquals("EXPLICIT_DENY", t.stringColumn("decision").get(0));
    }

    @Test
    void simulate_batchIsEveryCombination() {
        Table t = sim.simulate(List.of("alice", "bob"), List.of("s3:GetObject", "s3:PutObject"),
                List.of("arn:aws:s3:::prod-data/a", "arn:aws:s3:::my-bucket/b", "arn:aws:s3:::marketing-site/c"));
        assertEquals(12, t.rowCount());
    }

    @Test
    void principal_whenUnknownName_errorNamesTheAccountAndCloseMatches() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> sim.principal("alic"));
        assertTrue(e.getMessage().contains("has no user or role \"alic\""), e.getMessage());
        assertTrue(e.getMessage().contains("alice"), e.getMessage());
    }

    @Test
    void simulate_isDeterministicOnTheSameSnapshot() {
        Decision a = sim.simulate("bob", "ec2:RunInstances", "*");
        Decision b = new AccountSimulator(Iam.demo()).simulate("bob", "ec2:RunInstances", "*");
        assertEquals(a.explain(), b.explain());
    }

    @Test
    void account_delegatesSimulateWhoCanAndCanDo() {
        Decision d = DEMO.simulate("app-role", "s3:PutObject", "arn:aws:s3:::prod-data/uploads/x");
        assertEquals(sim.simulate("app-role", "s3:PutObject", "arn:aws:s3:::prod-data/uploads/x").explain(), d.explain());
        assertEquals(sim.whoCan("s3:GetObject", "arn:aws:s3:::marketing-site/x").rowCount(),
                DEMO.whoCan("s3:GetObject", "arn:aws:s3:::marketing-site/x").rowCount());
        assertEquals(1, DEMO.canDo("alice", "s3:GetObject").rowCount());
        assertTrue(DEMO.simulator() == DEMO.simulator(), "one simulator per account, so policies compile once");
    }
}
