package iamnb.audit;

import static iamnb.internal.Html.escape;

import iamnb.audit.internal.Html;
import iamnb.internal.SafeMarkup;
import iamnb.policy.Decision;
import iamnb.policy.LayerResult;
import iamnb.policy.StatementMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The seed's five Access Denied steps, answered offline: (1) who the caller is, with wrong-identity hints;
 * (2) the policy engine's decision; (3) the decoded authorization message, when given; (4) matching CloudTrail
 * denials; (5) every policy layer with its outcome. Renders itself in a notebook.
 *
 * @param caller step 1: the caller as the engine sees it
 * @param callerHints step 1: reasons to suspect the wrong identity
 * @param decision step 2: the decision, with every layer
 * @param decodedMessage step 3: the decoded message's parts (allowed, explicitDeny, matched statements, context), empty when none was given
 * @param cloudTrail step 4: matching denial events
 * @param endpointNotes step 5 addition: VPC endpoint policies for the service, evaluated as filters
 */
public record AccessDeniedReport(String caller, List<String> callerHints, Decision decision,
                                 Optional<Map<String, String>> decodedMessage, Table cloudTrail, List<String> endpointNotes) {
    public AccessDeniedReport {
        callerHints = List.copyOf(callerHints);
        endpointNotes = List.copyOf(endpointNotes);
    }

    /** Step 5 as a table: one row per layer (SCP levels, RCP levels, resource policy, identity, boundary, session). */
    public Table layers() {
        StringColumn kind = StringColumn.create("layer");
        StringColumn name = StringColumn.create("name");
        StringColumn outcome = StringColumn.create("outcome");
        StringColumn policies = StringColumn.create("policies");
        StringColumn applying = StringColumn.create("applying_statements");
        StringColumn near = StringColumn.create("near_misses");
        for (LayerResult l : decision.layerResults()) {
            kind.append(l.kind().singular());
            name.append(l.name());
            outcome.append(l.outcome().name());
            policies.append(String.join(", ", l.policyNames()));
            applying.append(String.join("; ", l.applying().stream().map(s -> s.effect().json() + " " + s.policyName() + " " + s.label()).toList()));
            near.append(String.join("; ", l.nearMisses().stream().map(s -> s.policyName() + " " + s.label() + ": " + s.why()).toList()));
        }
        return Table.create("policy layers", kind, name, outcome, policies, applying, near);
    }

    public boolean allowed() {
        return decision.allowed();
    }

    public String caption() {
        return "Access Denied? " + decision.request().action() + " on " + decision.request().resource() + " by " + caller
                + " → " + decision.verdict();
    }

    private List<List<String>> layerRows() {
        Table t = layers();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            List<String> r = new ArrayList<>();
            for (int c = 0; c < t.columnCount(); c++) {
                r.add(t.getString(i, c));
            }
            rows.add(r);
        }
        return rows;
    }

    private List<List<String>> trailRows() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < cloudTrail.rowCount(); i++) {
            List<String> r = new ArrayList<>();
            for (int c = 0; c < cloudTrail.columnCount(); c++) {
                r.add(cloudTrail.getString(i, c));
            }
            rows.add(r);
        }
        return rows;
    }

    public Map<String, Object> toMimeBundle() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("text/plain", toString());
        StringBuilder md = new StringBuilder("### ").append(caption()).append("\n\n");
        md.append("**1. Who is calling?** ").append(caller).append("\n\n");
        callerHints.forEach(h -> md.append("- ⚠ ").append(h).append('\n'));
        md.append("\n**2. Simulation** — ").append(decision.summary()).append(decision.fix().isEmpty() ? "" : " " + decision.fix()).append("\n\n");
        md.append("**3. Decoded authorization message** — ").append(decodedMessage.map(m -> "").orElse("none given\n\n"));
        decodedMessage.ifPresent(m -> {
            md.append("\n\n");
            m.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
            md.append('\n');
        });
        md.append("**4. CloudTrail denials** — ").append(cloudTrail.rowCount()).append(" matching event(s)\n\n");
        trailRows().forEach(r -> md.append("- ").append(String.join(" · ", r)).append('\n'));
        md.append("\n**5. Every layer**\n\n| layer | name | outcome | policies | applying | near misses |\n|---|---|---|---|---|---|\n");
        layerRows().forEach(r -> md.append("| ").append(String.join(" | ", r.stream().map(x -> x.replace("|", "\\|")).toList())).append(" |\n"));
        endpointNotes.forEach(n -> md.append("\n- ").append(n));
        b.put("text/markdown", md.toString());

        StringBuilder h = new StringBuilder("<div class=\"iamnb-denied\"><h4>").append(escape(caption())).append("</h4>");
        h.append("<p><b>1. Who is calling?</b> ").append(escape(caller)).append("</p>");
        if (!callerHints.isEmpty()) {
            h.append("<ul>");
            callerHints.forEach(x -> h.append("<li>").append(Html.badge("check", "#e65100", SafeMarkup.Tone.WARNING)).append(' ').append(escape(x)).append("</li>"));
            h.append("</ul>");
        }
        h.append("<p><b>2. Simulation</b> ").append(Html.badge(decision.verdict().name(), decision.allowed() ? "#2e7d32" : "#b71c1c",
                decision.allowed() ? SafeMarkup.Tone.SUCCESS : SafeMarkup.Tone.DANGER))
                .append(' ').append(escape(decision.summary())).append("<br><i>").append(escape(decision.fix())).append("</i></p>");
        h.append("<p><b>3. Decoded authorization message</b> ");
        if (decodedMessage.isEmpty()) {
            h.append("none given</p>");
        } else {
            h.append("</p><ul>");
            decodedMessage.get().forEach((k, v) -> h.append("<li>").append(escape(k + ": " + v)).append("</li>"));
            h.append("</ul>");
        }
        h.append("<p><b>4. CloudTrail denials</b> (").append(cloudTrail.rowCount()).append(")</p>");
        if (cloudTrail.rowCount() > 0) {
            h.append(Html.table(cloudTrail.columnNames(), trailRows(), -1));
        }
        h.append("<p><b>5. Every layer</b></p>").append(Html.table(layers().columnNames(), layerRows(), -1));
        if (!endpointNotes.isEmpty()) {
            h.append("<ul>");
            endpointNotes.forEach(n -> h.append("<li>").append(escape(n)).append("</li>"));
            h.append("</ul>");
        }
        b.put("text/html", h.append("</div>").toString());
        return b;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(caption()).append("\n1. caller: ").append(caller).append('\n');
        callerHints.forEach(x -> s.append("   check: ").append(x).append('\n'));
        s.append("2. simulation: ").append(decision.summary()).append(decision.fix().isEmpty() ? "" : " " + decision.fix()).append('\n');
        s.append("3. decoded message: ").append(decodedMessage.map(Object::toString).orElse("none given")).append('\n');
        s.append("4. CloudTrail denials: ").append(cloudTrail.rowCount()).append('\n');
        trailRows().forEach(r -> s.append("   ").append(String.join(" | ", r)).append('\n'));
        s.append("5. layers:\n");
        for (LayerResult l : decision.layerResults()) {
            s.append("   ").append(l).append(l.applying().isEmpty() ? "" : " — " + l.applying().stream()
                    .map(StatementMatch::title).toList()).append('\n');
        }
        endpointNotes.forEach(n -> s.append("   ").append(n).append('\n'));
        return s.toString();
    }
}
