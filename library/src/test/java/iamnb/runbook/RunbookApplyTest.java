package iamnb.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.Iam;
import iamnb.Account;
import iamnb.model.PolicyDocument;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plans applied with the real AWS SDK IamClient against a local IAM endpoint that answers in IAM's own XML:
 * what reaches the wire, in which order, and where a run stops.
 */
class RunbookApplyTest {
    private static final Account DEMO = Iam.demo();
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
    private static final String OLD = "AKIAOLD123456EXAMPLE";
    private static final String NEW = "AKIANEW987654EXAMPLE";

    private final LocalIam iam = new LocalIam();

    @AfterEach
    void stop() {
        iam.close();
    }

    private static String role(String name, String account) {
        return "<Role><Path>/</Path><RoleName>" + name + "</RoleName><RoleId>AROAEXAMPLEID1234567</RoleId><Arn>arn:aws:iam::"
                + account + ":role/" + name + "</Arn><CreateDate>2026-11-01T10:00:00Z</CreateDate>"
                + "<MaxSessionDuration>3600</MaxSessionDuration></Role>";
    }

    private static String policy(String name) {
        return "<Policy><PolicyName>" + name + "</PolicyName><DefaultVersionId>v1</DefaultVersionId><PolicyId>ANPAEXAMPLE1234567890"
                + "</PolicyId><Path>/</Path><Arn>arn:aws:iam::123456789012:policy/" + name + "</Arn><AttachmentCount>0"
                + "</AttachmentCount><IsAttachable>true</IsAttachable><CreateDate>2026-11-01T10:00:00Z</CreateDate>"
                + "<UpdateDate>2026-11-01T10:00:00Z</UpdateDate></Policy>";
    }

    private static String keys(String truncatedMarker, String... idStatus) {
        StringBuilder s = new StringBuilder("<AccessKeyMetadata>");
        for (int i = 0; i + 1 < idStatus.length; i += 2) {
            s.append("<member><UserName>svc-deploy</UserName><AccessKeyId>").append(idStatus[i]).append("</AccessKeyId><Status>")
                    .append(idStatus[i + 1]).append("</Status><CreateDate>2024-05-12T00:00:00Z</CreateDate></member>");
        }
        s.append("</AccessKeyMetadata>");
        s.append(truncatedMarker == null ? "<IsTruncated>false</IsTruncated>"
                : "<IsTruncated>true</IsTruncated><Marker>" + truncatedMarker + "</Marker>");
        return s.toString();
    }

    private static String lastUsed(String date) {
        return "<UserName>svc-deploy</UserName><AccessKeyLastUsed><LastUsedDate>" + date + "</LastUsedDate>"
                + "<ServiceName>ecr</ServiceName><Region>us-east-1</Region></AccessKeyLastUsed>";
    }

    // ---- cross-account and break-glass roles ---------------------------------------------------------------

    @Test
    void crossAccountRole_apply_createsRoleThenAttaches_andNeverRunsAccountASteps() {
        iam.answer("CreateRole", role("cross-account-deploy", "222222222222")).answer("AttachRolePolicy", null);
        Plan plan = Runbooks.crossAccountRole("cross-account-deploy").trusting("arn:aws:iam::111111111111:role/ci-pipeline")
                .externalId("prod-deploy-2024").attach("arn:aws:iam::aws:policy/AmazonECS_FullAccess")
                .inAccount("222222222222").plan();

        ApplyReport report = plan.apply(iam.client());

        assertEquals(ApplyReport.Outcome.COMPLETED, report.outcome(), report.toString());
        List<Map<String, String>> sent = iam.requests();
        assertEquals(List.of("CreateRole", "AttachRolePolicy"), iam.actions());
        assertEquals("cross-account-deploy", sent.get(0).get("RoleName"));
        PolicyDocument trust = PolicyDocument.parse(sent.get(0).get("AssumeRolePolicyDocument"));
        assertEquals(PolicyDocument.parse(SeedDocuments.CROSS_ACCOUNT_TRUST), trust);
        assertEquals(plan.step(1).parameter("AssumeRolePolicyDocument"), sent.get(0).get("AssumeRolePolicyDocument"),
                "the document sent is byte for byte the one the plan showed");
        assertEquals("arn:aws:iam::aws:policy/AmazonECS_FullAccess", sent.get(1).get("PolicyArn"));
        assertEquals("arn:aws:iam::222222222222:role/cross-account-deploy", report.done().get(0).outputs().get("Arn"));
        assertEquals(List.of(StepStatus.DONE, StepStatus.DONE, StepStatus.TO_DO, StepStatus.TO_DO),
                report.results().stream().map(StepResult::status).toList());
        assertTrue(report.summary().contains("Still yours to do: steps 3 and 4"), report.summary());
    }

