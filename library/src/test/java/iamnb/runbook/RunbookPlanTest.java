package iamnb.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.Iam;
import iamnb.InvalidInputException;
import iamnb.Account;
import iamnb.model.PolicyDocument;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Plans are built and shown without any AWS call: their steps, documents, renderings and input errors. */
class RunbookPlanTest {
    private static final Account DEMO = Iam.demo();

    private static CrossAccountRole seedCrossAccount() {
        return Runbooks.crossAccountRole("cross-account-deploy")
                .trusting("arn:aws:iam::111111111111:role/ci-pipeline")
                .externalId("prod-deploy-2024")
                .attach("arn:aws:iam::aws:policy/AmazonECS_FullAccess");
    }

    private static List<String> actions(Plan plan) {
        return plan.steps().stream().map(Step::action).toList();
    }

    private static List<StepKind> kinds(Plan plan) {
        return plan.steps().stream().map(Step::kind).toList();
    }

    // ---- cross-account role --------------------------------------------------------------------------------

    @Test
    void crossAccountRole_plan_isTheSeedsCallsWithAccountASideManual() {
        Plan plan = seedCrossAccount().inAccount("222222222222").plan();

        assertEquals(List.of("iam:CreateRole", "iam:AttachRolePolicy", "iam:PutRolePolicy", "sts:AssumeRole"), actions(plan));
        assertEquals(List.of(StepKind.EXECUTABLE, StepKind.EXECUTABLE, StepKind.MANUAL, StepKind.MANUAL), kinds(plan));
        assertEquals(PolicyDocument.parse(SeedDocuments.CROSS_ACCOUNT_TRUST),
                PolicyDocument.parse(plan.step(1).parameter("AssumeRolePolicyDocument")));
        assertEquals("arn:aws:iam::aws:policy/AmazonECS_FullAccess", plan.step(2).parameter("PolicyArn"));
        assertEquals("ci-pipeline", plan.step(3).parameter("RoleName"));
        assertEquals("assume-target-account", plan.step(3).parameter("PolicyName"));
        assertEquals(PolicyDocument.parse(SeedDocuments.ASSUME_POLICY), PolicyDocument.parse(plan.step(3).parameter("PolicyDocument")));
        assertTrue(plan.step(3).description().contains("In account 111111111111"), plan.step(3).description());
        assertEquals(Map.of("RoleArn", "arn:aws:iam::222222222222:role/cross-account-deploy",
                "RoleSessionName", "test-session", "ExternalId", "prod-deploy-2024"), plan.step(4).parameters());
        assertTrue(plan.warnings().isEmpty(), plan.warnings().toString());
    }

