package iamnb.model;

import iamnb.catalog.Action;
import iamnb.catalog.Catalog;
import iamnb.catalog.ConditionKey;
import iamnb.catalog.OperatorFamily;
import iamnb.catalog.Service;
import iamnb.catalog.Wildcards;
import iamnb.internal.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Checks a policy document against what AWS knows about its services (the {@link Catalog}): names that do not
 * exist, resources of the wrong type, condition keys an action never carries or operators of the wrong type,
 * statements another one already covers, and Allow with NotAction. Each is a {@link LintCheck}.
 *
 * <p>A lint finding is a strong hint, not a verdict: the catalogue is AWS's published reference as of
 * {@link Catalog#version()}, and a service AWS launched later looks unknown here.
 *
 * <pre>
 * PolicyDocument.parse(json).lint().table()
 * </pre>
 */
public final class PolicyLint {
    private final PolicyDocument document;
    private final Catalog catalog;
    private final List<LintFinding> findings;

    private PolicyLint(PolicyDocument document, Catalog catalog) {
        this.document = document;
        this.catalog = catalog;
        List<LintFinding> out = new ArrayList<>();
        for (Statement s : document.statements()) {
            checkStatement(s, out);
        }
        checkRedundancy(document.statements(), out);
        this.findings = List.copyOf(out);
    }

    /** Lints the document against the catalogue bundled with the library. */
    public static PolicyLint of(PolicyDocument document) {
        return new PolicyLint(document, Catalog.aws());
    }

    public static PolicyLint of(PolicyDocument document, Catalog catalog) {
        return new PolicyLint(document, catalog);
    }

    /** The findings in statement order. */
    public List<LintFinding> findings() {
        return findings;
    }

    /** The findings of one check. */
    public List<LintFinding> findings(LintCheck check) {
        return findings.stream().filter(f -> f.check() == check).toList();
    }

    public boolean isClean() {
        return findings.isEmpty();
    }

    public PolicyDocument document() {
        return document;
    }

    /** One row a finding: statement, check, subject, message. The title names the catalogue version. */
    public Table table() {
        StringColumn statement = StringColumn.create("statement");
        StringColumn check = StringColumn.create("check");
        StringColumn subject = StringColumn.create("subject");
        StringColumn message = StringColumn.create("message");
        for (LintFinding f : findings) {
            statement.append(f.statement());
            check.append(f.check().id());
            subject.append(f.subject());
            message.append(f.message());
        }
        return Table.create("policy lint (catalogue " + catalog.version() + ")", statement, check, subject, message);
    }

    @Override
    public String toString() {
        return findings.isEmpty() ? "no findings"
                : findings.stream().map(LintFinding::toString).collect(Collectors.joining("\n"));
    }

    private void checkStatement(Statement s, List<LintFinding> out) {
        String label = s.label();
        if (s.isAllow() && s.notAction()) {
            out.add(new LintFinding(LintCheck.NOT_ACTION_WITH_ALLOW, label, String.join(", ", s.actions()),
                    "Allow with NotAction grants every action of every service except these, including actions AWS "
                            + "adds later; list the actions to allow instead"));
        }
        // The known actions each Action value stands for; an unknown one is reported and stands for nothing.
        List<List<Action>> granted = new ArrayList<>();
        for (String pattern : s.actions()) {
            granted.add(resolve(label, pattern, out));
        }
        if (!s.notAction() && !s.notResource() && !s.resources().isEmpty()) {
            checkResources(s, granted, out);
        }
        Set<Action> actions = new LinkedHashSet<>();
        granted.forEach(actions::addAll);
        boolean everyAction = s.notAction() || s.actions().stream().anyMatch(a -> a.equals("*"));
        for (Condition c : s.conditions()) {
            checkCondition(label, c, everyAction ? null : actions, out);
        }
    }

    /**
     * What is wrong with an action a request or policy names ({@code s3:GetObjct}), in one sentence with "did you
     * mean", or empty when the bundled catalogue knows it (or it is a wildcard that fits some action).
     */
    public static Optional<String> unknownAction(String action) {
        List<LintFinding> out = new ArrayList<>();
        actionProblem(Catalog.aws(), "", action, "; no policy can grant it", out);
        return out.stream().map(LintFinding::message).findFirst();
    }

    /** The catalogue's actions an Action value fits, reporting one that fits none. */
    private List<Action> resolve(String label, String pattern, List<LintFinding> out) {
        return actionProblem(catalog, label, pattern, "; the statement never matches it", out);
    }

    private static List<Action> actionProblem(
            Catalog catalog, String label, String pattern, String consequence, List<LintFinding> out) {
        if (pattern.equals("*")) {
            return List.of();
        }
        int colon = pattern.indexOf(':');
        if (colon < 0) {
            out.add(new LintFinding(LintCheck.UNKNOWN_ACTION, label, pattern,
                    "an action is written service:Action (s3:GetObject); \"" + pattern + "\" has no service prefix"));
            return List.of();
        }
        String prefix = pattern.substring(0, colon);
        boolean wildPrefix = prefix.indexOf('*') >= 0 || prefix.indexOf('?') >= 0;
        if (!wildPrefix && catalog.service(prefix).isEmpty()) {
            out.add(new LintFinding(LintCheck.UNKNOWN_SERVICE, label, pattern,
                    "no AWS service has the prefix \"" + prefix + "\"" + Suggestions.hint(prefix, catalog.prefixes())
                            + consequence));
            return List.of();
        }
        List<Action> matched = catalog.matching(pattern);
        if (matched.isEmpty()) {
            String name = pattern.substring(colon + 1);
            boolean literal = name.indexOf('*') < 0 && name.indexOf('?') < 0;
            String hint = wildPrefix ? "" : Suggestions.hint(name, catalog.service(prefix).orElseThrow().actionNames());
            out.add(new LintFinding(LintCheck.UNKNOWN_ACTION, label, pattern,
                    (literal ? prefix + " has no action \"" + name + "\"" : "the pattern fits no action of " + prefix)
                            + hint + consequence));
        }
        return matched;
    }

    private void checkResources(Statement s, List<List<Action>> granted, List<LintFinding> out) {
        String label = s.label();
        List<String> resources = s.resources();
        boolean everyActionFitsSome = true;
        for (int i = 0; i < granted.size(); i++) {
            List<Action> matched = granted.get(i);
            if (matched.isEmpty() || matched.stream().anyMatch(a -> resources.stream().anyMatch(a::acceptsResource))) {
                continue;
            }
            everyActionFitsSome = false;
            String pattern = s.actions().get(i);
            out.add(new LintFinding(LintCheck.RESOURCE_TYPE_MISMATCH, label, pattern,
                    expected(pattern, matched) + "; none of " + resources + " fits, so the statement never grants it"));
        }
        if (!everyActionFitsSome || granted.stream().anyMatch(List::isEmpty)) {
            return; // an unknown or "*" action: the resources cannot be judged against the statement's actions
        }
        for (String r : resources) {
            if (granted.stream().flatMap(List::stream).noneMatch(a -> a.acceptsResource(r))) {
                out.add(new LintFinding(LintCheck.RESOURCE_FITS_NO_ACTION, label, r,
                        "the resource is of no type that the statement's actions act on"));
            }
        }
    }

    private static String expected(String pattern, List<Action> matched) {
        if (matched.stream().noneMatch(Action::supportsResourceLevelPermissions)) {
            return pattern + " supports no resource-level permissions: only \"Resource\": \"*\" grants it";
        }
        Set<String> forms = new LinkedHashSet<>();
        for (Action a : matched) {
            a.resourceTypes().forEach(r -> forms.add(r.type().name() + " (" + String.join(" | ", r.type().arnPatterns()) + ")"));
        }
        List<String> shown = forms.stream().limit(4).toList();
        return pattern + " acts on " + String.join(", ", shown) + (forms.size() > shown.size() ? ", ..." : "");
    }

    /** @param actions the statement's known actions, or null when it may apply to every action */
    private void checkCondition(String label, Condition c, Set<Action> actions, List<LintFinding> out) {
        Optional<OperatorFamily> family = OperatorFamily.of(c.operator());
        if (family.isEmpty()) {
            out.add(new LintFinding(LintCheck.UNKNOWN_OPERATOR, label, c.operator(),
                    "IAM has no condition operator \"" + c.operator() + "\""));
        }
        String key = c.key();
        Optional<ConditionKey> known = catalog.conditionKey(key);
        if (known.isEmpty()) {
            out.add(new LintFinding(LintCheck.UNKNOWN_CONDITION_KEY, label, key, unknownKey(key)));
            return;
        }
        ConditionKey k = known.get();
        if (family.isPresent() && !family.get().fits(k.type())) {
            out.add(new LintFinding(LintCheck.OPERATOR_TYPE_MISMATCH, label, c.operator() + " " + key,
                    key + " is of type " + k.type() + "; " + c.operator() + " compares "
                            + family.get().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " values"));
        }
        if (actions != null && !actions.isEmpty() && !catalog.isGlobalKey(key)
                && actions.stream().noneMatch(a -> a.carries(key))) {
            String names = actions.stream().limit(3).map(Action::fullName).collect(Collectors.joining(", "))
                    + (actions.size() > 3 ? ", ..." : "");
            out.add(new LintFinding(LintCheck.KEY_NOT_CARRIED, label, key,
                    "none of the statement's actions (" + names + ") carries " + key
                            + ", so it is always absent here"));
        }
    }

    private String unknownKey(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return "a condition key is written prefix:name (aws:SourceIp); \"" + key + "\" has no prefix";
        }
        String prefix = key.substring(0, colon);
        List<String> candidates;
        if (prefix.equalsIgnoreCase("aws")) {
            candidates = catalog.globalKeys().stream().map(ConditionKey::name).toList();
        } else {
            Optional<Service> service = catalog.service(prefix);
            if (service.isEmpty()) {
                return "no AWS service has the prefix \"" + prefix + "\"" + Suggestions.hint(prefix, catalog.prefixes());
            }
            candidates = service.get().conditionKeys().stream().map(ConditionKey::name).toList();
        }
        return "no such condition key" + Suggestions.hint(key, candidates) + "; a missing key makes the test false "
                + "(true with IfExists)";
    }

    /**
     * A statement is redundant when another of the same effect, without conditions, covers every action and
     * resource it names for the same principal: whatever it matches, the other matches too.
     */
    private static void checkRedundancy(List<Statement> statements, List<LintFinding> out) {
        for (Statement b : statements) {
            for (Statement a : statements) {
                if (a == b || a.effect() != b.effect() || !a.conditions().isEmpty() || !plain(a) || !plain(b)
                        || !a.principal().equals(b.principal())) {
                    continue;
                }
                boolean mutual = b.conditions().isEmpty() && covers(b, a);
                if (covers(a, b) && (!mutual || a.index() < b.index())) {
                    out.add(new LintFinding(LintCheck.REDUNDANT_STATEMENT, b.label(), b.label(),
                            "statement " + a.label() + " (" + a.effect() + ", no conditions) already covers every action "
                                    + "and resource of this one; it changes nothing"));
                    break;
                }
            }
        }
    }

    private static boolean plain(Statement s) {
        return !s.notAction() && !s.notResource() && !s.notPrincipal();
    }

    private static boolean covers(Statement general, Statement specific) {
        return coversAll(general.actions(), specific.actions(), true)
                && (specific.resources().isEmpty() ? general.resources().isEmpty()
                        : coversAll(general.resources(), specific.resources(), false));
    }

    private static boolean coversAll(List<String> general, List<String> specific, boolean ignoreCase) {
        return specific.stream().allMatch(s -> general.stream().anyMatch(g -> Wildcards.covers(g, s, ignoreCase)));
    }
}
