package iamnb.policy;

import static iamnb.internal.SafeMarkup.left;

import iamnb.internal.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Our decision beside AWS's own simulator's answer for the same request ({@link AwsSimulation}): both verdicts,
 * what decided each, whether they agree, and — when they do not — why.
 *
 * <p>The two do not evaluate the same layers. SimulatePrincipalPolicy, called without a ResourcePolicy,
 * evaluates the principal's identity-based policies (a user's group policies included), its permissions
 * boundary and the SCPs of its organization; it does not evaluate the resource's policy (a bucket policy, a
 * role's trust policy, a key policy), resource control policies (RCPs), or a session policy (it simulates the
 * role, not a session). Ours evaluates all of them from the snapshot. A disagreement decided by one of those
 * layers is expected and said so; any other disagreement is flagged as unexpected.
 *
 * @param ours our decision (from the snapshot)
 * @param aws AWS's answer (from the live account)
 * @param agree whether both verdicts are the same
 * @param expected whether they agree, or the disagreement is explained by a layer only ours evaluated
 * @param onlyOurs the layers ours evaluated that AWS's simulator did not, e.g. "bucket policy (bucket policy of prod-data)"
 * @param explanation one or two sentences on the comparison
 */
public record Comparison(Decision ours, AwsVerdict aws, boolean agree, boolean expected, List<String> onlyOurs,
                         String explanation) {

    public Comparison {
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(aws, "aws");
        onlyOurs = List.copyOf(onlyOurs);
        Objects.requireNonNull(explanation, "explanation");
    }

    /**
     * What AWS's simulator answered for one action on one resource.
     *
     * @param policySourceArn the user or role whose policies AWS simulated
     * @param evalDecision AWS's word: allowed, explicitDeny or implicitDeny
     * @param verdict the same as our {@link Verdict}
     * @param matchedStatements the statements AWS says decided (for a deny, only the Deny)
     * @param missingContextValues context keys the policies test that the call did not give
     * @param allowedByOrganizations what the organization's SCPs said, when AWS reports it
     * @param allowedByPermissionsBoundary what the permissions boundary said, when AWS reports it
     */
    public record AwsVerdict(String policySourceArn, String action, String resource, String evalDecision,
                             Verdict verdict, List<MatchedStatement> matchedStatements,
                             List<String> missingContextValues, Optional<Boolean> allowedByOrganizations,
                             Optional<Boolean> allowedByPermissionsBoundary) {
        public AwsVerdict {
            Objects.requireNonNull(policySourceArn, "policySourceArn");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(evalDecision, "evalDecision");
            Objects.requireNonNull(verdict, "verdict");
            matchedStatements = List.copyOf(matchedStatements);
            missingContextValues = List.copyOf(missingContextValues);
            Objects.requireNonNull(allowedByOrganizations, "allowedByOrganizations");
            Objects.requireNonNull(allowedByPermissionsBoundary, "allowedByPermissionsBoundary");
        }

        /** The matched statements as "app-s3 (IAM Policy)", joined; "none" when AWS named none. */
        public String matchedLabel() {
            if (matchedStatements.isEmpty()) {
                return "none";
            }
            List<String> parts = new ArrayList<>();
            matchedStatements.forEach(m -> parts.add(m.toString()));
            return String.join(", ", parts);
        }
    }

    /** A statement AWS's simulator says decided: the policy's id (its name, or PolicyInputList.N) and the policy type. */
    public record MatchedStatement(String sourcePolicyId, String sourcePolicyType) {
        public MatchedStatement {
            Objects.requireNonNull(sourcePolicyId, "sourcePolicyId");
            Objects.requireNonNull(sourcePolicyType, "sourcePolicyType");
        }

        @Override
        public String toString() {
            return sourcePolicyId + (sourcePolicyType.isEmpty() ? "" : " (" + sourcePolicyType + ")");
        }
    }

    /** The layers AWS's simulator evaluates when given no ResourcePolicy, as shown beside ours. */
    public static final String AWS_LAYERS = "identity-based policies, permissions boundary, SCPs of the organization";

    private static final Set<LayerKind> NOT_EVALUATED_BY_AWS =
            Set.of(LayerKind.RESOURCE_POLICY, LayerKind.RCP, LayerKind.SESSION_POLICY);

    /** Compares our decision with AWS's answer and explains the difference. */
    public static Comparison of(Decision ours, AwsVerdict aws) {
        boolean agree = ours.verdict() == aws.verdict();
        List<String> onlyOurs = new ArrayList<>();
        Set<LayerKind> seen = new LinkedHashSet<>();
        for (LayerResult l : ours.layerResults()) {
            if (l.applies() && NOT_EVALUATED_BY_AWS.contains(l.kind()) && seen.add(l.kind())) {
                onlyOurs.add(layerLabel(ours, l.kind()));
            }
        }
        String both = "Ours: " + words(ours.verdict()) + "; AWS's simulator: " + words(aws.verdict()) + ".";
        if (agree) {
            String note = onlyOurs.isEmpty() ? ""
                    : " AWS's simulator did not evaluate " + (onlyOurs.size() == 1 ? "this layer" : "these layers")
                    + " of ours: " + String.join(", ", onlyOurs) + "; here they did not change the outcome.";
            return new Comparison(ours, aws, true, true, onlyOurs, "Both agree. " + both + note);
        }
        LayerKind deciding = ours.decidingLayer();
        if (explainedByOurLayer(ours)) {
            List<String> detail = new ArrayList<>();
            if (deciding == LayerKind.RESOURCE_POLICY) {
                ours.layers().resourcePolicy().ifPresent(p -> detail.add(p.name()));
            }
            ours.decidingStatement().ifPresent(st -> detail.add("statement " + st.label()));
            return new Comparison(ours, aws, false, true, onlyOurs, "Expected difference. " + both
                    + " Ours was decided by the " + layerType(ours, deciding) + " layer"
                    + (detail.isEmpty() ? "" : " (" + String.join(", ", detail) + ")")
                    + ", which AWS's simulator did not evaluate" + why(deciding) + ".");
        }
        List<String> reasons = new ArrayList<>();
        LayerOutcome ourScps = ours.outcome(LayerKind.SCP);
        boolean ourScpsAllow = ourScps == LayerOutcome.ALLOW || ourScps == LayerOutcome.NOT_APPLICABLE;
        if (deciding == LayerKind.SCP || aws.allowedByOrganizations().map(a -> a != ourScpsAllow).orElse(false)) {
            reasons.add("the organization's SCPs: ours used the snapshot's, AWS the organization's current ones"
                    + aws.allowedByOrganizations().map(a -> " (AWS: " + (a ? "allowed" : "denied") + " by SCPs)").orElse(""));
        }
        if (!aws.missingContextValues().isEmpty()) {
            reasons.add("context keys the policies test that AWS was not given: "
                    + String.join(", ", aws.missingContextValues()));
        }
        reasons.add("policies changed since the snapshot (" + ours.request().time().map(Object::toString).orElse("its time")
                + "); collect again and compare the matched statements");
        return new Comparison(ours, aws, false, false, onlyOurs, "Unexpected difference in layers both evaluate. "
                + both + " Look at " + String.join("; ", reasons) + ".");
    }

    /**
     * Whether our verdict came from a layer AWS's simulator skips: a deny by the resource policy, an RCP or a
     * session policy; or an allow that only the resource policy gave (identity-based policies silent). When
     * identity policies allow too, AWS should have allowed, so the difference is not explained.
     */
    private static boolean explainedByOurLayer(Decision ours) {
        if (!NOT_EVALUATED_BY_AWS.contains(ours.decidingLayer())) {
            return false;
        }
        return !ours.allowed() || ours.outcome(LayerKind.IDENTITY) != LayerOutcome.ALLOW;
    }

    private static String why(LayerKind kind) {
        return switch (kind) {
            case RESOURCE_POLICY -> " (SimulatePrincipalPolicy evaluates a resource policy only when one is passed "
                    + "as ResourcePolicy, and then only for IAM users)";
            case RCP -> " (it does not evaluate resource control policies)";
            case SESSION_POLICY -> " (it simulates the role, not a session with a session policy)";
            default -> "";
        };
    }

    /** "bucket policy", "role trust policy", "RCP", "session policy". */
    private static String layerType(Decision d, LayerKind kind) {
        if (kind != LayerKind.RESOURCE_POLICY) {
            return kind == LayerKind.RCP ? "RCP" : kind.singular();
        }
        return switch (d.layers().resourcePolicyKind()) {
            case ROLE_TRUST -> "role trust policy";
            case KMS_KEY -> "KMS key policy";
            case GENERIC -> d.request().service().equals("s3") ? "bucket policy" : "resource-based policy";
        };
    }

    /** The layer's type with the resource policy's own name when that says more: "bucket policy of prod-data". */
    private static String layerLabel(Decision d, LayerKind kind) {
        String type = layerType(d, kind);
        if (kind != LayerKind.RESOURCE_POLICY) {
            return type;
        }
        return d.layers().resourcePolicy().map(NamedPolicy::name)
                .map(name -> name.startsWith(type) ? name : type + " (" + name + ")").orElse(type);
    }

    private static String words(Verdict v) {
        return switch (v) {
            case ALLOW -> "allowed";
            case EXPLICIT_DENY -> "explicitly denied";
            case IMPLICIT_DENY -> "implicitly denied";
        };
    }

    // ---- rendering --------------------------------------------------------------------------------------

    /** The rows shown side by side: label, ours, AWS's. */
    private List<String[]> rows() {
        String ourLayers = String.join(", ", ours.layerResults().stream().filter(LayerResult::applies)
                .map(l -> l.kind() == LayerKind.RESOURCE_POLICY ? layerLabel(ours, l.kind()) : l.kind().singular())
                .distinct().toList());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"principal", ours.request().principal().arn(), aws.policySourceArn()});
        rows.add(new String[] {"request", ours.request().action() + " on " + ours.request().resource(),
                aws.action() + " on " + aws.resource()});
        rows.add(new String[] {"verdict", ours.verdict().name(), aws.evalDecision()});
        rows.add(new String[] {"decided by", ours.decidingLayer().singular()
                + (ours.decidingStatementLabel().isEmpty() ? "" : ": " + ours.decidingStatementLabel()),
                aws.matchedLabel()});
        rows.add(new String[] {"layers evaluated", ourLayers, AWS_LAYERS});
        aws.allowedByOrganizations().ifPresent(a -> rows.add(new String[] {"SCPs", ours.outcome(LayerKind.SCP).lowerCase(),
                a ? "allowed" : "denied"}));
        aws.allowedByPermissionsBoundary().ifPresent(a -> rows.add(new String[] {"permissions boundary",
                ours.outcome(LayerKind.PERMISSIONS_BOUNDARY).lowerCase(), a ? "allowed" : "denied"}));
        if (!aws.missingContextValues().isEmpty()) {
            rows.add(new String[] {"missing context keys", "", String.join(", ", aws.missingContextValues())});
        }
        return rows;
    }

    /** Plain text: the two sides in columns, then the explanation. */
    public String toText() {
        List<String[]> rows = rows();
        int w0 = 0;
        int w1 = "iamnb (snapshot)".length();
        for (String[] r : rows) {
            w0 = Math.max(w0, r[0].length());
            w1 = Math.max(w1, r[1].length());
        }
        StringBuilder b = new StringBuilder();
        String fmt = "%-" + w0 + "s  %-" + w1 + "s  %s%n";
        b.append(String.format(fmt, "", "iamnb (snapshot)", "AWS SimulatePrincipalPolicy"));
        rows.forEach(r -> b.append(String.format(fmt, r[0], r[1], r[2])));
        return b.append(explanation).toString();
    }

    /** An HTML table with the two sides as columns; every value is escaped. */
    public String toHtml() {
        StringBuilder b = new StringBuilder("<div class=\"iamnb-comparison\"><table><thead><tr><th></th>"
                + "<th>" + left("iamnb (snapshot)") + "</th><th>" + left("AWS SimulatePrincipalPolicy")
                + "</th></tr></thead><tbody>");
        for (String[] r : rows()) {
            b.append("<tr><th style=\"text-align:left\">").append(left(Html.escape(r[0]))).append("</th>")
                    .append("<td style=\"text-align:left\">").append(left(Html.escape(r[1]))).append("</td>")
                    .append("<td style=\"text-align:left\">").append(left(Html.escape(r[2]))).append("</td></tr>");
        }
        b.append("</tbody></table><p><b>").append(agree ? "Agree" : expected ? "Differ, as expected" : "Differ")
                .append("</b>: ").append(Html.escape(explanation)).append("</p></div>");
        return b.toString();
    }

    /** The notebook rendering: text/plain and text/html. */
    public Map<String, Object> toMimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toText());
        bundle.put("text/html", toHtml());
        return bundle;
    }

    @Override
    public String toString() {
        return (agree ? "AGREE" : expected ? "EXPECTED DIFFERENCE" : "UNEXPECTED DIFFERENCE") + ": ours "
                + ours.verdict() + ", AWS " + aws.evalDecision();
    }
}
