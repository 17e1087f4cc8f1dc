package iamnb.catalog;

import iamnb.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The catalogue's actions as tables, one row an action: {@code Actions.expand("s3:Get*")} is what a policy's
 * {@code "s3:Get*"} grants, {@code Actions.of("iam")} every action of IAM. Columns: action, access level, resource
 * types (a {@code *} marks a required one), condition keys, dependent actions.
 */
public final class Actions {
    private Actions() {}

    /** The actions of the bundled catalogue that an {@code Action} value fits, matched as the policy engine does. */
    public static Table expand(String pattern) {
        return expand(Catalog.aws(), pattern);
    }

    public static Table expand(Catalog catalog, String pattern) {
        return table(pattern, catalog.matching(pattern));
    }

    /**
     * Every action of the service with this prefix.
     *
     * @throws InvalidInputException when the catalogue has no such service
     */
    public static Table of(String prefix) {
        return of(Catalog.aws(), prefix);
    }

    public static Table of(Catalog catalog, String prefix) {
        Service service = catalog.service(prefix).orElseThrow(() -> new InvalidInputException(
                "no service \"" + prefix + "\" in the catalogue " + catalog.version()
                        + "; Catalog.aws().prefixes() lists the " + catalog.prefixes().size() + " there are"));
        return table(service.prefix() + " (" + service.name() + ")", service.actions());
    }

    /** One row an action, in the order given. */
    public static Table table(String title, List<Action> actions) {
        StringColumn action = StringColumn.create("action");
        StringColumn level = StringColumn.create("access level");
        StringColumn types = StringColumn.create("resource types");
        StringColumn keys = StringColumn.create("condition keys");
        StringColumn dependent = StringColumn.create("dependent actions");
        for (Action a : actions) {
            action.append(a.fullName());
            level.append(a.accessLevel().label());
            types.append(a.resourceTypes().stream()
                    .map(r -> r.type().name() + (r.required() ? "*" : ""))
                    .collect(Collectors.joining(", ")));
            keys.append(String.join(", ", a.conditionKeys()));
            dependent.append(String.join(", ", a.dependentActions()));
        }
        return Table.create(title, action, level, types, keys, dependent);
    }
}
