package iamnb.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One AWS service of the catalogue: its actions, resource types and condition keys.
 *
 * @param prefix the service prefix that starts its actions ({@code s3}, {@code iam})
 * @param name the service's name ({@code Amazon S3})
 * @param actions its actions, in the reference's order
 * @param resourceTypes its resource types
 * @param conditionKeys its condition keys (the global {@code aws:} keys it lists included)
 */
public record Service(
        String prefix, String name, List<Action> actions, List<ResourceType> resourceTypes,
        List<ConditionKey> conditionKeys) {

    public Service {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(name, "name");
        actions = List.copyOf(actions);
        resourceTypes = List.copyOf(resourceTypes);
        conditionKeys = List.copyOf(conditionKeys);
    }

    /** The action with this name (without the prefix), in any case: {@code getobject} finds GetObject. */
    public Optional<Action> action(String actionName) {
        String wanted = actionName.toLowerCase(Locale.ROOT);
        return actions.stream().filter(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** The actions whose full name ({@code s3:GetObject}) fits the pattern, as the policy engine matches. */
    public List<Action> matching(String pattern) {
        return actions.stream().filter(a -> Wildcards.matchesIgnoringCase(pattern, a.fullName())).toList();
    }

    /** The resource type with this name ({@code object}). */
    public Optional<ResourceType> resourceType(String typeName) {
        return resourceTypes.stream().filter(r -> r.name().equalsIgnoreCase(typeName)).findFirst();
    }

    /** The service's condition key that a key as written in a policy is ({@code s3:prefix}, {@code s3:ExistingObjectTag/env}). */
    public Optional<ConditionKey> conditionKey(String key) {
        return conditionKeys.stream().filter(k -> k.matches(key)).findFirst();
    }

    /** The names of its actions, for "did you mean". */
    public Collection<String> actionNames() {
        return actions.stream().map(Action::name).toList();
    }

    @Override
    public String toString() {
        return prefix + " (" + name + "): " + actions.size() + " actions";
    }
}
