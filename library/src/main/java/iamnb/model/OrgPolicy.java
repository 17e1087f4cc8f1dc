package iamnb.model;

import java.util.Objects;

/**
 * An AWS Organizations policy with its content: a service control policy (SCP) or a resource control
 * policy (RCP), or another type the organization uses.
 *
 * @param id policy id ({@code p-...})
 * @param arn policy ARN
 * @param name policy name ({@code FullAWSAccess} is the default SCP)
 * @param description description, or the empty string
 * @param type {@link #SCP}, {@link #RCP} or another Organizations policy type
 * @param awsManaged whether AWS manages it
 * @param document the policy content
 */
public record OrgPolicy(String id, String arn, String name, String description, String type, boolean awsManaged,
                        PolicyDocument document) {
    public static final String SCP = "SERVICE_CONTROL_POLICY";
    public static final String RCP = "RESOURCE_CONTROL_POLICY";

    public OrgPolicy {
        Checks.notBlank(id, "organization policy id");
        arn = Checks.orEmpty(arn);
        Checks.notBlank(name, "organization policy name");
        description = Sanitiser.text(Checks.orEmpty(description));
        Checks.notBlank(type, "organization policy type");
        Objects.requireNonNull(document, "document");
    }
}
