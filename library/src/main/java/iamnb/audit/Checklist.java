package iamnb.audit;

import static iamnb.internal.Html.escape;

import iamnb.audit.internal.Html;
import iamnb.internal.SafeMarkup;
import iamnb.policy.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A pass/fail checklist: one row per requirement (break-glass role, IRSA set-up, boundary verification), with
 * the evidence and what to do when it fails. Requirements IAM data cannot prove (alerting, runbook documents)
 * are listed as {@link CheckStatus#MANUAL} with what a person must verify. Rows keep the order they were
 * checked in, which is the order of the runbook.
 */
public final class Checklist {
    /**
     * One requirement.
     *
     * @param id a stable id such as {@code BG-MFA}
     * @param requirement what must hold, in words
     * @param status the result
     * @param evidence how we know (policy, statement, decision), or what to verify for MANUAL rows
     * @param remediation what to do when it does not hold
     * @param decision the policy engine's decision behind the row, when one was simulated
     */
    public record Item(String id, String requirement, CheckStatus status, String evidence, String remediation,
                       Optional<Decision> decision) {
        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(requirement, "requirement");
            Objects.requireNonNull(status, "status");
            evidence = evidence == null ? "" : evidence;
            remediation = remediation == null || status == CheckStatus.PASS ? "" : remediation;
            Objects.requireNonNull(decision, "decision");
        }

        public static Item of(String id, String requirement, CheckStatus status, String evidence, String remediation) {
            return new Item(id, requirement, status, evidence, remediation, Optional.empty());
        }

        public Item withDecision(Decision d) {
            return new Item(id, requirement, status, evidence, remediation, Optional.ofNullable(d));
        }
    }

    public static final List<String> COLUMNS = List.of("id", "requirement", "status", "evidence", "remediation");

    private final String title;
    private final String subject;
    private final String subjectType;
    private final Instant asOf;
    private final List<Item> items;

    /**
     * @param title e.g. "break-glass role break-glass-admin"
     * @param subjectType what the checklist is about ({@code role}, ...), for {@link #asFindings}
     * @param subject its name
     */
    public Checklist(String title, String subjectType, String subject, Instant asOf, List<Item> items) {
        this.title = Objects.requireNonNull(title, "title");
        this.subjectType = Objects.requireNonNull(subjectType, "subjectType");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.items = List.copyOf(items);
    }

    public String title() {
        return title;
    }

    public List<Item> items() {
        return items;
    }

    /** The row with this id. */
    public Optional<Item> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The status of the row with this id; throws naming the ids when there is none. */
    public CheckStatus status(String id) {
        return item(id).map(Item::status).orElseThrow(() -> new iamnb.InvalidInputException("checklist \"" + title
                + "\" has no requirement " + id + "; its ids are " + items.stream().map(Item::id).toList()));
    }

    public List<Item> failed() {
        return items.stream().filter(i -> i.status() == CheckStatus.FAIL).toList();
    }

    /** True when no requirement failed (MANUAL, WARN and NOT_CHECKED rows do not fail the checklist). */
    public boolean passed() {
        return failed().isEmpty();
    }

    public Map<CheckStatus, Integer> counts() {
        Map<CheckStatus, Integer> c = new EnumMap<>(CheckStatus.class);
        items.forEach(i -> c.merge(i.status(), 1, Integer::sum));
        return c;
    }

    /** The rows as a Tablesaw table: id, requirement, status, evidence, remediation. */
    public Table table() {
        List<StringColumn> cols = COLUMNS.stream().map(StringColumn::create).toList();
        for (Item i : items) {
            cols.get(0).append(i.id());
            cols.get(1).append(i.requirement());
            cols.get(2).append(i.status().name());
            cols.get(3).append(i.evidence());
            cols.get(4).append(i.remediation());
        }
        return Table.create(title, cols.toArray(StringColumn[]::new));
    }

    /** FAIL rows as findings of {@code failSeverity}, WARN rows one level lower; for {@code audit().all()}. */
    public Findings asFindings(String checkPrefix, Severity failSeverity) {
        List<Finding> out = new ArrayList<>();
        Severity warn = Severity.values()[Math.min(Severity.INFO.ordinal(), failSeverity.ordinal() + 1)];
        for (Item i : items) {
            if (i.status() == CheckStatus.FAIL || i.status() == CheckStatus.WARN) {
                out.add(new Finding(i.status() == CheckStatus.FAIL ? failSeverity : warn, subjectType, subject,
                        checkPrefix + "-" + i.id(), (i.status() == CheckStatus.FAIL ? "fails: " : "weak: ") + i.requirement(),
                        i.evidence(), i.remediation()));
            }
        }
        return new Findings(title, asOf, out);
    }

    /** "break-glass role break-glass-admin: 5 PASS, 1 FAIL, 3 MANUAL". */
    public String caption() {
        return title + ": " + counts().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name())
                .collect(Collectors.joining(", ")) + " (as of " + asOf + ")";
    }

    private List<List<String>> rows() {
        return items.stream().map(i -> List.of(i.id(), i.requirement(), i.status().name(), i.evidence(), i.remediation()))
                .toList();
    }

    public Map<String, Object> toMimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        StringBuilder md = new StringBuilder("**").append(caption()).append("**\n\n| id | requirement | status | evidence | remediation |\n|---|---|---|---|---|\n");
        for (Item i : items) {
            md.append("| ").append(cell(i.id())).append(" | ").append(cell(i.requirement())).append(" | **")
                    .append(i.status()).append("** | ").append(cell(i.evidence())).append(" | ")
                    .append(cell(i.remediation())).append(" |\n");
        }
        bundle.put("text/markdown", md.toString());
        List<List<String>> rows = new ArrayList<>();
        for (Item i : items) {
            rows.add(List.of(escape(i.id()), SafeMarkup.breakable(escape(i.requirement())),
                    Html.statusBadge(i.status().name()),
                    "<small>" + SafeMarkup.breakable(escape(i.evidence())) + "</small>",
                    SafeMarkup.breakable(escape(i.remediation()))));
        }
        StringBuilder html = new StringBuilder("<div class=\"iamnb-checklist\"><p><b>").append(escape(caption()))
                .append("</b></p>");
        html.append(Html.rawTable(COLUMNS, rows)).append("</div>");
        bundle.put("text/html", html.toString());
        return bundle;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    @Override
    public String toString() {
        return caption() + "\n" + Html.text(COLUMNS, rows(), 70);
    }
}
