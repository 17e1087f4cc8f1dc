package iamnb.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A VPC endpoint and its endpoint policy ({@code aws ec2 describe-vpc-endpoints}).
 *
 * @param id endpoint id ({@code vpce-...})
 * @param vpcId the VPC
 * @param serviceName e.g. {@code com.amazonaws.us-east-1.s3}
 * @param type {@code Gateway} or {@code Interface}
 * @param state e.g. {@code available}
 * @param policy the endpoint policy, if the endpoint has one
 */
public record VpcEndpoint(String id, String vpcId, String serviceName, String type, String state,
                          Optional<PolicyDocument> policy) {
    public VpcEndpoint {
        Checks.notBlank(id, "VPC endpoint id");
        vpcId = Checks.orEmpty(vpcId);
        serviceName = Checks.orEmpty(serviceName);
        type = Checks.orEmpty(type);
        state = Checks.orEmpty(state);
        Objects.requireNonNull(policy, "policy");
    }
}
