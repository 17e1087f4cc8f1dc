package iamnb.source;

/**
 * The optional parts of a live collection. Authorization details (users, groups, roles, policies) are always
 * read; each part here adds API calls and may be skipped, or be denied, without losing the rest.
 */
public enum LivePart {
    /** GenerateCredentialReport, then GetCredentialReport. */
    CREDENTIAL_REPORT,
    /**
     * ListAccessKeys for users whose credential report row shows a key (last use from the report); without a
     * report, ListAccessKeys and GetAccessKeyLastUsed for every user.
     */
    ACCESS_KEYS,
    /**
     * ListVirtualMFADevices once, ListMFADevices for users with MFA but no virtual device; without a credential
     * report, ListMFADevices for every user.
     */
    MFA_DEVICES,
    /** From the credential report (no call); without a report, GetLoginProfile for every user. */
    LOGIN_PROFILES,
    /** ListRoles, for MaxSessionDuration and Description (GAAD leaves them out). */
    ROLE_DETAILS,
    /** ListOpenIDConnectProviders, GetOpenIDConnectProvider, ListSAMLProviders, ListAccountAliases. */
    IDENTITY_PROVIDERS,
    /** S3 ListBuckets and, per bucket, its policy, ACL, public access block and ownership controls. */
    BUCKETS,
    /** AWS Organizations: tree, accounts, SCPs and RCPs (needs the management or a delegated account). */
    ORGANIZATION,
    /** IAM Access Analyzer findings of every analyzer in the region. */
    ACCESS_ANALYZER,
    /** CloudTrail LookupEvents for a recent window. */
    CLOUDTRAIL
}