    @Test
    void breakGlassRole_apply_sendsMfaTrustAndOneHourSessions_andNoAlertCalls() {
        iam.answer("CreateRole", role("break-glass-admin", "123456789012")).answer("AttachRolePolicy", null);
        ApplyReport report = Runbooks.breakGlassRole(DEMO, "break-glass-admin").plan().apply(iam.client());

        assertTrue(report.isSuccess(), report.toString());
        assertEquals(List.of("CreateRole", "AttachRolePolicy"), iam.actions());
        Map<String, String> create = iam.requests().get(0);
        assertEquals("3600", create.get("MaxSessionDuration"));
        var statement = PolicyDocument.parse(create.get("AssumeRolePolicyDocument")).statements().get(0);
        assertEquals("Bool aws:MultiFactorAuthPresent true", statement.conditions().get(0).toString());
        assertEquals("NumericLessThan aws:MultiFactorAuthAge 3600", statement.conditions().get(1).toString());
        assertEquals("arn:aws:iam::aws:policy/AdministratorAccess", iam.requests().get(1).get("PolicyArn"));
        assertEquals(5, report.results().stream().filter(r -> r.status() == StepStatus.FOLLOW_UP).count());
    }

    // ---- failure, resume, dry run --------------------------------------------------------------------------

    @Test
    void apply_whenSecondStepFails_thenStopsAndReportsAwsErrorAndStepsNotRun() {
        iam.answer("CreatePolicy", policy("dev-sandbox-boundary"))
                .fail("CreatePolicy\\b.*PolicyName=dev-sandbox-developer", 409, "EntityAlreadyExists",
                        "A policy called dev-sandbox-developer already exists. Duplicate names are not allowed.")
                .answer("AttachGroupPolicy", null);
        Plan plan = Runbooks.developerSandbox(DEMO).grantToGroup("developers").plan();

        ApplyReport report = plan.apply(iam.client());

        assertEquals(ApplyReport.Outcome.FAILED, report.outcome());
        assertEquals(List.of("CreatePolicy", "CreatePolicy"), iam.actions(), "nothing is sent after the failure");
        StepResult failed = report.failed().orElseThrow();
        assertEquals(2, failed.number());
        StepResult.Failure f = failed.failure().orElseThrow();
        assertEquals("EntityAlreadyExists", f.code());
        assertEquals(409, f.httpStatus());
        assertTrue(f.message().contains("dev-sandbox-developer already exists"), f.message());
        assertFalse(f.requestId().isEmpty());
        assertEquals(List.of(3), report.notRun().stream().map(StepResult::number).toList());
        assertEquals(1, report.done().size());
        assertTrue(report.summary().contains("step 2 (iam:CreatePolicy) failed: EntityAlreadyExists (HTTP 409)"), report.summary());
        String html = (String) report.toMimeBundle().get("text/html");
        assertTrue(html.contains("FAILED") && html.contains("not run"), html);

        // fix the cause (here: the server now accepts it), then resume retries step 2 and goes on
        iam.reset().answer("CreatePolicy", policy("dev-sandbox-developer")).answer("AttachGroupPolicy", null);
        ApplyReport resumed = report.resume(iam.client());
        assertEquals(ApplyReport.Outcome.COMPLETED, resumed.outcome(), resumed.toString());
        assertEquals(List.of("CreatePolicy", "CreatePolicy", "CreatePolicy", "AttachGroupPolicy"), iam.actions());
        assertEquals(StepStatus.SKIPPED, resumed.results().get(0).status());
        assertEquals("developers", iam.requests().get(3).get("GroupName"));
        assertThrows(IllegalStateException.class, () -> resumed.resume(iam.client()));
    }

