package iamnb.source;

import java.util.List;

/**
 * The names of the files in a snapshot folder, each the output of one AWS CLI command (see the README's
 * "Snapshot folder format"). One list, used by the reader, the writer and the README.
 */
public final class SnapshotFiles {
    private SnapshotFiles() {}

    /** Ours: {@code {"accountId", "alias", "asOf", "credentialReportGenerated", "warnings"}}. */
    public static final String ACCOUNT = "account.json";
    /** {@code aws iam get-account-authorization-details} (CLI or raw URL-encoded form). Required. */
    public static final String GAAD = "gaad.json";
    /** {@code aws iam list-roles}: adds MaxSessionDuration and Description. */
    public static final String LIST_ROLES = "list-roles.json";
    /** Folder of {@code aws iam get-role --role-name NAME} outputs, one file per role. */
    public static final String ROLES_DIR = "roles";
    /** {@code aws iam list-account-aliases}. */
    public static final String ACCOUNT_ALIASES = "list-account-aliases.json";
    /** {@code aws iam get-credential-report} Content, base64-decoded. */
    public static final String CREDENTIAL_REPORT = "credential-report.csv";
    /** {@code aws iam list-access-keys} output(s), all users' AccessKeyMetadata in one list. */
    public static final String ACCESS_KEYS = "access-keys.json";
    /** Folder of {@code aws iam list-access-keys --user-name NAME} outputs. */
    public static final String ACCESS_KEYS_DIR = "access-keys";
    /** Object keyed by access key id, each value an {@code aws iam get-access-key-last-used} output. */
    public static final String ACCESS_KEY_LAST_USED = "access-key-last-used.json";
    /** Folder of {@code aws iam get-access-key-last-used --access-key-id ID} outputs named {@code ID.json}. */
    public static final String ACCESS_KEY_LAST_USED_DIR = "access-key-last-used";
    /** {@code aws iam list-mfa-devices} (all users in one list) or {@code aws iam list-virtual-mfa-devices}. */
    public static final String MFA_DEVICES = "mfa-devices.json";
    /** Folder of {@code aws iam list-mfa-devices --user-name NAME} outputs. */
    public static final String MFA_DEVICES_DIR = "mfa-devices";
    /** A JSON list of {@code aws iam get-login-profile} outputs. */
    public static final String LOGIN_PROFILES = "login-profiles.json";
    /** Folder of {@code aws iam get-login-profile --user-name NAME} outputs. */
    public static final String LOGIN_PROFILES_DIR = "login-profiles";
    /** Object keyed by provider ARN, each value an {@code aws iam get-open-id-connect-provider} output. */
    public static final String OIDC_PROVIDERS = "oidc-providers.json";
    /** {@code aws iam list-saml-providers}. */
    public static final String SAML_PROVIDERS = "saml-providers.json";
    /** {@code aws s3api list-buckets}. */
    public static final String BUCKETS = "buckets.json";
    /** Folder with one sub-folder per bucket. */
    public static final String BUCKET_DIR = "buckets";
    /** {@code aws s3api get-bucket-policy}: {@code {"Policy": "<json string>"}}. */
    public static final String BUCKET_POLICY = "policy.json";
    /** {@code aws s3api get-bucket-acl}. */
    public static final String BUCKET_ACL = "acl.json";
    /** {@code aws s3api get-public-access-block}. */
    public static final String BUCKET_PUBLIC_ACCESS_BLOCK = "public-access-block.json";
    /** {@code aws s3api get-bucket-ownership-controls}. */
    public static final String BUCKET_OWNERSHIP = "ownership-controls.json";
    /** {@code aws s3api get-bucket-location}. */
    public static final String BUCKET_LOCATION = "location.json";
    /** {@code aws ec2 describe-vpc-endpoints}. */
    public static final String VPC_ENDPOINTS = "vpc-endpoints.json";
    /** Folder of AWS Organizations outputs. */
    public static final String ORGANIZATION = "organization";
    /** {@code aws organizations describe-organization}. */
    public static final String ORG_DESCRIBE = "describe-organization.json";
    /** {@code aws organizations list-roots}. */
    public static final String ORG_ROOTS = "list-roots.json";
    /** Folder of {@code list-organizational-units-for-parent --parent-id P} outputs named {@code P.json}. */
    public static final String ORG_OUS = "ous";
    /** Folder of {@code list-accounts-for-parent --parent-id P} outputs named {@code P.json}. */
    public static final String ORG_ACCOUNTS = "accounts";
    /** Folder of {@code describe-policy --policy-id ID} outputs named {@code ID.json}. */
    public static final String ORG_POLICIES = "policies";
    /** Folder of {@code list-policies-for-target --target-id T --filter F} outputs named {@code T.json} or {@code T.F.json}. */
    public static final String ORG_TARGETS = "targets";
    /** {@code aws accessanalyzer list-findings} (or list-findings-v2). */
    public static final String ANALYZER_FINDINGS = "access-analyzer-findings.json";
    /** {@code aws cloudtrail lookup-events}. */
    public static final String CLOUDTRAIL_EVENTS = "cloudtrail-events.json";

    /** Every top-level name the writer may produce or replace. */
    public static final List<String> ALL = List.of(ACCOUNT, GAAD, LIST_ROLES, ROLES_DIR, ACCOUNT_ALIASES,
            CREDENTIAL_REPORT, ACCESS_KEYS, ACCESS_KEYS_DIR, ACCESS_KEY_LAST_USED, ACCESS_KEY_LAST_USED_DIR,
            MFA_DEVICES, MFA_DEVICES_DIR, LOGIN_PROFILES, LOGIN_PROFILES_DIR, OIDC_PROVIDERS, SAML_PROVIDERS,
            BUCKETS, BUCKET_DIR, VPC_ENDPOINTS, ORGANIZATION, ANALYZER_FINDINGS, CLOUDTRAIL_EVENTS);
}
