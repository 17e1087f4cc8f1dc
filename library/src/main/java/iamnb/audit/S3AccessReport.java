package iamnb.audit;

import static iamnb.internal.Html.escape;

import iamnb.audit.internal.Html;
import iamnb.policy.Decision;
import iamnb.policy.DecisionTable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Everything that decides one principal's access to one S3 object, in the seed's order: bucket policy, ACL,
 * public access block, Object Ownership, then the policy engine's decision for each action (identity side,
 * bucket policy, boundary, SCPs, RCPs), VPC endpoint policies, and ARN mistakes in the policies involved.
 */
public record S3AccessReport(String principal, String bucket, String objectArn, List<String> bucketSettings,
                             List<Decision> decisions, Map<String, List<String>> vpcEndpoints, Findings arnMistakes,
                             Instant asOf) {
    public S3AccessReport {
        bucketSettings = List.copyOf(bucketSettings);
        decisions = List.copyOf(decisions);
        vpcEndpoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vpcEndpoints));
    }

    /** One row per action: decision, deciding layer and statement, reason. */
    public Table table() {
        return DecisionTable.of("S3 access of " + principal + " to " + objectArn, decisions);
    }

    /** The decision for one action. */
    public Decision decision(String action) {
        return decisions.stream().filter(d -> d.request().action().equalsIgnoreCase(action)).findFirst()
                .orElseThrow(() -> new iamnb.InvalidInputException("no decision for " + action + "; actions were "
                        + decisions.stream().map(d -> d.request().action()).toList()));
    }

    public boolean allowed(String action) {
        return decision(action).allowed();
    }

    public String caption() {
        return "S3 access of " + principal + " to " + objectArn + " (as of " + asOf + ")";
    }

    public Map<String, Object> toMimeBundle() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("text/plain", toString());
        StringBuilder md = new StringBuilder("### ").append(caption()).append("\n\n**Bucket settings**\n\n");
        bucketSettings.forEach(s -> md.append("- ").append(s).append('\n'));
        md.append("\n**Decisions**\n\n| action | resource | decision | deciding | reason |\n|---|---|---|---|---|\n");
        for (Decision d : decisions) {
            md.append("| ").append(d.request().action()).append(" | ").append(d.request().resource()).append(" | **")
                    .append(d.verdict()).append("** | ").append(d.decidingStatementLabel().isEmpty() ? d.decidingLayerResult().name()
                            : d.decidingStatementLabel()).append(" | ").append(d.summary().replace("|", "\\|")).append(" |\n");
        }
        if (!vpcEndpoints.isEmpty()) {
            md.append("\n**VPC endpoint policies** (for requests through the endpoint)\n\n");
            vpcEndpoints.forEach((k, v) -> md.append("- ").append(k).append(": ").append(String.join("; ", v)).append('\n'));
        }
        md.append("\n**ARN mistakes**: ").append(arnMistakes.isEmpty() ? "none" : arnMistakes.size() + "").append('\n');
        arnMistakes.list().forEach(f -> md.append("- ").append(f.finding()).append(" — ").append(f.evidence()).append('\n'));
        b.put("text/markdown", md.toString());
        StringBuilder h = new StringBuilder("<div class=\"iamnb-s3\"><h4>").append(escape(caption())).append("</h4><b>Bucket settings</b><ul>");
        bucketSettings.forEach(s -> h.append("<li>").append(escape(s)).append("</li>"));
        h.append("</ul><b>Decisions</b>");
        List<List<String>> rows = decisions.stream().map(d -> List.of(d.request().action(), d.request().resource(),
                d.verdict().name(), d.decidingStatementLabel().isEmpty() ? d.decidingLayerResult().name() : d.decidingStatementLabel(),
                d.summary())).toList();
        h.append(Html.table(List.of("action", "resource", "decision", "deciding", "reason"), rows, -1));
        if (!vpcEndpoints.isEmpty()) {
            h.append("<b>VPC endpoint policies</b><ul>");
            vpcEndpoints.forEach((k, v) -> h.append("<li>").append(escape(k + ": " + String.join("; ", v))).append("</li>"));
            h.append("</ul>");
        }
        h.append("<b>ARN mistakes</b>");
        h.append(arnMistakes.isEmpty() ? "<p>none</p>" : "<ul>");
        arnMistakes.list().forEach(f -> h.append("<li>").append(escape(f.finding() + " — " + f.evidence())).append("</li>"));
        h.append(arnMistakes.isEmpty() ? "" : "</ul>").append("</div>");
        b.put("text/html", h.toString());
        return b;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(caption()).append('\n');
        bucketSettings.forEach(x -> s.append("  ").append(x).append('\n'));
        for (Decision d : decisions) {
            s.append(d.request().action()).append(" on ").append(d.request().resource()).append(": ").append(d.verdict())
                    .append(" — ").append(d.summary()).append('\n');
        }
        vpcEndpoints.forEach((k, v) -> s.append("VPC endpoint ").append(k).append(": ").append(String.join("; ", v)).append('\n'));
        s.append("ARN mistakes: ").append(arnMistakes.size());
        arnMistakes.list().forEach(f -> s.append("\n  ").append(f.finding()));
        return s.toString();
    }
}