    @Test
    void apply_whenEndpointAnswersWithoutIamError_thenStepFailsWithTheHttpStatus() {
        iam.reset();
        ApplyReport report = Runbooks.conditionalMfa().plan().apply(iam.client());
        assertEquals(ApplyReport.Outcome.FAILED, report.outcome());
        assertEquals(404, report.failed().orElseThrow().failure().orElseThrow().httpStatus());
    }

    @Test
    void apply_whenEndpointUnreachable_thenFailedStepSaysTheCallNeverArrived() {
        LocalIam closed = new LocalIam();
        var client = software.amazon.awssdk.services.iam.IamClient.builder()
                .endpointOverride(java.net.URI.create("http://127.0.0.1:" + closed.port()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDLOCALTEST", "x")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
        closed.close();
        try (client) {
            ApplyReport report = Runbooks.conditionalMfa().plan().apply(client);
            StepResult.Failure f = report.failed().orElseThrow().failure().orElseThrow();
            assertEquals("ClientError", f.code());
            assertEquals(0, f.httpStatus());
            assertTrue(f.message().startsWith("the call did not reach AWS"), f.message());
        }
    }

    @Test
    void apply_dryRun_writesNothing() {
        Plan plan = Runbooks.breakGlassRole(DEMO, "break-glass-admin").plan();
        ApplyReport report = plan.apply(iam.client(), o -> o.dryRun(true));
        assertEquals(ApplyReport.Outcome.DRY_RUN, report.outcome());
        assertTrue(iam.requests().isEmpty());
        assertEquals(List.of(StepStatus.WOULD_RUN, StepStatus.WOULD_RUN), report.results().subList(0, 2).stream()
                .map(StepResult::status).toList());
        assertTrue(report.summary().startsWith("Dry run: nothing was written. 2 write(s) would run"), report.summary());
        assertThrows(IllegalStateException.class, () -> report.resume(iam.client()));
    }

    // ---- key rotation --------------------------------------------------------------------------------------

    @Test
    void rotateKeys_apply_createsKeyAndStopsAtHandOver_secretShownOnceAndNeverStored() {
        iam.answer("ListAccessKeys", keys(null, OLD, "Active"))
                .answer("CreateAccessKey", "<AccessKey><UserName>svc-deploy</UserName><AccessKeyId>" + NEW + "</AccessKeyId>"
                        + "<Status>Active</Status><SecretAccessKey>" + SECRET + "</SecretAccessKey>"
                        + "<CreateDate>2026-11-01T10:00:00Z</CreateDate></AccessKey>")
                .answer("UpdateAccessKey", null);
        Plan plan = Runbooks.rotateKeys(DEMO, "svc-deploy").plan();

        ApplyReport report = plan.apply(iam.client());

        assertEquals(ApplyReport.Outcome.PAUSED, report.outcome(), report.toString());
        assertEquals(List.of("ListAccessKeys", "CreateAccessKey"), iam.actions(), "the old key stays active until the hand-over");
        assertEquals(3, report.pausedAt().orElseThrow().number());
        NewAccessKey key = report.newAccessKey().orElseThrow();
        assertEquals(NEW, key.accessKeyId());
        assertEquals(Map.of("AccessKeyId", NEW, "Status", "Active"), report.results().get(1).outputs());
        for (String shown : List.of(report.toString(), String.valueOf(report.toMimeBundle()), key.toString(),
                String.valueOf(key.toMimeBundle()), plan.toString(), plan.toCli(), String.valueOf(report.table()))) {
            assertFalse(shown.contains(SECRET), "the secret must not be rendered: " + shown);
        }
        assertTrue(key.toString().contains("secret hidden"));

        assertEquals(SECRET, key.revealSecret());
        IllegalStateException again = assertThrows(IllegalStateException.class, key::revealSecret);
        assertTrue(again.getMessage().contains("already revealed once"), again.getMessage());
        assertTrue(key.toString().contains("already revealed"));

        ApplyReport after = report.resume(iam.client());
        assertEquals(ApplyReport.Outcome.COMPLETED, after.outcome(), after.toString());
        assertEquals(List.of("ListAccessKeys", "CreateAccessKey", "UpdateAccessKey"), iam.actions(), "deleting waits for deletePlan()");
        Map<String, String> update = iam.requests().get(2);
        assertEquals(OLD, update.get("AccessKeyId"));
        assertEquals("Inactive", update.get("Status"));
        assertEquals(StepStatus.FOLLOW_UP, after.results().get(4).status());
    }

    @Test
    void rotateKeys_whenSnapshotIsStale_thenCheckStopsBeforeAnyWrite() {
        iam.answer("ListAccessKeys", keys(null, OLD, "Active", NEW, "Active"));
        ApplyReport report = Runbooks.rotateKeys(DEMO, "svc-deploy").plan().apply(iam.client());
        assertEquals(ApplyReport.Outcome.FAILED, report.outcome());
        StepResult.Failure f = report.failed().orElseThrow().failure().orElseThrow();
        assertEquals("CheckFailed", f.code());
        assertTrue(f.message().contains("build the plan again from a fresh account"), f.message());
        assertEquals(List.of("ListAccessKeys"), iam.actions());
    }

    @Test
    void rotateKeys_deletePlan_deletesOnlyAnInactiveKeyUnusedForTheGracePeriod_readingEveryPage() {
        Clock now = Clock.fixed(Instant.parse("2026-11-04T00:00:00Z"), ZoneOffset.UTC);
        iam.answerWhen("ListAccessKeys", "", keys("page2", OLD, "Inactive"), 5)
                .answerWhen("ListAccessKeys", "Marker=page2", keys(null, NEW, "Active"), 1)
                .answer("GetAccessKeyLastUsed", lastUsed("2026-11-01T09:00:00Z"))
                .answer("DeleteAccessKey", null);
        ApplyReport report = Runbooks.rotateKeys(DEMO, "svc-deploy").deletePlan().apply(iam.client(), o -> o.clock(now));
        assertEquals(ApplyReport.Outcome.COMPLETED, report.outcome(), report.toString());
        assertEquals(List.of("ListAccessKeys", "ListAccessKeys", "GetAccessKeyLastUsed", "DeleteAccessKey"), iam.actions());
        assertEquals(OLD, iam.requests().get(3).get("AccessKeyId"));
        assertEquals("svc-deploy", iam.requests().get(3).get("UserName"));
    }

    @Test
    void rotateKeys_deletePlan_whenKeyUsedWithinGracePeriod_thenRefusesToDelete() {
        Clock now = Clock.fixed(Instant.parse("2026-11-01T12:00:00Z"), ZoneOffset.UTC);
        iam.answer("ListAccessKeys", keys(null, OLD, "Inactive", NEW, "Active"))
                .answer("GetAccessKeyLastUsed", lastUsed("2026-11-01T09:00:00Z"))
                .answer("DeleteAccessKey", null);
        ApplyReport report = Runbooks.rotateKeys(DEMO, "svc-deploy").deletePlan().apply(iam.client(), o -> o.clock(now));
        assertEquals(ApplyReport.Outcome.FAILED, report.outcome());
        assertTrue(report.failed().orElseThrow().failure().orElseThrow().message().contains("wait until 2026-11-02T09:00:00Z"),
                report.toString());
        assertFalse(iam.actions().contains("DeleteAccessKey"));
    }

    @Test
    void rotateKeys_deletePlan_whenKeyStillActive_thenRefusesToDelete() {
        iam.answer("ListAccessKeys", keys(null, OLD, "Active")).answer("DeleteAccessKey", null);
        ApplyReport report = Runbooks.rotateKeys(DEMO, "svc-deploy").deletePlan().apply(iam.client());
        StepResult.Failure f = report.failed().orElseThrow().failure().orElseThrow();
        assertTrue(f.message().contains("is Active, expected Inactive"), f.message());
        assertEquals(List.of("ListAccessKeys"), iam.actions());
    }
}
