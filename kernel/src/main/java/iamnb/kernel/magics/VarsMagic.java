package iamnb.kernel.magics;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@code %vars}: the variables the user declared, with their types and short values, as a table. */
public final class VarsMagic implements Magic {

    static final int MAX_VALUE = 80;

    @Override
    public String name() {
        return "vars";
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public String help() {
        return "— list the session's variables with types and values";
    }

    @Override
    public void run(MagicCall call, MagicContext context) {
        // $1, $2, ...: JShell's names for unnamed results, noise in a list of what the user defined.
        var variables = context.variables().stream().filter(v -> !v.name().startsWith("$")).toList();
        if (variables.isEmpty()) {
            context.out().println("no variables yet");
            return;
        }
        var names = StringColumn.create("name");
        var types = StringColumn.create("type");
        var values = StringColumn.create("value");
        for (MagicContext.Variable v : variables) {
            names.append(v.name());
            types.append(v.type());
            String value = v.value() == null ? "" : v.value().replaceAll("\\s+", " ");
            values.append(value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE - 1) + "…" : value);
        }
        context.display(Table.create("variables", names, types, values));
    }
}
