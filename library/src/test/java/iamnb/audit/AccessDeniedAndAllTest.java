package iamnb.audit;

import static org.junit.jupiter.api.Assertions.*;

import iamnb.Iam;
import iamnb.InvalidInputException;
import iamnb.model.CloudTrailEvent;
import iamnb.policy.LayerKind;
import iamnb.policy.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccessDeniedAndAllTest {
    private static Audit audit;

    @BeforeAll
    static void load() {
        audit = Iam.demo().audit();
    }

    @Test
    void explainDenied_walksTheFiveStepsForTheSeedsPutObject() {
        AccessDeniedReport r = audit.explainDenied("app-role", "s3:PutObject", "arn:aws:s3:::prod-data/uploads/x");
        assertEquals(Verdict.EXPLICIT_DENY, r.decision().verdict());
        assertEquals(LayerKind.RESOURCE_POLICY, r.decision().decidingLayer());
        assertEquals(1, r.cloudTrail().rowCount());
        assertEquals("yes", r.cloudTrail().getString(0, "same_caller"));
        assertTrue(r.layers().rowCount() >= 6);
        assertTrue(r.callerHints().stream().anyMatch(h -> h.contains("node")), r.callerHints().toString());
        assertTrue(r.endpointNotes().get(0).contains("allows"));
        Map<String, Object> b = r.toMimeBundle();
        assertTrue(b.keySet().containsAll(Set.of("text/plain", "text/markdown", "text/html")));
        assertTrue(((String) b.get("text/html")).contains("DenyUnencryptedUploads"));
    }

    @Test
    void explainDenied_fromCloudTrailEvent_rebuildsTheRequestAndSseHeaderMatters() {
        CloudTrailEvent denied = audit.denials().stream().filter(e -> e.eventName().equals("PutObject")).findFirst().orElseThrow();
        AccessDeniedReport r = audit.explainDenied(denied);
        assertEquals("s3:PutObject", r.decision().request().action());
        assertEquals("arn:aws:s3:::prod-data/uploads/report-2026-10-31.csv", r.decision().request().resource());
        assertFalse(r.allowed());
        assertTrue(r.callerHints().stream().anyMatch(h -> h.contains("instance id")));
        CloudTrailEvent ok = audit.account().snapshot().cloudTrailEvents().stream()
                .filter(e -> e.eventName().equals("PutObject") && e.errorCode().isEmpty()).findFirst().orElseThrow();
        assertTrue(audit.explainDenied(ok).allowed(), "the upload with SSE-KMS succeeds in the engine too");
    }

    @Test
    void explainDeniedMessage_parsesDecodedMessageAndUsesItsConditions() {
        String inner = "{\"allowed\":false,\"explicitDeny\":false,\"matchedStatements\":{\"items\":[]},\"failures\":{\"items\":[]},"
                + "\"context\":{\"principal\":{\"id\":\"AROAEXAMPLE:i-1\",\"arn\":\"arn:aws:sts::123456789012:assumed-role/dev-carol-test/s1\"},"
                + "\"action\":\"iam:CreateUser\",\"resource\":\"arn:aws:iam::123456789012:user/x\",\"conditions\":{\"items\":["
                + "{\"key\":\"aws:MultiFactorAuthPresent\",\"values\":{\"items\":[{\"value\":\"false\"}]}}]}}}";
        String sts = "{\"DecodedMessage\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(inner) + "}";
        AccessDeniedReport r = audit.explainDeniedMessage(sts);
        assertEquals("iam:CreateUser", r.decision().request().action());
        assertEquals(List.of("false"), r.decision().request().contextValues("aws:MultiFactorAuthPresent"));
        assertTrue(r.decodedMessage().get().get("matchedStatements").contains("implicit deny"));
        assertTrue(r.allowed(), "dev-carol-test is admin: the engine allows what the message says was denied");
        assertThrows(InvalidInputException.class, () -> audit.explainDeniedMessage("{\"allowed\":false}"));
    }

    @Test
    void explainDenied_carolsCreateRoleEvent_namesTheBoundaryCondition() {
        CloudTrailEvent e = audit.denials().stream().filter(x -> x.eventName().equals("CreateRole")).findFirst().orElseThrow();
        AccessDeniedReport r = audit.explainDenied(e);
        assertEquals("arn:aws:iam::123456789012:role/dev-carol-test2", r.decision().request().resource());
        assertFalse(r.allowed());
        assertTrue(r.toString().contains("iam:PermissionsBoundary"), r.toString());
    }

    @Test
    void explainDenied_appRolesGetObjectOnMyBucket_isDeniedBecauseTheOnlyGrantNamesTheBucketArn() {
        CloudTrailEvent e = audit.denials().stream().filter(x -> x.eventId().equals("c0ffee00-0003")).findFirst().orElseThrow();
        AccessDeniedReport r = audit.explainDenied(e);
        assertEquals("s3:GetObject", r.decision().request().action());
        assertEquals("arn:aws:s3:::my-bucket/data/file.json", r.decision().request().resource());
        assertFalse(r.allowed(), "the engine agrees with CloudTrail");
        assertEquals(Verdict.IMPLICIT_DENY, r.decision().verdict());
        assertTrue(audit.simulator().simulate("app-role", "s3:ListBucket", "arn:aws:s3:::my-bucket").allowed(),
                "the same statement does grant ListBucket on the bucket");
    }

    @Test
    void accessAnalyzer_listsActiveFindingsWithPublicOnesHigh() {
        Findings f = audit.accessAnalyzer();
        assertEquals(5, f.size());
        assertEquals(Severity.HIGH, f.forPrincipal("public-debug-role").list().get(0).severity());
        assertEquals(5, audit.accessAnalyzerTable().rowCount());
    }

    @Test
    void all_onDemo_findsEveryPlantedProblemAndNothingOnCleanPrincipals() {
        Findings all = audit.all();
        Map<String, String> planted = Map.ofEntries(
                Map.entry("temp-admin", "ADMIN-EFFECTIVE"), Map.entry("jordan.admin", "ADMIN-EFFECTIVE"),
                Map.entry("dev-carol-test", "BOUNDARY-MISSING"), Map.entry("public-debug-role", "TRUST-WILDCARD"),
                Map.entry("partner-readonly", "TRUST-ACCOUNT-ROOT"), Map.entry("svc-deploy", "KEY-AGE"),
                Map.entry("legacy-etl", "KEY-TWO-ACTIVE"), Map.entry("svc-reporting", "KEY-NEVER-USED"),
                Map.entry("former-contractor", "UNUSED-USER-NEVER"), Map.entry("intern-2025", "UNUSED-USER-NEVER"),
                Map.entry("pat.analyst", "MFA-CONSOLE"), Map.entry("old-jenkins", "KEY-UNUSED"),
                Map.entry("app-legacy-batch", "UNUSED-ROLE"), Map.entry("app-reports-old", "UNUSED-ROLE-NEVER"),
                Map.entry("my-bucket", "S3-ARN-OBJECT-ON-BUCKET"), Map.entry("marketing-site", "S3-PUBLIC-POLICY"),
                Map.entry("unused-legacy-ftp", "UNUSED-POLICY"), Map.entry("ci-bot", "PRIVESC-POLICY-VERSION"),
                Map.entry("dev-dana-admin-test", "ADMIN-CAPPED"));
        planted.forEach((p, check) -> assertEquals(1, all.forPrincipal(p).check(check).size(), p + " " + check));
        assertEquals(List.of("PRIVESC-POLICY-VERSION"), all.forPrincipal("ci-bot").list().stream().map(Finding::check).toList(),
                "ci-bot is otherwise tidy");
        assertEquals(List.of("ADMIN-CAPPED"), all.forPrincipal("dev-dana-admin-test").list().stream().map(Finding::check).toList(),
                "the capped role is neither admin nor missing its boundary");
        Set<String> clean = Set.of("alice", "bob", "carol", "dave.auditor", "app-role", "app-web", "cross-account-deploy",
                "ci-pipeline", "dev-alice-lambda", "dev-bob-etl", "my-app-role", "prod-data", "example-prod-cloudtrail",
                "aisha.khan", "ben.okafor", "zoe.martin", "lambda-orders", "AWSServiceRoleForSupport");
        for (String p : all.principals()) {
            assertFalse(clean.contains(p), "clean principal flagged: " + p + "\n" + all.forPrincipal(p));
        }
        // break-glass-admin is reported only as admin by design (INFO)
        assertEquals(Set.of(Severity.INFO), Set.copyOf(all.forPrincipal("break-glass-admin").list().stream().map(Finding::severity).toList()));
        // deterministic order: severity, then principal
        List<Finding> l = all.list();
        for (int i = 1; i < l.size(); i++) {
            assertTrue(Finding.ORDER.compare(l.get(i - 1), l.get(i)) <= 0);
        }
        assertTrue(all.toMimeBundle().get("text/plain").toString().startsWith(all.size() + " findings ("));
        Table summary = audit.summary();
        assertEquals(all.size(), (int) summary.intColumn("total").sum(), "per-audit totals add up to all()");
        assertFalse(summary.stringColumn("audit").contains("total"), "no total row to dwarf the audits in a chart");
        assertTrue(summary.name().contains("— total " + all.size() + " ("), summary.name());
        assertEquals(audit.all().table().toString(), all.table().toString(), "same account, same table");
    }
}
