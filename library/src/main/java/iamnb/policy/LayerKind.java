package iamnb.policy;

/** The policy types AWS evaluates for a request (Policy evaluation logic; Policy types). */
public enum LayerKind {
    SCP("service control policies (SCPs)", "SCP"),
    RCP("resource control policies (RCPs)", "RCP"),
    RESOURCE_POLICY("resource-based policy", "resource policy"),
    IDENTITY("identity-based policies", "identity policy"),
    PERMISSIONS_BOUNDARY("permissions boundary", "permissions boundary"),
    SESSION_POLICY("session policy", "session policy"),
    /**
     * The policy of the VPC endpoint a request came through (it carries {@code aws:SourceVpce}): it must allow
     * the request too, and its explicit Deny denies (AWS PrivateLink Guide › Control access to VPC endpoints
     * using endpoint policies).
     */
    VPC_ENDPOINT_POLICY("VPC endpoint policy", "VPC endpoint policy");

    private final String title;
    private final String singular;

    LayerKind(String title, String singular) {
        this.title = title;
        this.singular = singular;
    }

    /** A plural heading such as "identity-based policies". */
    public String title() {
        return title;
    }

    /** The name of one policy of this kind, such as "identity policy". */
    public String singular() {
        return singular;
    }
}