    @Test
    void crossAccountRole_parameters_arePrettyPrintedInApiOrder() {
        Step create = seedCrossAccount().plan().step(1);
        assertEquals(List.of("RoleName", "AssumeRolePolicyDocument"), List.copyOf(create.parameters().keySet()));
        String doc = create.parameter("AssumeRolePolicyDocument");
        assertTrue(doc.startsWith("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": ["), doc);
    }

    @Test
    void crossAccountRole_whenTargetAccountUnknown_thenPlaceholderAndWarning() {
        Plan plan = seedCrossAccount().plan();
        assertTrue(plan.step(4).parameter("RoleArn").contains(CrossAccountRole.ACCOUNT_PLACEHOLDER));
        assertTrue(plan.warnings().get(0).contains(".inAccount("), plan.warnings().toString());
    }

    @Test
    void crossAccountRole_whenExternalIdMissing_thenErrorSaysHowToFix() {
        var builder = Runbooks.crossAccountRole("cross-account-deploy").trusting("arn:aws:iam::111111111111:role/ci-pipeline");
        InvalidInputException e = assertThrows(InvalidInputException.class, builder::plan);
        assertTrue(e.getMessage().contains("no external id"), e.getMessage());
        assertTrue(e.getMessage().contains(".externalId(") && e.getMessage().contains(".withoutExternalId()"), e.getMessage());
    }

    @Test
    void crossAccountRole_whenExternalIdWaived_thenTrustHasNoConditionAndPlanWarns() {
        Plan plan = Runbooks.crossAccountRole("cross-account-deploy").trusting("111111111111").withoutExternalId()
                .attach("arn:aws:iam::aws:policy/ReadOnlyAccess").inAccount("222222222222").plan();
        PolicyDocument trust = PolicyDocument.parse(plan.step(1).parameter("AssumeRolePolicyDocument"));
        assertTrue(trust.statements().get(0).conditions().isEmpty());
        assertEquals(List.of("arn:aws:iam::111111111111:root"), trust.statements().get(0).principal().orElseThrow().aws());
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("no external id (waived)")), plan.warnings().toString());
        // a trusted account root has no role to put the policy on: the step says who does it, with no call
        assertFalse(plan.step(3).hasCall());
        assertFalse(plan.step(4).parameters().containsKey("ExternalId"));
    }

    @Test
    void crossAccountRole_whenArnMalformed_thenErrorNamesValueAndProblem() {
        var b = Runbooks.crossAccountRole("cross-account-deploy");
        InvalidInputException short12 = assertThrows(InvalidInputException.class,
                () -> b.trusting("arn:aws:iam::1111:role/ci-pipeline"));
        assertTrue(short12.getMessage().contains("\"arn:aws:iam::1111:role/ci-pipeline\""), short12.getMessage());
        assertTrue(short12.getMessage().contains("account part \"1111\" is not 12 digits"), short12.getMessage());

        InvalidInputException s3 = assertThrows(InvalidInputException.class, () -> b.attach("arn:aws:s3:::prod-data"));
        assertTrue(s3.getMessage().startsWith("attach(...)"), s3.getMessage());
        assertTrue(s3.getMessage().contains("not \"iam\""), s3.getMessage());
    }

    @Test
    void roleName_whenInvalid_thenErrorNamesTheCharacter() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Runbooks.crossAccountRole("deploy role"));
        assertTrue(e.getMessage().contains("\" \" at position 7"), e.getMessage());
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> Runbooks.breakGlassRole("x".repeat(65)));
        assertTrue(tooLong.getMessage().contains("1-64 characters"), tooLong.getMessage());
    }

    @Test
    void crossAccountRole_onAccountWithThatRole_warnsCreateWillFail() {
        Plan plan = Runbooks.crossAccountRole(DEMO, "cross-account-deploy").trusting("arn:aws:iam::111111111111:role/ci-pipeline")
                .externalId("prod-deploy-2024").attach("arn:aws:iam::aws:policy/AmazonECS_FullAccess").plan();
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("EntityAlreadyExists")), plan.warnings().toString());
        assertEquals("arn:aws:iam::123456789012:role/cross-account-deploy", plan.step(4).parameter("RoleArn"));
    }

    @Test
    void plansOnAccountsThatHaveTheNames_warnWhyCreateFailsAndWhatToDo() {
        String role = String.join("\n", Runbooks.crossAccountRole(DEMO, "cross-account-deploy")
                .trusting("arn:aws:iam::111111111111:role/ci-pipeline").externalId("prod-deploy-2024").plan().warnings());
        assertTrue(role.contains("the snapshot this plan was made from already has a role of that name"), role);
        assertTrue(role.contains("Choose another role name, or skip the step with apply(iam, o -> o.startAt(2))"), role);
        String sandbox = String.join("\n", Runbooks.developerSandbox(DEMO).plan().warnings());
        assertTrue(sandbox.contains("CreatePolicy (step 1) will fail with EntityAlreadyExists: the snapshot this plan "
                + "was made from already has a policy of that name"), sandbox);
        assertTrue(sandbox.contains("Choose another name with .boundaryName(...), or skip the step with "
                + "apply(iam, o -> o.startAt(2)) to use the existing boundary"), sandbox);
    }

    @Test
    void note_whenOneStepRuns_thenSaysSoInTheSingular() {
        String note = Runbooks.conditionalMfa().plan().note();
        assertTrue(note.contains("Call plan.apply(iamClient) to run its one step."), note);
        assertFalse(note.contains("1 step"), note);
    }

    // ---- break-glass role ----------------------------------------------------------------------------------

    @Test
    void breakGlassRole_plan_requiresRecentMfaOneHourSessionsAndAdmin() {
        Plan plan = Runbooks.breakGlassRole("break-glass-admin").inAccount("123456789012").plan();

        Step create = plan.step(1);
        assertEquals("iam:CreateRole", create.action());
        assertEquals(PolicyDocument.parse(SeedDocuments.BREAK_GLASS_TRUST),
                PolicyDocument.parse(create.parameter("AssumeRolePolicyDocument")));
        assertEquals("3600", create.parameter("MaxSessionDuration"));
        assertEquals("arn:aws:iam::aws:policy/AdministratorAccess", plan.step(2).parameter("PolicyArn"));
        assertEquals(2, plan.executableCount());
    }

    @Test
    void breakGlassRole_alertWiring_isListedAsFollowUpsOnAssumeRoleOfThatRole() {
        Plan plan = Runbooks.breakGlassRole(DEMO, "break-glass-admin")
                .alertTopic("arn:aws:sns:us-east-1:123456789012:pager").plan();
        List<Step> followUps = plan.steps().stream().filter(s -> s.kind() == StepKind.FOLLOW_UP).toList();
        assertEquals(List.of("cloudtrail:CreateTrail", "cloudtrail:StartLogging", "events:PutRule", "events:PutTargets", ""),
                followUps.stream().map(Step::action).toList());
        String pattern = followUps.get(2).parameter("EventPattern");
        assertTrue(pattern.contains("\"AssumeRole\"") && pattern.contains("arn:aws:iam::123456789012:role/break-glass-admin"), pattern);
        assertEquals("Id=page-on-call,Arn=arn:aws:sns:us-east-1:123456789012:pager", followUps.get(3).parameter("Targets"));
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("already has a role break-glass-admin")));
    }

    @Test
    void breakGlassRole_withoutAccount_thenErrorSaysWhomToTrust() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Runbooks.breakGlassRole("break-glass-admin").plan());
        assertTrue(e.getMessage().contains(".inAccount("), e.getMessage());
    }

    @Test
    void maxSession_whenOutsideIamLimits_thenError() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Runbooks.breakGlassRole("bg").maxSession(Duration.ofHours(13)));
        assertTrue(e.getMessage().contains("1 hour (PT1H) to 12 hours (PT12H)"), e.getMessage());
    }

    // ---- key rotation --------------------------------------------------------------------------------------

    @Test
    void rotateKeys_plan_knowsTheUsersOldKeyFromTheAccount() {
        Plan plan = Runbooks.rotateKeys(DEMO, "svc-deploy").plan();
        assertEquals(List.of("iam:ListAccessKeys", "iam:CreateAccessKey", "", "iam:UpdateAccessKey", "iam:DeleteAccessKey"),
                actions(plan));
        assertEquals(List.of(StepKind.EXECUTABLE, StepKind.EXECUTABLE, StepKind.MANUAL, StepKind.EXECUTABLE, StepKind.FOLLOW_UP),
                kinds(plan));
        assertEquals(Map.of("AccessKeyIds", "AKIAOLD123456EXAMPLE"), plan.step(1).expect());
        assertEquals(Map.of("UserName", "svc-deploy", "AccessKeyId", "AKIAOLD123456EXAMPLE", "Status", "Inactive"),
                plan.step(4).parameters());
        assertTrue(plan.step(4).description().contains("903 days old"), plan.step(4).description());
        assertTrue(plan.note().contains("apply() stops at step 3 (manual)"), plan.note());
    }

    @Test
    void rotateKeys_whenUserHasTwoActiveKeys_thenErrorExplainsTheLimit() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Runbooks.rotateKeys(DEMO, "legacy-etl").plan());
        assertTrue(e.getMessage().contains("two active access keys") && e.getMessage().contains("IAM allows two"), e.getMessage());
    }

    @Test
    void rotateKeys_whenUserUnknownOrKeyless_thenErrorNamesUser() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> Runbooks.rotateKeys(DEMO, "svc-deplo"));
        assertTrue(unknown.getMessage().contains("svc-deploy"), unknown.getMessage());
        InvalidInputException keyless = assertThrows(InvalidInputException.class, () -> Runbooks.rotateKeys(DEMO, "bob").plan());
        assertTrue(keyless.getMessage().contains("bob has no access key to rotate"), keyless.getMessage());
    }

    @Test
    void rotateKeys_gracePeriod_mustBeADayOrMore() {
        var rotation = Runbooks.rotateKeys(DEMO, "svc-deploy");
        assertThrows(InvalidInputException.class, () -> rotation.gracePeriod(Duration.ofHours(2)));
        Plan delete = rotation.gracePeriod(Duration.ofHours(48)).deletePlan();
        assertEquals(Map.of("NotUsedWithin", "PT48H"), delete.step(2).expect());
        assertEquals(List.of("iam:ListAccessKeys", "iam:GetAccessKeyLastUsed", "iam:DeleteAccessKey"), actions(delete));
    }

    // ---- developer sandbox and conditional MFA -------------------------------------------------------------

    @Test
    void developerSandbox_documents_areTheSeedsForAccountAndPrefix() {
        DeveloperSandbox sandbox = Runbooks.developerSandbox("123456789012");
        assertEquals(PolicyDocument.parse(SeedDocuments.DEV_BOUNDARY), sandbox.boundary());
        assertEquals(PolicyDocument.parse(SeedDocuments.DEV_POLICY), sandbox.developerPolicy());

        DeveloperSandbox other = Runbooks.developerSandbox("210987654321").rolePrefix("sbx-").boundaryName("sbx-boundary");
        PolicyDocument dev = other.developerPolicy();
        assertEquals(List.of("arn:aws:iam::210987654321:role/sbx-*"), dev.statements().get(0).resources());
        assertEquals(List.of("arn:aws:iam::210987654321:policy/sbx-boundary"), dev.statements().get(0).conditions().get(0).values());
    }

    @Test
    void developerSandbox_plan_createsBothPoliciesAndGrantsTheGroup() {
        Plan plan = Runbooks.developerSandbox(DEMO).grantToGroup("developers").plan();
        assertEquals(List.of("iam:CreatePolicy", "iam:CreatePolicy", "iam:AttachGroupPolicy"), actions(plan));
        assertEquals("arn:aws:iam::123456789012:policy/dev-sandbox-developer", plan.step(3).parameter("PolicyArn"));
        assertThrows(InvalidInputException.class, () -> Runbooks.developerSandbox("123456789012").rolePrefix("dev-*"));
    }

    @Test
    void conditionalMfa_document_isTheSeedsPolicy() {
        assertEquals(PolicyDocument.parse(SeedDocuments.CONDITIONAL_MFA), Runbooks.conditionalMfa().document());
        Plan plan = Runbooks.conditionalMfa().policyName("mfa-writes").plan();
        assertEquals("iam:CreatePolicy", plan.step(1).action());
        assertEquals(Runbooks.conditionalMfa().document(), PolicyDocument.parse(plan.step(1).parameter("PolicyDocument")));
    }

    @Test
    void conditionalMfa_whenAReadPatternCoversAWrite_thenRefused() {
        var policy = Runbooks.conditionalMfa().readActions("s3:*").writeActions("s3:PutObject");
        InvalidInputException e = assertThrows(InvalidInputException.class, policy::document);
        assertTrue(e.getMessage().contains("\"s3:*\" also matches the write action \"s3:PutObject\""), e.getMessage());
        assertThrows(InvalidInputException.class, () -> Runbooks.conditionalMfa().readActions("GetObject"));
    }

    // ---- renderings ----------------------------------------------------------------------------------------

    @Test
    void toMimeBundle_showsNumberedCallsAndNothingExecutedNote_escapingHtml() {
        Plan plan = seedCrossAccount().inAccount("222222222222").description("deploys <prod> & \"staging\"").plan();
        Map<String, Object> bundle = plan.toMimeBundle();
        String html = (String) bundle.get("text/html");
        assertTrue(html.contains("<b>Nothing has been executed. Call plan.apply(iamClient) to run these 2 steps."), html);
        assertTrue(html.contains("deploys &lt;prod&gt; &amp; &quot;staging&quot;"), html);
        assertFalse(html.contains("<prod>"));
        assertTrue(html.contains("<td valign=\"top\">1</td>") && html.contains("<td valign=\"top\">4</td>"), html);
        assertTrue(html.contains("&quot;sts:ExternalId&quot;: &quot;prod-deploy-2024&quot;"), "documents are shown, escaped");
        String text = (String) bundle.get("text/plain");
        assertTrue(text.contains("  1. iam:CreateRole  [runs on apply()]"), text);
        assertTrue(text.endsWith("Steps 3 and 4 are manual or follow-up: apply() never runs them."), text);
    }

    @Test
    void table_hasOneRowPerStep() {
        Plan plan = Runbooks.breakGlassRole(DEMO, "break-glass-admin").plan();
        Table t = plan.table();
        assertEquals(plan.size(), t.rowCount());
        assertEquals(List.of("step", "kind", "call", "parameters", "description"), t.columnNames());
        assertEquals("iam:CreateRole", t.stringColumn("call").get(0));
        assertEquals("follow-up", t.stringColumn("kind").get(2));
    }

    @Test
    void toCli_givesEquivalentAwsCommands_quotedForTheShell() {
        String cli = Runbooks.breakGlassRole("break-glass-admin").inAccount("123456789012").plan().toCli();
        assertTrue(cli.contains("aws iam create-role \\\n    --role-name break-glass-admin \\\n"
                + "    --assume-role-policy-document '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":"
                + "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"},\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}}}]}'"), cli);
        assertTrue(cli.contains("    --max-session-duration 3600\n"), cli);
        assertTrue(cli.contains("aws cloudtrail create-trail \\\n    --name management-events \\\n    --s3-bucket-name YOUR-CLOUDTRAIL-BUCKET \\\n"
                + "    --is-multi-region-trail \\\n    --include-global-service-events\n"), cli);
        assertTrue(cli.contains("# 5. (follow-up) "), cli);

        String quoted = seedCrossAccount().description("it's for CI").plan().toCli();
        assertTrue(quoted.contains("--description 'it'\\''s for CI'"), quoted);
    }

    @Test
    void planOf_whenAnExecutableStepIsNotACallApplyKnows_thenRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Plan.of("x",
                List.of(Step.call("events:PutRule", Map.of("Name", "r"), "a rule"))));
        assertTrue(e.getMessage().contains("apply() cannot make events:PutRule"), e.getMessage());
        InvalidInputException extra = assertThrows(InvalidInputException.class, () -> Plan.of("x",
                List.of(Step.call("iam:AttachRolePolicy", Map.of("RoleName", "r", "PolicyArn", "a", "Foo", "b"), "attach"))));
        assertTrue(extra.getMessage().contains("has no parameter Foo"), extra.getMessage());
    }

    @Test
    void stepCall_whenGivenTheSdkRequest_thenShowsItsFieldsAsTheStringFormWould() {
        Step typed = Step.call(CreateRoleRequest.builder().roleName("ci").assumeRolePolicyDocument("{}")
                .maxSessionDuration(3600).build(), "create");
        Step text = Step.call("iam:CreateRole", Map.of("RoleName", "ci", "AssumeRolePolicyDocument", "{}",
                "MaxSessionDuration", "3600"), "create");
        assertEquals("iam:CreateRole", typed.action());
        assertEquals(List.of("RoleName", "AssumeRolePolicyDocument", "MaxSessionDuration"),
                List.copyOf(typed.parameters().keySet()));
        assertEquals(typed.parameters(), text.parameters());
        assertEquals(typed.request(), text.request());
        assertEquals(Integer.valueOf(3600), ((CreateRoleRequest) text.request().orElseThrow()).maxSessionDuration());
        assertEquals(Plan.of("t", List.of(typed)).toCli(), Plan.of("t", List.of(text)).toCli());
    }

    @Test
    void stepCall_whenANumberIsNotANumber_thenRefusedNamingActionAndParameter() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Step.call("iam:CreateRole",
                Map.of("RoleName", "ci", "AssumeRolePolicyDocument", "{}", "MaxSessionDuration", "1h"), "create"));
        assertTrue(e.getMessage().contains("iam:CreateRole parameter MaxSessionDuration"), e.getMessage());
    }

    @Test
    void stepCall_whenTheRequestLacksARequiredParameterOrIsNotACallApplyMakes_thenRefused() {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> Step.call(AttachRolePolicyRequest.builder().roleName("ci").build(), "attach"));
        assertTrue(missing.getMessage().contains("iam:AttachRolePolicy needs parameter PolicyArn"), missing.getMessage());
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> Step.call(DeleteRoleRequest.builder().roleName("ci").build(), "delete"));
        assertTrue(unknown.getMessage().contains("apply() cannot make iam:DeleteRole"), unknown.getMessage());
    }
}
