package iamnb.audit;

import static iamnb.internal.Html.escape;

import iamnb.audit.internal.Html;
import iamnb.internal.SafeMarkup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What an audit found: an immutable, sorted list of {@link Finding}s (severity, then principal, then finding),
 * shown in a notebook as a caption ("7 findings (2 critical, 3 high, 2 medium) — admins, as of ...") and a
 * table. {@link #table()} gives a fresh Tablesaw table to keep chaining (joins with {@code acct.users()} on
 * {@code principal}).
 */
public final class Findings {
    /** The columns of {@link #table()}, in order. */
    public static final List<String> COLUMNS = List.of("severity", "principal_type", "principal", "check", "finding",
            "evidence", "remediation");

    private final String title;
    private final Instant asOf;
    private final List<Finding> items;
    private final List<NotChecked> notChecked;

    public Findings(String title, Instant asOf, Collection<Finding> findings) {
        this(title, asOf, findings, List.of());
    }

    /**
     * Findings plus the checks that could not run for lack of data ({@link #notChecked()}): those are named in the
     * caption, never counted as findings.
     */
    public Findings(String title, Instant asOf, Collection<Finding> findings, Collection<NotChecked> notChecked) {
        this.title = Objects.requireNonNull(title, "title");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.items = findings.stream().distinct().sorted(Finding.ORDER).toList();
        this.notChecked = notChecked.stream().distinct().toList();
    }

    public String title() {
        return title;
    }

    public Instant asOf() {
        return asOf;
    }

    /** The findings, sorted. */
    public List<Finding> list() {
        return items;
    }

    /** The checks that did not run because the snapshot lacks their data, each saying which file to add. */
    public List<NotChecked> notChecked() {
        return notChecked;
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The findings as a Tablesaw table with {@link #COLUMNS}. */
    public Table table() {
        List<StringColumn> cols = COLUMNS.stream().map(StringColumn::create).toList();
        for (Finding f : items) {
            cols.get(0).append(f.severity().name());
            cols.get(1).append(f.principalType());
            cols.get(2).append(f.principal());
            cols.get(3).append(f.check());
            cols.get(4).append(f.finding());
            cols.get(5).append(f.evidence());
            cols.get(6).append(f.remediation());
        }
        return Table.create(title, cols.toArray(StringColumn[]::new));
    }

    /** The findings that satisfy a predicate, e.g. {@code f -> f.check().startsWith("PRIVESC")}. */
    public Findings where(Predicate<Finding> predicate) {
        return new Findings(title, asOf, items.stream().filter(predicate).toList(), notChecked);
    }

    /** The findings of exactly these severities. */
    public Findings bySeverity(Severity... severities) {
        Set<Severity> want = Set.of(severities);
        return where(f -> want.contains(f.severity()));
    }

    /** The findings at least this urgent ({@code atLeast(HIGH)} keeps CRITICAL and HIGH). */
    public Findings atLeast(Severity severity) {
        return where(f -> f.severity().atLeast(severity));
    }

    /** The findings about one principal (name as in the principal column). */
    public Findings forPrincipal(String principal) {
        return where(f -> f.principal().equals(principal));
    }

    /** The findings of one check id, or of every check id starting with this prefix followed by "-". */
    public Findings check(String checkOrPrefix) {
        return where(f -> f.check().equals(checkOrPrefix) || f.check().startsWith(checkOrPrefix + "-"));
    }

    /** The principals with at least one finding, in table order without repeats. */
    public List<String> principals() {
        Set<String> out = new LinkedHashSet<>();
        items.forEach(f -> out.add(f.principal()));
        return List.copyOf(out);
    }

    /** How many findings per severity, most urgent first (severities without findings are left out). */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> c = new EnumMap<>(Severity.class);
        items.forEach(f -> c.merge(f.severity(), 1, Integer::sum));
        return new LinkedHashMap<>(c);
    }

    /** Counts per severity as a table (severity, findings), every severity listed. */
    public Table countsTable() {
        StringColumn sev = StringColumn.create("severity");
        tech.tablesaw.api.IntColumn n = tech.tablesaw.api.IntColumn.create("findings");
        Map<Severity, Integer> c = counts();
        for (Severity s : Severity.values()) {
            sev.append(s.name());
            n.append(c.getOrDefault(s, 0));
        }
        return Table.create(title + " by severity", sev, n);
    }

    /** These findings and the others', under a new title. */
    public Findings plus(String newTitle, Findings... others) {
        List<Finding> all = new ArrayList<>(items);
        List<NotChecked> unknown = new ArrayList<>(notChecked);
        for (Findings o : others) {
            all.addAll(o.items);
            unknown.addAll(o.notChecked);
        }
        return new Findings(newTitle, asOf, all, unknown);
    }

    /**
     * "7 findings (2 critical, 3 high, 2 medium) — admins, as of 2026-11-01T00:00:00Z", followed by "; not checked:
     * ..." when checks lacked their data.
     */
    public String caption() {
        String counts = counts().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().lowerCase())
                .collect(Collectors.joining(", "));
        return items.size() + (items.size() == 1 ? " finding" : " findings") + (counts.isEmpty() ? "" : " (" + counts + ")")
                + " — " + title + ", as of " + asOf + (notChecked.isEmpty() ? ""
                        : "; not checked: " + notChecked.stream().map(NotChecked::toString).collect(Collectors.joining("; ")));
    }

    private List<List<String>> rows() {
        return items.stream().map(f -> List.of(f.severity().name(), f.principalType(), f.principal(), f.check(),
                f.finding(), f.evidence(), f.remediation())).toList();
    }

    /** text/plain (caption, then the table) and text/html (caption and a table with coloured severities). */
    public Map<String, Object> toMimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        StringBuilder html = new StringBuilder("<div class=\"iamnb-findings\"><p><b>").append(escape(caption()))
                .append("</b></p>");
        if (!items.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Finding f : items) {
                rows.add(List.of(Html.severityBadge(f.severity()), escape(f.principalType()),
                        "<b>" + escape(f.principal()) + "</b>", "<code>" + escape(f.check()) + "</code>",
                        SafeMarkup.breakable(escape(f.finding())), "<small>" + SafeMarkup.breakable(escape(f.evidence())) + "</small>",
                        SafeMarkup.breakable(escape(f.remediation()))));
            }
            html.append(Html.rawTable(COLUMNS, rows));
        }
        bundle.put("text/html", html.append("</div>").toString());
        return bundle;
    }

    @Override
    public String toString() {
        return items.isEmpty() ? caption() : caption() + "\n" + Html.text(COLUMNS, rows(), 70);
    }
}
