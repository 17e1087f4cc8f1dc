package iamnb.policy;

import java.util.List;
import java.util.Objects;

/**
 * What one layer said: its kind, its name as shown (one SCP level is one layer: "SCPs at Root"), the outcome,
 * the policies it held, the statements that matched the action (applying ones and near misses), and a note
 * when the layer did not apply.
 */
public record LayerResult(LayerKind kind, String name, LayerOutcome outcome, List<String> policyNames,
                          List<StatementMatch> statements, String note) {
    public LayerResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        policyNames = List.copyOf(policyNames);
        statements = List.copyOf(statements);
        Objects.requireNonNull(note, "note");
    }

    static LayerResult notApplicable(LayerKind kind, String name, String note) {
        return new LayerResult(kind, name, LayerOutcome.NOT_APPLICABLE, List.of(), List.of(), note);
    }

    /** The statements that took effect. */
    public List<StatementMatch> applying() {
        return statements.stream().filter(StatementMatch::applies).toList();
    }

    /** The Allow statements that took effect. */
    public List<StatementMatch> allows() {
        return statements.stream().filter(s -> s.applies() && s.effect() == iamnb.model.Effect.ALLOW).toList();
    }

    /** The Deny statements that took effect. */
    public List<StatementMatch> denies() {
        return statements.stream().filter(s -> s.applies() && s.effect() == iamnb.model.Effect.DENY).toList();
    }

    /** Statements that matched the action but not the resource, principal or conditions. */
    public List<StatementMatch> nearMisses() {
        return statements.stream().filter(s -> !s.applies()).toList();
    }

    public boolean applies() {
        return outcome != LayerOutcome.NOT_APPLICABLE;
    }

    @Override
    public String toString() {
        return name + ": " + outcome.lowerCase() + (note.isEmpty() ? "" : " (" + note + ")");
    }
}
