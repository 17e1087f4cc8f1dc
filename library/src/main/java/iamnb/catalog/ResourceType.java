package iamnb.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A kind of resource a service's actions act on, with the form of its ARN.
 *
 * @param service the service prefix ({@code s3})
 * @param name the reference's name for the type ({@code object}, {@code bucket}, {@code role})
 * @param arnPatterns the ARN forms, with placeholders ({@code arn:${Partition}:s3:::${BucketName}/${ObjectName}});
 *     most types have one
 * @param conditionKeys the condition keys that describe a resource of this type
 */
public record ResourceType(String service, String name, List<String> arnPatterns, List<String> conditionKeys) {
    public ResourceType {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        arnPatterns = List.copyOf(arnPatterns);
        conditionKeys = List.copyOf(conditionKeys);
    }

    /**
     * Whether a {@code Resource} value of a policy can name a resource of this type: some ARN fits both the
     * value (wildcards and policy variables included) and one of the type's ARN forms. {@code "*"} fits every type.
     */
    public boolean fits(String resource) {
        if ("*".equals(resource)) {
            return true;
        }
        for (String pattern : arnPatterns) {
            if (Wildcards.overlap(pattern, resource, false)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return service + " " + name + " " + String.join(" | ", arnPatterns);
    }
}
