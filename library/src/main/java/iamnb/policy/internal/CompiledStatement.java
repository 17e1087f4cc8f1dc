package iamnb.policy.internal;

import iamnb.model.Principal;
import iamnb.model.Statement;
import iamnb.policy.ConditionResult;
import iamnb.policy.PrincipalMatch;
import iamnb.policy.RequestPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One statement compiled once: action globs lower-cased, resource ARNs split into per-part globs, conditions
 * typed. Matching a request never builds a pattern unless a policy variable has to be substituted.
 *
 * <p>Element rules: Action/NotAction values are case-insensitive globs (IAM JSON policy elements: Action —
 * "action names are not case-sensitive"); NotAction matches every action but the listed ones (IAM JSON policy
 * elements: NotAction); Resource values are case-sensitive ARN patterns matched part by part, NotResource
 * matches every resource but the listed ones; a statement with neither (trust and some resource policies)
 * applies to the resource the policy is attached to. Conditions are ANDed.
 */
public final class CompiledStatement {
    private final Statement source;
    private final Glob[] actions;
    private final boolean notAction;
    private final ArnPattern[] resources;       // constant resource patterns (null where a variable is used)
    private final ValueTemplate[] resourceTemplates;
    private final boolean notResource;
    private final boolean hasResource;
    private final boolean resourcesConstant;
    private final CompiledCondition[] conditions;

    CompiledStatement(Statement s, boolean variables, String where) {
        this.source = s;
        this.actions = new Glob[s.actions().size()];
        for (int i = 0; i < actions.length; i++) {
            actions[i] = Glob.compile(s.actions().get(i).toLowerCase(Locale.ROOT));
        }
        this.notAction = s.notAction();
        int n = s.resources().size();
        this.resources = new ArnPattern[n];
        this.resourceTemplates = new ValueTemplate[n];
        boolean constant = true;
        for (int i = 0; i < n; i++) {
            resourceTemplates[i] = ValueTemplate.parse(s.resources().get(i), variables);
            if (resourceTemplates[i].hasVariables()) {
                constant = false;
            } else {
                resources[i] = ArnPattern.ofTokens(resourceTemplates[i].constantTokens(), s.resources().get(i));
            }
        }
        this.resourcesConstant = constant;
        this.notResource = s.notResource();
        this.hasResource = s.hasResourceElement();
        this.conditions = new CompiledCondition[s.conditions().size()];
        for (int i = 0; i < conditions.length; i++) {
            conditions[i] = CompiledCondition.compile(s.conditions().get(i), variables, where + " statement " + s.label());
        }
    }

    public Statement source() {
        return source;
    }

    public boolean isDeny() {
        return source.isDeny();
    }

    /**
     * {@link #actionMatches(String)} for a statement not compiled: whether one of its Action patterns matches the
     * action (none of its NotAction patterns does). Cutting a policy to one action this way compiles nothing else.
     */
    public static boolean actionMatches(Statement s, String actionLowerCase) {
        boolean any = false;
        for (String pattern : s.actions()) {
            if (Glob.compile(pattern.toLowerCase(Locale.ROOT)).matches(actionLowerCase)) {
                any = true;
                break;
            }
        }
        return any != s.notAction();
    }

    public boolean actionMatches(String actionLowerCase) {
        boolean any = false;
        for (Glob g : actions) {
            if (g.matches(actionLowerCase)) {
                any = true;
                break;
            }
        }
        return any != notAction;
    }

    public boolean resourceMatches(ParsedArn resource, ContextLookup context) {
        if (!hasResource) {
            return true;
        }
        boolean any = false;
        for (int i = 0; i < resources.length; i++) {
            ArnPattern p = resources[i];
            if (p == null) {
                int[] tokens = resourceTemplates[i].resolve(context);
                if (tokens == null) {
                    continue; // a policy variable with no value matches nothing
                }
                p = ArnPattern.ofTokens(tokens, resourceTemplates[i].source());
            }
            if (p.matches(resource)) {
                any = true;
                break;
            }
        }
        return any != notResource;
    }

    /** Whether a Resource value used a policy variable that has no value in this request. */
    public List<String> unresolvedResourceVariables(ContextLookup context) {
        List<String> out = new ArrayList<>();
        if (!resourcesConstant) {
            for (ValueTemplate t : resourceTemplates) {
                out.addAll(t.unresolved(context));
            }
        }
        return out;
    }

    public boolean conditionsHold(ContextLookup context) {
        for (CompiledCondition c : conditions) {
            if (!c.holds(context)) {
                return false;
            }
        }
        return true;
    }

    public boolean hasConditions() {
        return conditions.length > 0;
    }

    public List<ConditionResult> explainConditions(ContextLookup context) {
        List<ConditionResult> out = new ArrayList<>(conditions.length);
        for (CompiledCondition c : conditions) {
            out.add(c.explain(context));
        }
        return out;
    }

    /**
     * How the Principal / NotPrincipal element takes in the principal, or null when the statement does not
     * apply to it.
     *
     * @param required whether a statement without Principal applies to nobody (resource-based policies, where
     *                 the element is required) rather than to everybody
     * @param hasBoundary whether the principal has a permissions boundary (the NotPrincipal quirk)
     */
    public PrincipalMatch principalMatch(RequestPrincipal p, boolean required, boolean hasBoundary) {
        if (source.principal().isEmpty()) {
            return required ? null : PrincipalMatch.WILDCARD;
        }
        Principal element = source.principal().get();
        if (!source.notPrincipal()) {
            return PrincipalMatcher.match(element, p);
        }
        if (source.isDeny() && hasBoundary && p.type().hasIdentityPolicies()) {
            return PrincipalMatch.NOT_PRINCIPAL_WITH_BOUNDARY;
        }
        boolean excluded = source.isDeny() ? PrincipalMatcher.excludes(element, p) : PrincipalMatcher.names(element, p);
        return excluded ? null : PrincipalMatch.NOT_PRINCIPAL;
    }

    @Override
    public String toString() {
        return source.label();
    }
}
