package iamnb.audit;

import iamnb.model.AccountView;
import iamnb.model.AnalyzerFinding;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** IAM Access Analyzer's active findings, as findings and as the seed's table (resource, type, external principal). */
final class AnalyzerAudit {
    private final AccountView acct;

    AnalyzerAudit(AccountView acct) {
        this.acct = acct;
    }

    Findings run() {
        List<Finding> out = new ArrayList<>();
        for (AnalyzerFinding f : acct.snapshot().analyzerFindings()) {
            if (!f.isActive()) {
                continue;
            }
            boolean unused = f.findingType().startsWith("Unused");
            boolean pub = f.isPublic().orElse(false);
            Severity sev = pub ? Severity.HIGH : unused ? Severity.LOW : Severity.MEDIUM;
            String name = f.resource().substring(Math.max(f.resource().lastIndexOf('/'), f.resource().lastIndexOf(':')) + 1);
            String type = f.resourceType().replace("AWS::", "").replace("::", " ").toLowerCase(java.util.Locale.ROOT);
            out.add(new Finding(sev, type, name, Check.ANALYZER.member(f.findingType().isEmpty() ? "EXTERNAL" : f.findingType()),
                    unused ? "Access Analyzer: " + f.findingType()
                            : "Access Analyzer: " + (pub ? "public" : "external") + " access by " + f.principal() + " to " + f.actions(),
                    "finding " + f.id() + " on " + f.resource() + (f.condition().isEmpty() ? "" : " with conditions " + f.condition())
                            + f.createdAt().map(t -> ", created " + t).orElse(""),
                    unused ? "Remove the unused role, key or permission, or archive the finding with a reason."
                            : "If the access is not intended, fix the resource's policy; otherwise archive the finding with a reason."));
        }
        // No finding at all, active or archived, is what a snapshot without access-analyzer-findings.json looks like
        List<NotChecked> unknown = acct.snapshot().analyzerFindings().isEmpty()
                ? List.of(new NotChecked(Check.ANALYZER.id(), "account", "the snapshot holds no Access Analyzer findings: unknown"
                        + " — add access-analyzer-findings.json (aws accessanalyzer list-findings-v2 --analyzer-arn ARN)"))
                : List.of();
        return new Findings("Access Analyzer", acct.asOf(), out, unknown);
    }

    /** The seed's query: active findings with resource, type, external principal, plus actions and finding type. */
    Table table() {
        StringColumn resource = StringColumn.create("resource");
        StringColumn type = StringColumn.create("type");
        StringColumn external = StringColumn.create("external");
        StringColumn actions = StringColumn.create("actions");
        StringColumn findingType = StringColumn.create("finding_type");
        StringColumn id = StringColumn.create("id");
        for (AnalyzerFinding f : acct.snapshot().analyzerFindings()) {
            if (f.isActive()) {
                resource.append(f.resource());
                type.append(f.resourceType());
                external.append(f.principal().isEmpty() ? "" : f.principal().toString());
                actions.append(String.join(", ", f.actions()));
                findingType.append(f.findingType());
                id.append(f.id());
            }
        }
        return Table.create("Access Analyzer active findings", resource, type, external, actions, findingType, id);
    }
}
