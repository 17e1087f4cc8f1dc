package iamnb.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every check the audits run, in one catalogue: the stable id a finding or checklist row carries (what notebooks
 * filter and suppress by), a title, the severity a finding of it has unless the audit says why another applies
 * (an admin principal, a cap by a boundary, ...), and the AWS documentation page the check rests on. Checklist rows
 * (break-glass {@code BG-*}, boundary verification {@code BV-*}, IRSA set-up) have the severity their failure gets
 * when listed as a finding.
 *
 * <p>Three ids are families: Access Analyzer findings are {@code ANALYZER-<finding type>}, policy lint findings
 * {@code POLICY-LINT-<lint check>}, and break-glass failures
 * in {@code audit().all()} are {@code BREAK-GLASS-<checklist id>}; {@link #of(String)} resolves each.
 */
public enum Check {
    // ---- admins and privilege escalation (seed: "Find all users with AdministratorAccess", inline "*" actions)
    ADMIN_EFFECTIVE("ADMIN-EFFECTIVE", Severity.HIGH, "admin-equivalent principal, decided by the policy engine",
            Docs.IAM + "best-practices.html"),
    ADMIN_BREAK_GLASS("ADMIN-BREAK-GLASS", Severity.INFO, "admin-equivalent by design: the break-glass role",
            Docs.IAM + "best-practices.html"),
    ADMIN_CAPPED("ADMIN-CAPPED", Severity.LOW, "admin-shaped grant capped by a boundary or SCP",
            Docs.IAM + "access_policies_boundaries.html"),
    ADMIN_GROUP("ADMIN-GROUP", Severity.HIGH, "group granting admin to its members", Docs.IAM + "id_groups.html"),
    ADMIN_IAM_WILDCARD("ADMIN-IAM-WILDCARD", Severity.MEDIUM, "iam:* granted: enough to become admin",
            Docs.IAM + "best-practices.html"),
    ADMIN_BROAD("ADMIN-BROAD", Severity.MEDIUM, "service-wide wildcard grant", Docs.IAM + "best-practices.html"),
    PRIVESC_SELF_POLICY("PRIVESC-SELF-POLICY", Severity.HIGH, "can attach or write a policy on itself",
            Docs.IAM + "best-practices.html"),
    PRIVESC_GROUP_POLICY("PRIVESC-GROUP-POLICY", Severity.HIGH, "can attach or write a policy on its own group",
            Docs.IAM + "id_groups.html"),
    PRIVESC_ADD_TO_GROUP("PRIVESC-ADD-TO-GROUP", Severity.HIGH, "can add itself to an admin group",
            Docs.IAM + "id_groups.html"),
    PRIVESC_POLICY_VERSION("PRIVESC-POLICY-VERSION", Severity.HIGH, "can make another version of its own policy the default",
            Docs.IAM + "access_policies_managed-versioning.html"),
    PRIVESC_CREDENTIALS("PRIVESC-CREDENTIALS", Severity.HIGH, "can create keys or passwords for an admin user",
            Docs.IAM + "id_credentials_access-keys.html"),
    PRIVESC_TRUST("PRIVESC-TRUST", Severity.HIGH, "can rewrite an admin role's trust policy and assume it",
            Docs.IAM + "id_roles_update-role-trust-policy.html"),
    PRIVESC_PASSROLE("PRIVESC-PASSROLE", Severity.HIGH, "can pass an admin role to a service it controls",
            Docs.IAM + "id_roles_use_passrole.html"),

    // ---- trust (seed: "Find roles with broad assume-role trust (especially those trusting *)")
    TRUST_WILDCARD("TRUST-WILDCARD", Severity.CRITICAL, "anyone may assume the role",
            Docs.IAM + "reference_policies_elements_principal.html"),
    TRUST_NOTPRINCIPAL("TRUST-NOTPRINCIPAL", Severity.HIGH, "Allow with NotPrincipal: everyone but a few may assume the role",
            Docs.IAM + "reference_policies_elements_notprincipal.html"),
    TRUST_ACCOUNT_ROOT("TRUST-ACCOUNT-ROOT", Severity.HIGH, "another account's root trusted: any of its principals may assume",
            Docs.IAM + "reference_policies_elements_principal.html"),
    TRUST_NO_EXTERNALID("TRUST-NO-EXTERNALID", Severity.MEDIUM, "cross-account trust without ExternalId or MFA",
            Docs.IAM + "id_roles_create_for-user_externalid.html"),
    TRUST_UNKNOWN_ACCOUNT("TRUST-UNKNOWN-ACCOUNT", Severity.MEDIUM, "trusted account outside the organization or the known list",
            Docs.IAM + "reference_policies_elements_principal.html"),

    // ---- unused principals (seed: "Users who have never logged in or used access keys", "Roles not used in 90+ days")
    UNUSED_USER_NEVER("UNUSED-USER-NEVER", Severity.MEDIUM, "user never signed in nor used a key",
            Docs.IAM + "id_credentials_finding-unused.html"),
    UNUSED_USER_NEW("UNUSED-USER-NEW", Severity.INFO, "user not used yet, too new to judge",
            Docs.IAM + "id_credentials_finding-unused.html"),
    UNUSED_USER("UNUSED-USER", Severity.MEDIUM, "user idle longer than the threshold",
            Docs.IAM + "id_credentials_finding-unused.html"),
    UNUSED_PASSWORD("UNUSED-PASSWORD", Severity.LOW, "console password idle longer than the threshold",
            Docs.IAM + "id_credentials_finding-unused.html"),
    UNUSED_ROLE_NEVER("UNUSED-ROLE-NEVER", Severity.MEDIUM, "role never used", Docs.IAM + "access_policies_last-accessed.html"),
    UNUSED_ROLE_NEW("UNUSED-ROLE-NEW", Severity.INFO, "role not used yet, too new to judge",
            Docs.IAM + "access_policies_last-accessed.html"),
    UNUSED_ROLE_BREAK_GLASS("UNUSED-ROLE-BREAK-GLASS", Severity.INFO, "idle admin role whose break-glass checklist passes",
            Docs.IAM + "access_policies_last-accessed.html"),
    UNUSED_ROLE("UNUSED-ROLE", Severity.MEDIUM, "role unused longer than the threshold",
            Docs.IAM + "access_policies_last-accessed.html"),
    UNUSED_POLICY("UNUSED-POLICY", Severity.LOW, "customer managed policy attached to nothing",
            Docs.IAM + "access_policies_manage-delete.html"),

    // ---- access keys (seed: key rotation runbook)
    KEY("KEY", Severity.MEDIUM, "access keys (the family, for checks that could not run)", Docs.IAM + "id_credentials_access-keys.html"),
    KEY_AGE("KEY-AGE", Severity.MEDIUM, "active access key older than the rotation threshold",
            Docs.IAM + "id_credentials_access-keys.html"),
    KEY_NEVER_USED("KEY-NEVER-USED", Severity.MEDIUM, "active access key never used", Docs.IAM + "id_credentials_access-keys.html"),
    KEY_UNUSED("KEY-UNUSED", Severity.MEDIUM, "active access key idle longer than the threshold",
            Docs.IAM + "id_credentials_access-keys.html"),
    KEY_TWO_ACTIVE("KEY-TWO-ACTIVE", Severity.LOW, "two active access keys: a rotation left half done",
            Docs.IAM + "id_credentials_access-keys.html"),
    KEY_ROOT("KEY-ROOT", Severity.CRITICAL, "the root user has an access key", Docs.IAM + "id_root-user.html"),

    // ---- MFA (seed: conditional MFA runbook)
    MFA_CONSOLE("MFA-CONSOLE", Severity.HIGH, "console user without MFA", Docs.IAM + "id_credentials_mfa.html"),
    MFA_ROOT("MFA-ROOT", Severity.CRITICAL, "the root user has no MFA", Docs.IAM + "id_root-user.html"),

    // ---- break-glass (seed: "Create the break-glass role (admin access, heavily logged)")
    BREAK_GLASS("BREAK-GLASS", Severity.HIGH, "a break-glass requirement fails (BREAK-GLASS-<row id> in all())",
            Docs.IAM + "best-practices.html"),
    BG_EXISTS("BG-EXISTS", Severity.HIGH, "the break-glass role exists", Docs.IAM + "id_roles.html"),
    BG_MFA("BG-MFA", Severity.HIGH, "MFA is required to assume the role", Docs.IAM + "id_credentials_mfa_configure-api-require.html"),
    BG_MFA_AGE("BG-MFA-AGE", Severity.HIGH, "the MFA sign-in is at most an hour old",
            Docs.IAM + "reference_policies_condition-keys.html"),
    BG_SESSION("BG-SESSION", Severity.HIGH, "sessions last at most an hour", Docs.IAM + "id_roles_use.html"),
    BG_TRUST("BG-TRUST", Severity.HIGH, "only the intended principal may assume the role",
            Docs.IAM + "reference_policies_elements_principal.html"),
    BG_ADMIN("BG-ADMIN", Severity.HIGH, "the role is admin", Docs.IAM + "best-practices.html"),
    BG_LAST_USED("BG-LAST-USED", Severity.HIGH, "every use matches an incident (manual)", Docs.IAM + "access_policies_last-accessed.html"),
    BG_CLOUDTRAIL("BG-CLOUDTRAIL", Severity.HIGH, "CloudTrail logging is always on (manual)", Docs.CLOUDTRAIL),
    BG_ALERT("BG-ALERT", Severity.HIGH, "an alert fires on every assumption (manual)", Docs.CLOUDTRAIL),
    BG_RUNBOOK("BG-RUNBOOK", Severity.HIGH, "the procedure is documented (manual)", Docs.IAM + "best-practices.html"),

    // ---- permission boundaries (seed: developer sandbox runbook)
    BOUNDARY_MISSING("BOUNDARY-MISSING", Severity.HIGH, "role of the pattern without the boundary",
            Docs.IAM + "access_policies_boundaries.html"),
    BOUNDARY_OTHER("BOUNDARY-OTHER", Severity.MEDIUM, "role of the pattern with another boundary",
            Docs.IAM + "access_policies_boundaries.html"),
    BOUNDARY_POLICY_MISSING("BOUNDARY-POLICY-MISSING", Severity.HIGH, "the boundary policy does not exist",
            Docs.IAM + "access_policies_boundaries.html"),
    BOUNDARY_UNCONDITIONED("BOUNDARY-UNCONDITIONED", Severity.HIGH, "role creation allowed without an iam:PermissionsBoundary condition",
            Docs.IAM + "access_policies_boundaries.html"),
    PASSROLE_NO_SERVICE("PASSROLE-NO-SERVICE", Severity.MEDIUM, "iam:PassRole without iam:PassedToService",
            Docs.IAM + "id_roles_use_passrole.html"),
    BV_EXISTS("BV-EXISTS", Severity.HIGH, "the boundary policy exists", Docs.IAM + "access_policies_boundaries.html"),
    BV_IAM_CREATEUSER("BV-IAM-CREATEUSER", Severity.HIGH, "the boundary denies iam:CreateUser", Docs.IAM + "access_policies_boundaries.html"),
    BV_IAM_DELETEROLE("BV-IAM-DELETEROLE", Severity.HIGH, "the boundary denies iam:DeleteRole", Docs.IAM + "access_policies_boundaries.html"),
    BV_ORGANIZATIONS("BV-ORGANIZATIONS", Severity.HIGH, "the boundary denies organizations:*", Docs.IAM + "access_policies_boundaries.html"),
    BV_ACCOUNT("BV-ACCOUNT", Severity.HIGH, "the boundary denies account:*", Docs.IAM + "access_policies_boundaries.html"),
    BV_OTHER_SERVICE("BV-OTHER-SERVICE", Severity.HIGH, "the boundary denies services outside the sandbox",
            Docs.IAM + "access_policies_boundaries.html"),
    BV_S3_READ("BV-S3-READ", Severity.HIGH, "the boundary lets S3 reads through", Docs.IAM + "access_policies_boundaries.html"),
    BV_DYNAMODB("BV-DYNAMODB", Severity.HIGH, "the boundary lets DynamoDB through", Docs.IAM + "access_policies_boundaries.html"),
    BV_PROD_TAGGED("BV-PROD-TAGGED", Severity.HIGH, "the boundary denies production-tagged resources",
            Docs.IAM + "access_policies_boundaries.html"),
    BV_PROD_LAMBDA("BV-PROD-LAMBDA", Severity.HIGH, "the boundary denies production Lambda functions",
            Docs.IAM + "access_policies_boundaries.html"),

    // ---- EKS IRSA (seed: IRSA steps 1-6 and "Common failures")
    IRSA_ROLE("IRSA-ROLE", Severity.MEDIUM, "the role exists", Docs.EKS + "iam-roles-for-service-accounts.html"),
    IRSA_TRUST_ACTION("IRSA-TRUST-ACTION", Severity.MEDIUM, "the trust allows sts:AssumeRoleWithWebIdentity",
            Docs.EKS + "associate-service-account-role.html"),
    IRSA_FEDERATED("IRSA-FEDERATED", Severity.MEDIUM, "the Federated principal is the cluster's OIDC provider",
            Docs.EKS + "associate-service-account-role.html"),
    IRSA_OIDC_PROVIDER("IRSA-OIDC-PROVIDER", Severity.MEDIUM, "the OIDC provider exists in IAM",
            Docs.EKS + "enable-iam-roles-for-service-accounts.html"),
    IRSA_ISSUER("IRSA-ISSUER", Severity.MEDIUM, "the cluster issuer is the provider the trust names",
            Docs.EKS + "enable-iam-roles-for-service-accounts.html"),
    IRSA_SUB("IRSA-SUB", Severity.MEDIUM, "the :sub condition matches namespace and service account exactly",
            Docs.EKS + "associate-service-account-role.html"),
    IRSA_AUD("IRSA-AUD", Severity.MEDIUM, "the :aud condition is sts.amazonaws.com", Docs.EKS + "associate-service-account-role.html"),
    IRSA_PERMISSIONS("IRSA-PERMISSIONS", Severity.MEDIUM, "the role has permission policies", Docs.EKS + "iam-roles-for-service-accounts.html"),
    IRSA_SA_ANNOTATION("IRSA-SA-ANNOTATION", Severity.MEDIUM, "the service account is annotated with the role ARN",
            Docs.EKS + "associate-service-account-role.html"),
    IRSA_POD_SA("IRSA-POD-SA", Severity.MEDIUM, "the pod uses the service account", Docs.EKS + "pod-configuration.html"),
    IRSA_TOKEN("IRSA-TOKEN", Severity.MEDIUM, "the projected token has the expected issuer, subject and audience",
            Docs.EKS + "iam-roles-for-service-accounts.html"),
    IRSA_ENGINE("IRSA-ENGINE", Severity.MEDIUM, "the policy engine lets the token assume the role",
            Docs.IAM + "id_roles_providers_oidc.html"),
    IRSA_SDK("IRSA-SDK", Severity.MEDIUM, "the AWS SDK in the container supports IRSA", Docs.EKS + "iam-roles-for-service-accounts-minimum-sdk.html"),
    IRSA_CALLER("IRSA-CALLER", Severity.MEDIUM, "sts get-caller-identity in the pod shows the IRSA role",
            Docs.EKS + "pod-configuration.html"),
    IRSA_PROVIDER_MISSING("IRSA-PROVIDER-MISSING", Severity.MEDIUM, "trust names an OIDC provider that is not in IAM",
            Docs.EKS + "enable-iam-roles-for-service-accounts.html"),
    IRSA_NO_SUB("IRSA-NO-SUB", Severity.HIGH, "any service account of the cluster may assume the role",
            Docs.EKS + "associate-service-account-role.html"),
    IRSA_WILDCARD_SUB("IRSA-WILDCARD-SUB", Severity.MEDIUM, "the :sub condition uses a wildcard", Docs.EKS + "associate-service-account-role.html"),

    // ---- S3 (seed: S3 bucket policy runbook, "Common S3 policy mistake: bucket-level vs object-level ARNs")
    S3("S3", Severity.MEDIUM, "S3 buckets (the family, for checks that could not run)", Docs.S3 + "security-best-practices.html"),
    S3_PUBLIC_POLICY("S3-PUBLIC-POLICY", Severity.HIGH, "bucket policy grants to everyone", Docs.S3 + "access-control-block-public-access.html"),
    S3_PUBLIC_ACL("S3-PUBLIC-ACL", Severity.HIGH, "bucket ACL grants to everyone or any AWS account", Docs.S3 + "acl-overview.html"),
    S3_NO_PUBLIC_ACCESS_BLOCK("S3-NO-PUBLIC-ACCESS-BLOCK", Severity.MEDIUM, "no public access block on the bucket",
            Docs.S3 + "access-control-block-public-access.html"),
    S3_ACLS_ENABLED("S3-ACLS-ENABLED", Severity.LOW, "ACLs still enabled", Docs.S3 + "about-object-ownership.html"),
    S3_ARN_OBJECT_ON_BUCKET("S3-ARN-OBJECT-ON-BUCKET", Severity.MEDIUM, "object actions on the bucket ARN only",
            Docs.S3_ACTIONS),
    S3_ARN_BUCKET_ON_OBJECT("S3-ARN-BUCKET-ON-OBJECT", Severity.MEDIUM, "bucket actions on object ARNs only", Docs.S3_ACTIONS),

    // ---- Access Analyzer (seed: "Use Access Analyzer to find unused permissions on a role")
    ANALYZER("ANALYZER", Severity.MEDIUM, "active Access Analyzer finding (ANALYZER-<finding type>)",
            Docs.IAM + "what-is-access-analyzer.html"),

    // ---- secrets where anyone who may list IAM reads them (issue: snapshots are untrusted input)
    // ---- policies checked against AWS's service catalogue (POLICY-LINT-<lint check>)
    POLICY_LINT("POLICY-LINT", Severity.LOW, "a policy names an action, resource, key or operator AWS does not have",
            "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html"),

    SECRET_IN_METADATA("SECRET-IN-METADATA", Severity.HIGH,
            "a secret-shaped value in a tag, description, policy document or CloudTrail request",
            Docs.IAM + "best-practices.html"),

    // ---- organization: checks across member accounts (issue 13 item 3; iamnb.org, org.audit())
    ORG_SCP_NO_GUARDRAIL("ORG-SCP-NO-GUARDRAIL", Severity.HIGH,
            "active account under no SCP with a Deny, while other accounts of the organization are",
            Docs.ORGANIZATIONS + "orgs_manage_policies_scps.html"),
    ORG_SCP_GAP("ORG-SCP-GAP", Severity.MEDIUM,
            "a Deny SCP attached to sibling OUs or accounts but not to this account's",
            Docs.ORGANIZATIONS + "orgs_manage_policies_scps_attach.html"),
    ORG_TRUST_OUTSIDE("ORG-TRUST-OUTSIDE", Severity.HIGH, "a role trusts an account outside the organization",
            Docs.IAM + "id_roles_common-scenarios_third-party.html"),
    ORG_TRUST_NO_EXTERNALID("ORG-TRUST-NO-EXTERNALID", Severity.MEDIUM,
            "a role trusts a third-party (non-member) account without sts:ExternalId",
            Docs.IAM + "id_roles_create_for-user_externalid.html"),
    ORG_TRUST_MEMBER_ROOT("ORG-TRUST-MEMBER-ROOT", Severity.MEDIUM,
            "a role trusts a whole member account (its root) with no condition narrowing who",
            Docs.IAM + "reference_policies_elements_principal.html"),
    ORG_ACCOUNT_NOT_AUDITED("ORG-ACCOUNT-NOT-AUDITED", Severity.INFO,
            "a member account was not audited: not collected, or its snapshot could not be read",
            Docs.ORGANIZATIONS + "orgs_manage_accounts_access.html");

    /** Where the documentation lives; a class of its own so the constants above can use it. */
    private static final class Docs {
        static final String IAM = "https://docs.aws.amazon.com/IAM/latest/UserGuide/";
        static final String S3 = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/";
        static final String S3_ACTIONS = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html";
        static final String EKS = "https://docs.aws.amazon.com/eks/latest/userguide/";
        static final String ORGANIZATIONS = "https://docs.aws.amazon.com/organizations/latest/userguide/";
        static final String CLOUDTRAIL = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html";
    }

    private static final Map<String, Check> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Check::id, Function.identity()));

    private final String id;
    private final Severity severity;
    private final String title;
    private final String doc;

    Check(String id, Severity severity, String title, String doc) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.doc = doc;
    }

    /** The id findings and checklist rows carry, e.g. {@code KEY-AGE}. */
    public String id() {
        return id;
    }

    /** The severity of a finding of this check unless the audit states a reason for another. */
    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    /** The AWS documentation page the check rests on. */
    public String doc() {
        return doc;
    }

    /** The id of one member of a family: {@code ANALYZER.member("ExternalAccess")} is {@code ANALYZER-ExternalAccess}. */
    public String member(String suffix) {
        return id + "-" + suffix;
    }

    /**
     * The check of an id as findings carry it, including family members ({@code ANALYZER-ExternalAccess},
     * {@code BREAK-GLASS-BG-MFA} resolve to {@link #ANALYZER} and {@link #BREAK_GLASS}; {@code POLICY-LINT-UNKNOWN-ACTION} to {@link #POLICY_LINT}).
     */
    public static Optional<Check> of(String id) {
        Check exact = BY_ID.get(id);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Check family : new Check[] {ANALYZER, BREAK_GLASS, POLICY_LINT}) {
            if (id.startsWith(family.id + "-")) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }
}
