package iamnb.runbook;

import static iamnb.runbook.CrossAccountRole.params;

import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.InvalidInputException;
import iamnb.internal.Arns;
import iamnb.model.AccountView;
import iamnb.model.PolicyDocument;
import iamnb.runbook.internal.Json;
import iamnb.runbook.internal.Validate;
import iamnb.runbook.internal.Validate.PrincipalArn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;

/**
 * The seed's "Emergency Break-Glass IAM Role": an administrator role for incident response that can only be
 * assumed with MFA signed in within the last hour ({@code aws:MultiFactorAuthPresent} and
 * {@code NumericLessThan aws:MultiFactorAuthAge 3600}), with one-hour sessions and AdministratorAccess.
 *
 * <p>The alert that must fire on every use (CloudTrail trail + an EventBridge rule on {@code AssumeRole} of
 * this role, targeting the on-call topic) and the written procedure are follow-up steps: they touch other
 * services and are listed, never executed by {@code apply()}.
 *
 * <pre>{@code
 * Runbooks.breakGlassRole(acct, "break-glass-admin").alertTopic("arn:aws:sns:us-east-1:123456789012:pager").plan();
 * }</pre>
 */
public final class BreakGlassRole {
    public static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

    private final String roleName;
    private final Optional<AccountView> account;
    private String accountId;
    private final List<PrincipalArn> trusted = new ArrayList<>();
    private Duration mfaMaxAge = Duration.ofHours(1);
    private Duration maxSession = Duration.ofHours(1);
    private String policyArn = ADMINISTRATOR_ACCESS;
    private String alertTopicArn;
    private String trailBucket;
    private String region = "us-east-1";

    BreakGlassRole(String roleName, Optional<AccountView> account) {
        this.roleName = Validate.roleName(roleName, "breakGlassRole(roleName)");
        this.account = account;
        this.accountId = account.map(AccountView::accountId).orElse(null);
    }

    /** The account the role lives in; its root (any principal the account's policies allow) is trusted by default. */
    public BreakGlassRole inAccount(String accountId) {
        this.accountId = Validate.accountId(accountId, "inAccount(...)");
        return this;
    }

    /**
     * Trusts a specific principal instead of the account root (for example the incident-responder role of your
     * identity center). Call again to trust several.
     */
    public BreakGlassRole trusting(String principalArnOrAccountId) {
        trusted.add(Validate.principal(principalArnOrAccountId, "trusting(...)"));
        return this;
    }

    /** How recent the MFA sign-in must be (default 1 hour: {@code NumericLessThan aws:MultiFactorAuthAge 3600}). */
    public BreakGlassRole mfaMaxAge(Duration age) {
        if (age == null || age.isNegative() || age.isZero() || age.compareTo(Duration.ofHours(12)) > 0) {
            throw new InvalidInputException("mfaMaxAge(...): " + age + " is not a sensible MFA age: use a positive duration "
                    + "up to 12 hours; the runbook's default is 1 hour (PT1H)");
        }
        this.mfaMaxAge = age;
        return this;
    }

    /** The role's maximum session (default and recommended: 1 hour). */
    public BreakGlassRole maxSession(Duration maxSession) {
        this.maxSession = Validate.maxSession(maxSession, "maxSession(...)");
        return this;
    }

    /** The permissions the role grants (default AdministratorAccess). */
    public BreakGlassRole policy(String policyArn) {
        this.policyArn = Validate.policyArn(policyArn, "policy(...)");
        return this;
    }

    /** The SNS topic the alert goes to (PagerDuty, Slack, e-mail subscriptions); a placeholder when not set. */
    public BreakGlassRole alertTopic(String snsTopicArn) {
        this.alertTopicArn = Validate.snsTopicArn(snsTopicArn, "alertTopic(...)");
        return this;
    }

    /** The S3 bucket for the CloudTrail trail, if one must be created; a placeholder when not set. */
    public BreakGlassRole trailBucket(String bucket) {
        this.trailBucket = Validate.bucketName(bucket, "trailBucket(...)");
        return this;
    }

