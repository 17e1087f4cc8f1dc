package iamnb.policy;

import static iamnb.internal.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.internal.Arns;
import iamnb.model.Effect;
import iamnb.model.LintCheck;
import iamnb.model.PolicyDocument;
import iamnb.policy.internal.PolicyEdit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What would allow a denied request: the smallest changes an expert would weigh, each one PROVED by evaluating the
 * request again with the change applied; only changes that give ALLOW are listed. The order is the order of
 * preference:
 *
 * <ol>
 *   <li>call differently — a context key the caller chooses (an encryption header, MFA, a region), or, for a
 *       service-linked role, the action AWS provides;</li>
 *   <li>correct the statement that was meant to grant this: a Resource naming the bucket where its objects were
 *       meant (what the policy lint reports), a trust condition naming another service account (set to this
 *       caller's exact {@code sub}, never widened to the whole provider);</li>
 *   <li>add a statement to the layer that did not allow — the principal's identity policies, the bucket, trust or
 *       key policy for resource-side denials, the boundary, an SCP or RCP level, the session or endpoint policy —
 *       with the exact JSON, pinned to this principal, action and resource; and, when a second layer then still
 *       denies, that layer too;</li>
 *   <li>for an explicit deny, leave the principal out of the Deny, or remove it.</li>
 * </ol>
 *
 * <p>Made by {@link Decision#whatWouldAllow()}; a notebook shows it as a table with the exact JSON.
 */
public final class WhatWouldAllow {
    private static final int MAX_CHANGES = 8;

    private final Decision decision;
    private final List<Change> changes;
    private final String note;

    private WhatWouldAllow(Decision decision, List<Change> changes, String note) {
        this.decision = decision;
        this.changes = List.copyOf(changes);
        this.note = note;
    }

    static WhatWouldAllow of(Decision d) {
        if (d.allowed()) {
            return new WhatWouldAllow(d, List.of(), "the request is allowed");
        }
        Finder f = new Finder(d);
        if (d.basis() == Basis.SERVICE_RULE) {
            ServiceRule rule = ServiceRule.refusing(d.request()).orElseThrow();
            f.serviceRuleAlternative(rule);
            return new WhatWouldAllow(d, f.changes(), "no policy change can allow it (" + rule.why() + "); instead, "
                    + rule.instead());
        }
        f.contextChanges();
        if (d.verdict() == Verdict.EXPLICIT_DENY) {
            f.denyChanges();
        } else {
            f.correctResources();
            f.pinConditions();
            f.addStatements(d, d.request(), d.layers(), List.of(), 0);
        }
        List<Change> found = f.changes();
        return new WhatWouldAllow(d, found, found.isEmpty()
                ? "no single change of the request or of one policy was found that allows it" : "");
    }

    /** The decision these changes would turn into ALLOW. */
    public Decision decision() {
        return decision;
    }

    /** The verified changes, the preferred one first. */
    public List<Change> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The change an expert would make first. */
    public Optional<Change> best() {
        return changes.stream().findFirst();
    }

    /** Why the list is empty (allowed, refused by AWS whatever the policies say, nothing found), else "". */
    public String note() {
        return note;
    }

    /** One row per change: {@code change, where, what, json, verified}. */
    public Table table() {
        StringColumn kind = StringColumn.create("change");
        StringColumn where = StringColumn.create("where");
        StringColumn what = StringColumn.create("what");
        StringColumn json = StringColumn.create("json");
        StringColumn verified = StringColumn.create("verified");
        for (Change c : changes) {
            kind.append(c.kind().label());
            where.append(c.where());
            what.append(c.description());
            json.append(c.json());
            verified.append(c.result().verdict().name());
        }
        return Table.create("what would allow " + decision.request().action() + " on " + decision.request().resource(),
                kind, where, what, json, verified);
    }

    /** Plain text: one numbered line per change. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("What would allow this");
        if (changes.isEmpty()) {
            return b.append(": nothing — ").append(note).append('\n').toString();
        }
        b.append(" (each change verified by evaluating the request again):\n");
        for (int i = 0; i < changes.size(); i++) {
            b.append("  ").append(i + 1).append(". ").append(changes.get(i).sentence()).append('\n');
        }
        return b.toString();
    }

    String toMarkdown() {
        StringBuilder b = new StringBuilder("**What would allow this**");
        if (changes.isEmpty()) {
            return b.append(": nothing — ").append(Explainer.md(note)).append("\n\n").toString();
        }
        b.append(" (each change verified by evaluating the request again):\n\n");
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            b.append(i + 1).append(". ").append(Explainer.md(c.description())).append(" → ")
                    .append(c.result().verdict().name()).append('\n');
            if (!c.json().isEmpty()) {
                b.append("   `").append(c.json().replace("`", "'")).append("`\n");
            }
        }
        return b.append('\n').toString();
    }

    String toHtml() {
        StringBuilder b = new StringBuilder("<div class=\"iamnb-what-would-allow\"><p><strong>What would allow this</strong>");
        if (changes.isEmpty()) {
            return b.append(": nothing — ").append(escape(note)).append("</p></div>").toString();
        }
        b.append(" (each change verified by evaluating the request again)</p><ol>");
        for (Change c : changes) {
            b.append("<li>").append(escape(c.description())).append(" → <strong>")
                    .append(escape(c.result().verdict().name())).append("</strong>");
            if (!c.json().isEmpty()) {
                b.append("<br><code>").append(escape(c.json())).append("</code>");
            }
            b.append("</li>");
        }
        return b.append("</ol></div>").toString();
    }

    /** The notebook rendering: text/plain, text/markdown and text/html. */
    public Map<String, Object> toMimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/markdown", toMarkdown());
        bundle.put("text/html", toHtml());
        return bundle;
    }

    /** "bucket policy of my-bucket", "identity policy app-data-access", "the permissions boundary dev-boundary". */
    static String policyLabel(Layers layers, LayerKind kind, String name) {
        return switch (kind) {
            case IDENTITY -> "identity policy " + name;
            case RESOURCE_POLICY -> Explainer.resourcePolicyLabel(layers.resourcePolicyKind(), name);
            case PERMISSIONS_BOUNDARY -> "the permissions boundary " + name;
            case SCP -> "SCP " + name;
            case RCP -> "RCP " + name;
            case SESSION_POLICY -> "session policy " + name;
            case VPC_ENDPOINT_POLICY -> name.contains("policy") ? name : "VPC endpoint policy " + name;
        };
    }

    /** Collects verified changes in order, without repeats. */
    private static final class Finder {
        private final Decision d;
        private final Request r;
        private final Layers layers;
        private final List<Change> found = new ArrayList<>();
        private final Set<String> seen = new LinkedHashSet<>();

        Finder(Decision d) {
            this.d = d;
            this.r = d.request();
            this.layers = d.layers();
        }

        List<Change> changes() {
            return found.size() > MAX_CHANGES ? found.subList(0, MAX_CHANGES) : found;
        }

        /** Evaluates the change; keeps it when allowed. Returns the decision with the change applied. */
        private Decision keepIfAllowed(Change.Kind kind, String where, String description, String json,
                                       Request request, Layers changed) {
            Decision result = PolicyEvaluator.evaluate(request, changed);
            if (result.allowed() && seen.add(description)) {
                found.add(new Change(kind, where, description, json, result));
            }
            return result;
        }

        // ---- 1. call differently ----------------------------------------------------------------------------

        void serviceRuleAlternative(ServiceRule rule) {
            if (rule == ServiceRule.SERVICE_LINKED_ROLE && r.actionLowerCase().equals("iam:deleterole")) {
                keepIfAllowed(Change.Kind.ACTION, "the request", "Call iam:DeleteServiceLinkedRole on "
                        + r.resource() + " instead of iam:DeleteRole (AWS deletes the role once no resource of the "
                        + "service uses it)", "", r.withAction("iam:DeleteServiceLinkedRole"), layers);
            }
        }

        /** Context keys the caller chooses: meet a failed condition of an Allow, or fail a condition of the Deny. */
        void contextChanges() {
            Set<Map<String, String>> candidates = new LinkedHashSet<>();
            for (LayerResult l : d.layerResults()) {
                for (StatementMatch s : l.statements()) {
                    if (!s.resourceMatched() || s.principalMatch().isEmpty()) {
                        continue;
                    }
                    if (s.effect() == Effect.ALLOW && !s.applies()) {
                        meet(s.failedConditions()).ifPresent(candidates::add);
                    } else if (s.effect() == Effect.DENY && s.applies()) {
                        for (ConditionResult c : s.conditions()) {
                            if (ContextKeys.callerChooses(c.condition().key())) {
                                ConditionSamples.falsifying(c).ifPresent(v -> candidates.add(Map.of(c.condition().key(), v)));
                            }
                        }
                    }
                }
            }
            int before = found.size();
            for (Map<String, String> m : candidates) {
                tryContext(m);
            }
            if (found.size() == before && candidates.size() > 1) {
                Map<String, String> all = new LinkedHashMap<>();
                candidates.forEach(m -> m.forEach(all::putIfAbsent));
                tryContext(all);
            }
        }

        private Optional<Map<String, String>> meet(List<ConditionResult> failed) {
            if (failed.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (ConditionResult c : failed) {
                String key = c.condition().key();
                Optional<String> v = ContextKeys.callerChooses(key) ? ConditionSamples.satisfying(c) : Optional.empty();
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                m.put(key, v.get());
            }
            return Optional.of(m);
        }

        private void tryContext(Map<String, String> keys) {
            Request.Builder b = r.toBuilder();
            keys.forEach((k, v) -> b.context(k, v));
            keepIfAllowed(Change.Kind.CONTEXT, "the request", "Send the request with " + describe(keys), "",
                    b.build(), layers);
        }

        static String describe(Map<String, String> keys) {
            List<String> parts = new ArrayList<>();
            keys.forEach((k, v) -> parts.add(k + " = \"" + v + "\""));
            return String.join(" and ", parts);
        }

        // ---- 2. correct the statement that was meant to grant it -------------------------------------------

        /** A Resource naming the container (bucket, path) of the requested resource: add its contents. */
        void correctResources() {
            for (LayerResult l : ordered()) {
                for (StatementMatch s : l.nearMisses()) {
                    if (s.effect() != Effect.ALLOW || s.resourceMatched() || s.statement().notResource()) {
                        continue;
                    }
                    Optional<PolicyDocument> doc = document(l.kind(), s.policyName());
                    for (String res : s.statement().resources()) {
                        if (doc.isEmpty() || res.endsWith("*") || !r.resource().startsWith(res + "/")) {
                            continue;
                        }
                        String contents = res + "/*";
                        List<String> resources = new ArrayList<>(s.statement().resources());
                        resources.add(contents);
                        ObjectNode st = PolicyEdit.statement(doc.get(), s.statement().index());
                        st.remove("Resource");
                        st.set("Resource", PolicyEdit.values(resources));
                        String where = policyLabel(layers, l.kind(), s.policyName());
                        String lint = lintNote(doc.get(), s.label());
                        keepIfAllowed(Change.Kind.CORRECT_RESOURCE, where, "Add \"" + contents + "\" to the Resource of "
                                + "statement " + s.label() + " of " + where + ": it lists " + res + " itself, not what is "
                                + "inside it" + lint, PolicyEdit.json(st), r,
                                replaced(l.kind(), s.policyName(), PolicyEdit.replace(doc.get(), s.statement().index(), st)));
                    }
                }
            }
        }

        private static String lintNote(PolicyDocument doc, String label) {
            return doc.lint().findings(LintCheck.RESOURCE_TYPE_MISMATCH).stream()
                    .filter(f -> f.statement().equals(label)).findFirst()
                    .map(f -> " (the policy lint reports it: " + f.check().id() + ")").orElse("");
        }

        /** A condition naming another caller (a web identity's sub): set it to this caller's exact value. */
        void pinConditions() {
            for (LayerResult l : ordered()) {
                for (StatementMatch s : l.nearMisses()) {
                    if (s.effect() != Effect.ALLOW || !s.resourceMatched() || s.principalMatch().isEmpty()) {
                        continue;
                    }
                    List<ConditionResult> failed = s.failedConditions();
                    boolean pinnable = !failed.isEmpty() && failed.stream().allMatch(c -> !ContextKeys.callerChooses(c.condition().key())
                            && c.requestValues().size() == 1 && positiveStringTest(c.condition().operator()));
                    Optional<PolicyDocument> doc = document(l.kind(), s.policyName());
                    if (!pinnable || doc.isEmpty()) {
                        continue;
                    }
                    ObjectNode st = PolicyEdit.statement(doc.get(), s.statement().index());
                    List<String> parts = new ArrayList<>();
                    for (ConditionResult c : failed) {
                        if (!setCondition(st, c.condition().operator(), c.condition().key(), c.requestValues().get(0))) {
                            parts.clear();
                            break;
                        }
                        parts.add(c.condition().operator() + " " + c.condition().key() + " to \""
                                + c.requestValues().get(0) + "\" (it names " + quoted(c.policyValues()) + ")");
                    }
                    if (parts.isEmpty()) {
                        continue;
                    }
                    String where = policyLabel(layers, l.kind(), s.policyName());
                    keepIfAllowed(Change.Kind.PIN_CONDITION, where, "In statement " + s.label() + " of " + where
                            + ", set " + String.join(" and ", parts), PolicyEdit.json(st), r,
                            replaced(l.kind(), s.policyName(), PolicyEdit.replace(doc.get(), s.statement().index(), st)));
                }
            }
        }

        private static boolean positiveStringTest(String operator) {
            String op = ConditionSamples.baseOperator(operator);
            return op.equals("stringequals") || op.equals("stringlike") || op.equals("arnequals") || op.equals("arnlike")
                    || op.equals("stringequalsignorecase");
        }

        private static boolean setCondition(ObjectNode statement, String operator, String key, String value) {
            JsonNode cond = statement.get("Condition");
            JsonNode op = cond == null ? null : cond.get(operator);
            if (!(op instanceof ObjectNode block)) {
                return false;
            }
            for (Iterator<String> it = block.fieldNames(); it.hasNext(); ) {
                String written = it.next();
                if (written.equalsIgnoreCase(key)) {
                    block.put(written, value);
                    return true;
                }
            }
            return false;
        }

        private static String quoted(List<String> values) {
            return values.size() == 1 ? "\"" + values.get(0) + "\"" : values.toString();
        }

        // ---- 3. add a statement to the layer that did not allow ---------------------------------------------

        /**
         * Adds a statement where the decision's basis says an Allow was missing; when the result is still an
         * implicit deny from another layer, adds one there too (once).
         */
        void addStatements(Decision current, Request request, Layers base, List<Step> before, int depth) {
            for (Step step : stepsFor(current, request, base)) {
                List<Step> steps = new ArrayList<>(before);
                steps.add(step);
                Change.Kind kind = steps.get(0).kind;
                String where = String.join("; ", steps.stream().map(s -> s.where).toList());
                List<String> words = new ArrayList<>();
                for (Step s : steps) {
                    words.add(words.isEmpty() ? s.description
                            : Character.toLowerCase(s.description.charAt(0)) + s.description.substring(1));
                }
                String description = String.join("; and ", words);
                String json = String.join("\n", steps.stream().map(s -> s.json).filter(j -> !j.isEmpty()).toList());
                Decision result = keepIfAllowed(kind, where, description, json, step.request, step.layers);
                if (!result.allowed() && depth == 0 && result.verdict() == Verdict.IMPLICIT_DENY
                        && result.basis() != current.basis()) {
                    addStatements(result, step.request, step.layers, steps, depth + 1);
                }
            }
        }

        /** One proposed edit with the request and layers it gives. */
        private record Step(Change.Kind kind, String where, String description, String json, Request request,
                            Layers layers) {}

        private List<Step> stepsFor(Decision current, Request request, Layers base) {
            RequestPrincipal p = request.principal();
            List<Step> out = new ArrayList<>();
            switch (current.basis()) {
                case IDENTITY_SILENT, DELEGATED_IDENTITY_SILENT -> {
                    identityStep(request, base).ifPresent(out::add);
                    if (base.resourcePolicy().isPresent() && !request.isCrossAccount()) {
                        resourceStep(request, base).ifPresent(out::add);
                    }
                }
                case CROSS_ACCOUNT_IDENTITY_SILENT -> {
                    if (current.outcome(LayerKind.IDENTITY) != LayerOutcome.ALLOW) {
                        identityStep(request, base).ifPresent(out::add);
                    } else if (current.outcome(LayerKind.PERMISSIONS_BOUNDARY) == LayerOutcome.SILENT) {
                        boundaryStep(request, base).ifPresent(out::add);
                    } else {
                        sessionStep(request, base).ifPresent(out::add);
                    }
                }
                case BOUNDARY_SILENT -> boundaryStep(request, base).ifPresent(out::add);
                case SESSION_SILENT -> sessionStep(request, base).ifPresent(out::add);
                case SCP_SILENT, RCP_SILENT -> out.add(organizationStep(current, request, base));
                case VPC_ENDPOINT_SILENT -> endpointStep(request, base).ifPresent(out::add);
                case CROSS_ACCOUNT_RESOURCE_SILENT, MUST_ALLOW_SILENT, RESOURCE_ONLY_SILENT ->
                        resourceStep(request, base).ifPresent(out::add);
                default -> {
                    // root cannot assume roles; explicit denies are handled by denyChanges
                }
            }
            if (p.type() == PrincipalType.ANONYMOUS) {
                out.removeIf(s -> s.kind != Change.Kind.ADD_STATEMENT);
            }
            return out;
        }

        private static ObjectNode allowStatement(Request request, boolean withResource) {
            ObjectNode st = PolicyEdit.newStatement();
            st.put("Effect", "Allow");
            st.put("Action", request.action());
            if (withResource) {
                st.put("Resource", request.resource());
            }
            return st;
        }

        private Optional<Step> identityStep(Request request, Layers base) {
            RequestPrincipal p = request.principal();
            if (!p.type().hasIdentityPolicies()) {
                return Optional.empty();
            }
            String owner = p.type() == PrincipalType.ASSUMED_ROLE || p.type() == PrincipalType.ROLE
                    ? "role " + Arns.lastSegment(p.roleArn()) : p.label();
            ObjectNode st = allowStatement(request, true);
            String where = "a new inline policy of " + owner;
            Layers changed = base.toBuilder().identity("(proposed) inline policy of " + owner,
                    PolicyEdit.document(List.of(st))).build();
            return Optional.of(new Step(Change.Kind.ADD_STATEMENT, where, "Add to " + where + " the statement "
                    + PolicyEdit.json(st), PolicyEdit.json(st), request, changed));
        }

        private Optional<Step> boundaryStep(Request request, Layers base) {
            return base.boundary().map(bp -> {
                ObjectNode st = allowStatement(request, true);
                String where = "the permissions boundary " + bp.name();
                Layers.Builder b = base.toBuilder();
                b.replace(LayerKind.PERMISSIONS_BOUNDARY, bp.name(), PolicyEdit.append(bp.document(), st));
                return new Step(Change.Kind.WIDEN_BOUNDARY, where, "Add to " + where + " the statement "
                        + PolicyEdit.json(st), PolicyEdit.json(st), request, b.build());
            });
        }

        private Optional<Step> sessionStep(Request request, Layers base) {
            ObjectNode st = allowStatement(request, true);
            String text = "Add to the session policy the statement " + PolicyEdit.json(st)
                    + " (or create the session without a session policy)";
            if (request.sessionPolicy().isPresent()) {
                Request changed = request.toBuilder()
                        .sessionPolicy(PolicyEdit.append(request.sessionPolicy().get(), st)).build();
                return Optional.of(new Step(Change.Kind.WIDEN_FILTER, "the session policy", text, PolicyEdit.json(st),
                        changed, base));
            }
            if (base.sessionPolicies().isEmpty()) {
                return Optional.empty();
            }
            NamedPolicy sp = base.sessionPolicies().get(0);
            Layers.Builder b = base.toBuilder();
            b.replace(LayerKind.SESSION_POLICY, sp.name(), PolicyEdit.append(sp.document(), st));
            return Optional.of(new Step(Change.Kind.WIDEN_FILTER, "session policy " + sp.name(), text,
                    PolicyEdit.json(st), request, b.build()));
        }

        private Step organizationStep(Decision current, Request request, Layers base) {
            LayerResult level = current.decidingLayerResult();
            boolean scp = level.kind() == LayerKind.SCP;
            String name = level.name();
            String levelName = name.substring(name.indexOf(" at ") + 4);
            ObjectNode st = allowStatement(request, true);
            if (!scp) {
                st.put("Principal", "*");
            }
            String kind = scp ? "SCP" : "RCP";
            String policyName = "(proposed) " + kind + " allowing " + request.action();
            Layers.Builder b = base.toBuilder();
            if (scp) {
                b.scp(levelName, policyName, PolicyEdit.document(List.of(st)));
            } else {
                b.rcp(levelName, policyName, PolicyEdit.document(List.of(st)));
            }
            String where = "an " + kind + " attached at " + levelName;
            return new Step(Change.Kind.WIDEN_ORGANIZATION_POLICY, where, "Attach " + where + " with the statement "
                    + PolicyEdit.json(st), PolicyEdit.json(st), request, b.build());
        }

        private Optional<Step> endpointStep(Request request, Layers base) {
            return base.vpcEndpointPolicy().map(ep -> {
                ObjectNode st = allowStatement(request, true);
                st.set("Principal", principalElement(request.principal()));
                String where = policyLabel(base, LayerKind.VPC_ENDPOINT_POLICY, ep.name());
                Layers.Builder b = base.toBuilder();
                b.replace(LayerKind.VPC_ENDPOINT_POLICY, ep.name(), PolicyEdit.append(ep.document(), st));
                return new Step(Change.Kind.WIDEN_FILTER, where, "Add to " + where + " the statement "
                        + PolicyEdit.json(st), PolicyEdit.json(st), request, b.build());
            });
        }

        /**
         * A statement in the resource's policy naming exactly this principal; for a web identity, pinned to the
         * token's {@code sub} and {@code aud} as the request carries them (never the whole provider).
         */
        private Optional<Step> resourceStep(Request request, Layers base) {
            RequestPrincipal p = request.principal();
            ResourcePolicyKind kind = base.resourcePolicyKind();
            ObjectNode st = PolicyEdit.newStatement();
            st.put("Effect", "Allow");
            st.set("Principal", principalElement(p));
            st.put("Action", request.action());
            if (kind == ResourcePolicyKind.KMS_KEY) {
                st.put("Resource", "*");
            } else if (kind != ResourcePolicyKind.ROLE_TRUST) {
                st.put("Resource", request.resource());
            }
            if (p.type() == PrincipalType.WEB_IDENTITY || p.type() == PrincipalType.SAML) {
                Map<String, String> identity = new LinkedHashMap<>();
                request.context().forEach((k, v) -> {
                    if (!ContextKeys.callerChooses(k) && !ContextKeys.knownToAccount(k) && v.size() == 1) {
                        identity.put(k, v.get(0));
                    }
                });
                if (identity.keySet().stream().noneMatch(k -> k.toLowerCase(java.util.Locale.ROOT).endsWith(":sub"))) {
                    return Optional.empty(); // trusting a whole identity provider is no fix
                }
                ObjectNode equals = st.putObject("Condition").putObject("StringEquals");
                identity.forEach(equals::put);
            }
            String json = PolicyEdit.json(st);
            Optional<NamedPolicy> existing = base.resourcePolicy();
            Layers.Builder b = base.toBuilder();
            String where;
            if (existing.isPresent()) {
                where = policyLabel(base, LayerKind.RESOURCE_POLICY, existing.get().name());
                b.replace(LayerKind.RESOURCE_POLICY, existing.get().name(), PolicyEdit.append(existing.get().document(), st));
            } else {
                where = "a new " + kind.title();
                b.resourcePolicy("(proposed) " + kind.title(), PolicyEdit.document(List.of(st)), kind);
            }
            return Optional.of(new Step(Change.Kind.ADD_STATEMENT, where, "Add to " + where + " the statement " + json,
                    json, request, b.build()));
        }

        private static JsonNode principalElement(RequestPrincipal p) {
            ObjectNode principal = PolicyEdit.newStatement();
            switch (p.type()) {
                case SERVICE -> principal.put("Service", p.arn());
                case WEB_IDENTITY, SAML -> principal.put("Federated", p.arn());
                case ANONYMOUS -> {
                    return PolicyEdit.values(List.of("*"));
                }
                case ROOT -> principal.put("AWS", "arn:aws:iam::" + p.account() + ":root");
                default -> principal.put("AWS", p.principalArn());
            }
            return principal;
        }

        // ---- 4. explicit deny -------------------------------------------------------------------------------

        /** Leave the principal out of the deciding Deny, or remove it; then add what else is missing. */
        void denyChanges() {
            StatementMatch deny = d.decidingStatement().orElse(null);
            LayerResult layer = d.decidingLayerResult();
            Optional<PolicyDocument> doc = deny == null ? Optional.empty() : document(layer.kind(), deny.policyName());
            if (doc.isEmpty()) {
                return;
            }
            int index = deny.statement().index();
            String where = policyLabel(layers, layer.kind(), deny.policyName());
            RequestPrincipal p = r.principal();
            if (p.type() == PrincipalType.USER || p.type() == PrincipalType.ROLE || p.type() == PrincipalType.ASSUMED_ROLE) {
                ObjectNode st = PolicyEdit.statement(doc.get(), index);
                if (excludePrincipal(st, p.principalArn())) {
                    Layers changed = replaced(layer.kind(), deny.policyName(), PolicyEdit.replace(doc.get(), index, st));
                    denyStep(Change.Kind.NARROW_DENY, where, "Leave " + p.label() + " out of statement " + deny.label()
                            + " of " + where + " with the condition ArnNotEquals aws:PrincipalArn "
                            + p.principalArn(), PolicyEdit.json(st), changed);
                }
            }
            PolicyEdit.remove(doc.get(), index).ifPresent(without -> denyStep(Change.Kind.REMOVE_DENY, where,
                    "Remove statement " + deny.label() + " from " + where, "",
                    replaced(layer.kind(), deny.policyName(), without)));
        }

        private void denyStep(Change.Kind kind, String where, String description, String json, Layers changed) {
            Decision result = keepIfAllowed(kind, where, description, json, r, changed);
            if (!result.allowed() && result.verdict() == Verdict.IMPLICIT_DENY) {
                addStatements(result, r, changed, List.of(new Step(kind, where, description, json, r, changed)), 1);
            }
        }

        private static boolean excludePrincipal(ObjectNode statement, String principalArn) {
            JsonNode cond = statement.get("Condition");
            ObjectNode conditions = cond instanceof ObjectNode o ? o : statement.putObject("Condition");
            JsonNode existing = conditions.get("ArnNotEquals");
            if (existing != null && !(existing instanceof ObjectNode)) {
                return false;
            }
            ObjectNode block = existing == null ? conditions.putObject("ArnNotEquals") : (ObjectNode) existing;
            JsonNode values = block.get("aws:PrincipalArn");
            List<String> list = new ArrayList<>();
            if (values != null) {
                values.forEach(v -> list.add(v.asText()));
                if (values.isTextual()) {
                    list.add(values.asText());
                }
            }
            list.add(principalArn);
            block.set("aws:PrincipalArn", PolicyEdit.values(list));
            return true;
        }

        // ---- helpers ----------------------------------------------------------------------------------------

        /** The deciding layer first, then the others (the deciding one is usually the one to correct). */
        private List<LayerResult> ordered() {
            List<LayerResult> out = new ArrayList<>();
            out.add(d.decidingLayerResult());
            d.layerResults().stream().filter(l -> l != d.decidingLayerResult()
                    && l.outcome() == LayerOutcome.SILENT).forEach(out::add);
            return out;
        }

        private Optional<PolicyDocument> document(LayerKind kind, String name) {
            List<NamedPolicy> candidates = switch (kind) {
                case IDENTITY -> layers.identityPolicies();
                case PERMISSIONS_BOUNDARY -> layers.boundary().stream().toList();
                case RESOURCE_POLICY -> layers.resourcePolicy().stream().toList();
                case SESSION_POLICY -> layers.sessionPolicies();
                case VPC_ENDPOINT_POLICY -> layers.vpcEndpointPolicy().stream().toList();
                case SCP -> layers.scpLevels().stream().flatMap(l -> l.policies().stream()).toList();
                case RCP -> layers.rcpLevels().stream().flatMap(l -> l.policies().stream()).toList();
            };
            return candidates.stream().filter(p -> p.name().equals(name)).map(NamedPolicy::document).findFirst();
        }

        private Layers replaced(LayerKind kind, String name, PolicyDocument doc) {
            Layers.Builder b = layers.toBuilder();
            b.replace(kind, name, doc);
            return b.build();
        }
    }
}
