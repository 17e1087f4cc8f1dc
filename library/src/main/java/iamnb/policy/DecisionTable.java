package iamnb.policy;

import java.util.Collection;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Decisions as a Tablesaw table, one row each: {@code principal, principal_type, action, resource, decision,
 * deciding_layer, deciding_statement, reason}. The reason is the decision's one-sentence summary.
 */
public final class DecisionTable {
    private DecisionTable() {}

    public static Table of(String title, Collection<Decision> decisions) {
        StringColumn principal = StringColumn.create("principal");
        StringColumn type = StringColumn.create("principal_type");
        StringColumn action = StringColumn.create("action");
        StringColumn resource = StringColumn.create("resource");
        StringColumn decision = StringColumn.create("decision");
        StringColumn layer = StringColumn.create("deciding_layer");
        StringColumn statement = StringColumn.create("deciding_statement");
        StringColumn reason = StringColumn.create("reason");
        for (Decision d : decisions) {
            Request r = d.request();
            principal.append(r.principal().arn());
            type.append(r.principal().type().name());
            action.append(r.action());
            resource.append(r.resource());
            decision.append(d.verdict().name());
            layer.append(d.decidingLayerResult().name());
            statement.append(d.decidingStatementLabel());
            reason.append(d.summary());
        }
        return Table.create(title, principal, type, action, resource, decision, layer, statement, reason);
    }

    public static Table of(Collection<Decision> decisions) {
        return of("decisions", decisions);
    }
}