    /** The region of the EventBridge rule: where STS records AssumeRole (us-east-1 for the global endpoint). */
    public BreakGlassRole alertRegion(String region) {
        if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new InvalidInputException("alertRegion(...): \"" + region + "\" is not an AWS region such as us-east-1");
        }
        this.region = region;
        return this;
    }

    private List<String> principals() {
        if (!trusted.isEmpty()) {
            return trusted.stream().map(PrincipalArn::arn).toList();
        }
        if (accountId == null) {
            throw new InvalidInputException("break-glass role " + roleName + ": whom to trust is unknown; call "
                    + ".inAccount(\"123456789012\") to trust that account's root (the seed's choice), or "
                    + "Runbooks.breakGlassRole(acct, \"" + roleName + "\"), or .trusting(principalArn)");
        }
        return List.of("arn:aws:iam::" + accountId + ":root");
    }

    private String ownAccount() {
        return accountId != null ? accountId : trusted.get(0).accountId();
    }

    /** The ARN the role will have. */
    public String roleArn() {
        principals();
        return "arn:aws:iam::" + ownAccount() + ":role/" + roleName;
    }

    /** The MFA trust policy. */
    public PolicyDocument trustPolicy() {
        return PolicyDocument.parse(trustJson(), "trust policy of " + roleName);
    }

    private String trustJson() {
        ObjectNode statement = Json.object();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").set("AWS", Json.oneOrMany(principals()));
        statement.put("Action", "sts:AssumeRole");
        ObjectNode condition = statement.putObject("Condition");
        condition.putObject("Bool").put("aws:MultiFactorAuthPresent", "true");
        condition.putObject("NumericLessThan").put("aws:MultiFactorAuthAge", Long.toString(mfaMaxAge.toSeconds()));
        ObjectNode doc = Json.object();
        doc.put("Version", PolicyDocument.VERSION_2012);
        doc.putArray("Statement").add(statement);
        return Json.pretty(doc);
    }

    /** The EventBridge pattern matching every {@code AssumeRole} of this role recorded by CloudTrail. */
    public String alertEventPattern() {
        ObjectNode pattern = Json.object();
        pattern.set("source", Json.array(List.of("aws.sts")));
        pattern.set("detail-type", Json.array(List.of("AWS API Call via CloudTrail")));
        ObjectNode detail = pattern.putObject("detail");
        detail.set("eventSource", Json.array(List.of("sts.amazonaws.com")));
        detail.set("eventName", Json.array(List.of("AssumeRole")));
        detail.putObject("requestParameters").set("roleArn", Json.array(List.of(roleArn())));
        return Json.pretty(pattern);
    }

    /** The plan: create the role and attach its policy (executed), then the alert wiring (follow-ups). */
    public Plan plan() {
        List<String> warnings = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        CreateRoleRequest create = CreateRoleRequest.builder()
                .roleName(roleName)
                .assumeRolePolicyDocument(trustJson())
                .description("Emergency break-glass role: MFA required, " + IamCalls.human(maxSession)
                        + " sessions, every use alerts")
                .maxSessionDuration(Math.toIntExact(maxSession.toSeconds()))
                .build();
        steps.add(Step.call(create, "Create " + roleName + ": assumable by "
                + String.join(", ", principals()) + " only with MFA signed in less than " + IamCalls.human(mfaMaxAge)
                + " ago; sessions last at most " + IamCalls.human(maxSession) + "."));
        steps.add(Step.call("iam:AttachRolePolicy", params("RoleName", roleName, "PolicyArn", policyArn),
                "Attach " + Arns.iamPathAndName(policyArn, "policy") + ": full access for the incident."));

        String bucket = trailBucket == null ? "YOUR-CLOUDTRAIL-BUCKET" : trailBucket;
        steps.add(Step.followUp("cloudtrail:CreateTrail", params("Name", "management-events", "S3BucketName", bucket,
                        "IsMultiRegionTrail", "true", "IncludeGlobalServiceEvents", "true"),
                "Skip if a multi-region trail already logs management events. EventBridge only receives "
                        + "\"AWS API Call via CloudTrail\" events while a trail is logging."));
        steps.add(Step.followUp("cloudtrail:StartLogging", params("Name", "management-events"),
                "Start the trail (CloudTrail logging always on)."));
        String rule = roleName + "-assumed";
        steps.add(Step.followUp("events:PutRule", params("Name", rule, "Description",
                        "Alert on every AssumeRole of " + roleName, "EventPattern", alertEventPattern()),
                "In " + region + " (where the global STS endpoint records AssumeRole; repeat in regions whose STS "
                        + "endpoints are used): match every assumption of " + roleName + "."));
        String topic = alertTopicArn == null ? "arn:aws:sns:" + region + ":" + ownAccount() + ":break-glass-alerts" : alertTopicArn;
        steps.add(Step.followUp("events:PutTargets", params("Rule", rule, "Targets", "Id=page-on-call,Arn=" + topic),
                "Send the event to the on-call topic (PagerDuty/Slack subscriptions); the topic policy must allow "
                        + "events.amazonaws.com to publish."));
        steps.add(Step.followUp("", Map.of(), "Write the runbook: when to use " + roleName
                + ", who can authorize it, the post-incident review; then assume it once with MFA to test the alert."));
        if (alertTopicArn == null) {
            warnings.add("the alert target is a placeholder (" + topic + "): call .alertTopic(snsTopicArn)");
        }
        if (maxSession.compareTo(Duration.ofHours(1)) > 0) {
            warnings.add("sessions of " + IamCalls.human(maxSession) + ": the runbook requires 1 hour at most");
        }
        account.flatMap(a -> a.findRole(roleName)).ifPresent(r -> warnings.add("account " + ownAccount()
                + " already has a role " + roleName + " (as of " + account.get().asOf()
                + "): " + CrossAccountRole.alreadyExists("CreateRole (step 1)", "role", "another role name",
                2, "and audit the existing role with acct.audit().breakGlass(\"" + roleName + "\")")));
        return Plan.of("Break-glass role " + roleName + " (MFA, " + IamCalls.human(maxSession) + " sessions, "
                + Arns.iamPathAndName(policyArn, "policy") + ")", steps, warnings);
    }
}
