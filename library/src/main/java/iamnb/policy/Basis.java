package iamnb.policy;

/** Which rule of the evaluation logic decided, so that the explanation can say it in words. */
enum Basis {
    EXPLICIT_DENY,
    RCP_SILENT,
    SCP_SILENT,
    IDENTITY_SILENT,
    BOUNDARY_SILENT,
    SESSION_SILENT,
    CROSS_ACCOUNT_RESOURCE_SILENT,
    CROSS_ACCOUNT_IDENTITY_SILENT,
    MUST_ALLOW_SILENT,
    DELEGATED_IDENTITY_SILENT,
    RESOURCE_ONLY_SILENT,
    ROOT_CANNOT_ASSUME_ROLE,
    ALLOW_IDENTITY,
    ALLOW_RESOURCE,
    ALLOW_ROOT,
    /** An action AWS allows whatever the policies say (sts:GetCallerIdentity). */
    ALLOW_ALWAYS,
    ALLOW_CROSS_ACCOUNT,
    /** AWS refuses the request whatever the policies say (see {@link ServiceRule}). */
    SERVICE_RULE,
    /** The request came through a VPC endpoint whose policy does not allow it. */
    VPC_ENDPOINT_SILENT
}
