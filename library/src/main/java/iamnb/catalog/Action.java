package iamnb.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One action of a service, as the Service Authorization Reference lists it.
 *
 * @param service the service prefix ({@code s3})
 * @param name the action's name as AWS spells it ({@code GetObject})
 * @param accessLevel what the action can do, coarsely
 * @param resourceTypes the resource types the action can be limited to; empty when the action supports no
 *     resource-level permissions and a policy must name {@code "*"} as its resource
 * @param conditionKeys the condition keys AWS sets for the action, besides the global {@code aws:} keys (the keys
 *     given for one of its resource types included)
 * @param dependentActions the actions a caller also needs for this one to succeed ({@code iam:PassRole} ...)
 */
public record Action(
        String service,
        String name,
        AccessLevel accessLevel,
        List<ActionResource> resourceTypes,
        List<String> conditionKeys,
        List<String> dependentActions) {

    public Action {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accessLevel, "accessLevel");
        resourceTypes = List.copyOf(resourceTypes);
        conditionKeys = List.copyOf(conditionKeys);
        dependentActions = List.copyOf(dependentActions);
    }

    /**
     * A resource type an action acts on.
     *
     * @param type the resource type
     * @param required true when the reference marks it required (the action always acts on such a resource)
     */
    public record ActionResource(ResourceType type, boolean required) {
        public ActionResource {
            Objects.requireNonNull(type, "type");
        }
    }

    /** {@code s3:GetObject}: how a policy names the action. */
    public String fullName() {
        return service + ":" + name;
    }

    /** Whether a policy can limit the action to named resources (otherwise only {@code "*"} grants it). */
    public boolean supportsResourceLevelPermissions() {
        return !resourceTypes.isEmpty();
    }

    /**
     * Whether a {@code Resource} value of a policy can grant this action: it fits one of the action's resource
     * types, or it is {@code "*"}. An action without resource types is granted only by {@code "*"}.
     */
    public boolean acceptsResource(String resource) {
        if ("*".equals(resource)) {
            return true;
        }
        for (ActionResource r : resourceTypes) {
            if (r.type().fits(resource)) {
                return true;
            }
        }
        return false;
    }

    /** Whether AWS sets this condition key for the action, counting only the service's own keys (not global ones). */
    public boolean carries(String key) {
        for (String k : conditionKeys) {
            if (Wildcards.sameKey(k, key)) {
                return true;
            }
        }
        for (ActionResource r : resourceTypes) {
            for (String k : r.type().conditionKeys()) {
                if (Wildcards.sameKey(k, key)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return fullName() + " (" + accessLevel + ")";
    }
}
