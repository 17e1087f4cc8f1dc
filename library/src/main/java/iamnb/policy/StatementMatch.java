package iamnb.policy;

import iamnb.model.Effect;
import iamnb.model.Statement;
import iamnb.policy.internal.CompiledStatement;
import iamnb.policy.internal.ContextLookup;
import java.util.List;
import java.util.Optional;

/**
 * A statement whose Action matched the request, with how far it got: whether the resource matched, whether
 * the principal matched (resource-based policies), whether every condition held. A statement that matched
 * throughout {@link #applies()}; the others are near misses kept for the explanation (a bucket ARN where the
 * object ARN was needed, a condition that failed, a trust policy naming someone else).
 *
 * <p>Condition results are computed when first asked for, so evaluating stays cheap.
 */
public final class StatementMatch {
    private final LayerKind layer;
    private final String layerName;
    private final String policyName;
    private final CompiledStatement compiled;
    private final boolean resourceMatched;
    private final PrincipalMatch principalMatch;
    private final boolean applies;
    private final ContextLookup context;
    private volatile List<ConditionResult> conditions;

    StatementMatch(LayerKind layer, String layerName, String policyName, CompiledStatement compiled,
                   boolean resourceMatched, PrincipalMatch principalMatch, boolean applies, ContextLookup context) {
        this.layer = layer;
        this.layerName = layerName;
        this.policyName = policyName;
        this.compiled = compiled;
        this.resourceMatched = resourceMatched;
        this.principalMatch = principalMatch;
        this.applies = applies;
        this.context = context;
    }

    public LayerKind layer() {
        return layer;
    }

    /** The layer's name as shown, e.g. "SCPs at ou-prod" for one SCP level. */
    public String layerName() {
        return layerName;
    }

    /** The policy's name or ARN. */
    public String policyName() {
        return policyName;
    }

    public Statement statement() {
        return compiled.source();
    }

    /** The Sid, or {@code #N} (0-based index) when the statement has none. */
    public String label() {
        return compiled.source().label();
    }

    public Effect effect() {
        return compiled.source().effect();
    }

    /** Whether Action, Resource, Principal and every Condition matched: the statement takes effect. */
    public boolean applies() {
        return applies;
    }

    public boolean resourceMatched() {
        return resourceMatched;
    }

    /** How the Principal element took in the principal; empty when it did not (or was not reached). */
    public Optional<PrincipalMatch> principalMatch() {
        return Optional.ofNullable(principalMatch);
    }

    /** Every condition's result, in the order written; empty when the resource or principal did not match. */
    public List<ConditionResult> conditions() {
        List<ConditionResult> c = conditions;
        if (c == null) {
            c = resourceMatched && principalMatch != null ? compiled.explainConditions(context) : List.of();
            conditions = c;
        }
        return c;
    }

    /** The conditions that failed. */
    public List<ConditionResult> failedConditions() {
        return conditions().stream().filter(r -> !r.held()).toList();
    }

    /** Policy variables in Resource that had no value (such a resource value matches nothing). */
    public List<String> unresolvedResourceVariables() {
        return compiled.unresolvedResourceVariables(context);
    }

    /** "statement AllowS3 of identity policy app-s3". */
    public String title() {
        return "statement " + label() + " of " + layer.singular() + " " + policyName;
    }

    /** Why the statement did or did not take effect, in one sentence. */
    public String why() {
        Statement s = statement();
        if (!resourceMatched) {
            List<String> unresolved = unresolvedResourceVariables();
            String res = (s.notResource() ? "NotResource " : "Resource ") + s.resources();
            return "its " + res + (s.notResource() ? " excludes" : " does not match") + " the request's resource"
                    + (unresolved.isEmpty() ? "" : " (the policy variable " + String.join(", ", unresolved)
                    + " had no value in this request)");
        }
        if (principalMatch == null) {
            return "its " + (s.notPrincipal() ? "NotPrincipal excludes " : "Principal does not name ")
                    + "the requesting principal (" + (s.principal().map(Object::toString).orElse("no Principal element"))
                    + ")";
        }
        List<ConditionResult> failed = failedConditions();
        if (!failed.isEmpty()) {
            StringBuilder b = new StringBuilder("its condition failed: ");
            for (int i = 0; i < failed.size(); i++) {
                b.append(i == 0 ? "" : "; ").append(failed.get(i).reason());
            }
            return b.toString();
        }
        if (conditions().isEmpty()) {
            return "it matches the action and resource" + principalNote();
        }
        StringBuilder b = new StringBuilder("it matches and every condition holds: ");
        List<ConditionResult> held = conditions();
        for (int i = 0; i < held.size(); i++) {
            b.append(i == 0 ? "" : "; ").append(held.get(i).reason());
        }
        return b.append(principalNote()).toString();
    }

    private String principalNote() {
        if (principalMatch == null || principalMatch == PrincipalMatch.NOT_CHECKED) {
            return "";
        }
        return " (" + principalMatch.description() + ")";
    }

    @Override
    public String toString() {
        return effect().json() + " " + title() + (applies ? " applies" : " does not apply: " + why());
    }
}
