package iamnb.org;

import iamnb.IamnbException;
import iamnb.InvalidInputException;
import iamnb.audit.Audit;
import iamnb.audit.Check;
import iamnb.audit.Finding;
import iamnb.audit.Findings;
import iamnb.audit.Severity;
import iamnb.model.AccountSnapshot;
import iamnb.model.AccountView;
import iamnb.model.OrgMember;
import iamnb.policy.AccountSimulator;
import iamnb.source.OrgSource;
import iamnb.source.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The audits of every member account of an organization, streamed: accounts are loaded one at a time (or a few
 * at once, see {@link #parallelism(int)}), audited, and released, so only their findings stay in memory, and
 * {@link #exportAll(Path, Format)} does not even keep those. Results are tables with the account, its name and OU
 * path before the usual findings columns ({@link AccountFindings#COLUMNS}), in account id order.
 *
 * <pre>{@code
 * var audit = org.audit().progress(progressListener());   // a bar per account in a notebook
 * audit.all();                                             // every audit of every account, plus the org checks
 * audit.each(Audit::admins);                               // one audit across the organization
 * audit.summary();                                         // accounts × severity
 * audit.exportAll(Path.of("findings"), Format.PARQUET);   // findings/account=ID/part-0.parquet
 * }</pre>
 *
 * <p>Organization checks ({@code ORG-*}) join {@link #all()}: SCP coverage ({@link ScpCoverage}), from the
 * organization's structure, and each account's cross-account trusts ({@link CrossAccountTrust}). A member that was
 * not collected, or whose snapshot cannot be read, is one {@code ORG-ACCOUNT-NOT-AUDITED} row saying why, never a
 * lost run.
 */
public final class OrgAudit {
    /** The most accounts audited at once; each loaded account costs its snapshot and compiled policies. */
    public static final int MAX_PARALLELISM = 8;

    private final OrgSource source;
    private final int parallelism;
    private final ProgressListener progress;

    /** Audits of {@code source}'s members, one account at a time, without progress reports. */
    public OrgAudit(OrgSource source) {
        this(source, 1, ProgressListener.NONE);
    }

    private OrgAudit(OrgSource source, int parallelism, ProgressListener progress) {
        this.source = Objects.requireNonNull(source, "source");
        this.parallelism = parallelism;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * The same audit with up to {@code n} accounts loaded and audited at once (1 to {@value #MAX_PARALLELISM});
     * results keep account id order whatever finishes first.
     */
    public OrgAudit parallelism(int n) {
        if (n < 1 || n > MAX_PARALLELISM) {
            throw new InvalidInputException("parallelism must be between 1 and " + MAX_PARALLELISM + ", got " + n);
        }
        return new OrgAudit(source, n, progress);
    }

    /** The same audit reporting each account done to {@code listener} (phase {@code "audit accounts"}). */
    public OrgAudit progress(ProgressListener listener) {
        return new OrgAudit(source, parallelism, listener);
    }

    // ---- tables ---------------------------------------------------------------------------------------------

    /** Every account's {@code Audit.all()} findings and the organization checks, in one table. */
    public Table all() {
        return collect("organization audit", Audit::all, true);
    }

    /**
     * One audit run on every account, e.g. {@code each(Audit::admins)} or {@code each(a -> a.unused(
     * Duration.ofDays(30)))}: its findings in one table with the account columns. No organization checks.
     */
    public Table each(Function<Audit, Findings> audit) {
        return collect("organization audit", audit, false);
    }

    /** {@code Audit.admins()} in every account. */
    public Table admins() {
        return collect("admins across the organization", Audit::admins, false);
    }

    /** {@code Audit.wideTrust()} in every account (trusts outside the organization included, as members know it). */
    public Table wideTrust() {
        return collect("wide trust across the organization", Audit::wideTrust, false);
    }

    /** {@code Audit.keys()} in every account. */
    public Table keys() {
        return collect("access keys across the organization", Audit::keys, false);
    }

    /** {@code Audit.unused(threshold)} in every account. */
    public Table unused(Duration threshold) {
        return collect("unused principals across the organization", a -> a.unused(threshold), false);
    }

    /** {@code Audit.mfa()} in every account. */
    public Table mfa() {
        return collect("MFA across the organization", Audit::mfa, false);
    }

    /** Only the organization checks ({@code ORG-*}): SCP coverage and cross-account trusts. */
    public Table organizationChecks() {
        return collect("organization checks", a -> new Findings("organization checks", a.account().asOf(), List.of()), true);
    }

    /** Only SCP coverage ({@code ORG-SCP-*}), from the organization's structure: no account is loaded. */
    public Table scpCoverage() {
        Table t = AccountFindings.emptyTable("SCP coverage");
        Map<String, List<Finding>> byAccount = new ScpCoverage(source.organization()).findingsByAccount();
        for (OrgMember m : source.members()) {
            List<Finding> f = byAccount.getOrDefault(m.accountId(), List.of());
            if (!f.isEmpty()) {
                new AccountFindings(m, new Findings("SCP coverage", source.asOf(), f)).appendTo(t);
            }
        }
        return t;
    }

    /**
     * One row per member account with its {@link #all()} findings per severity and in total: {@code account},
     * {@code account_name}, {@code ou_path}, {@code critical} ... {@code info}, {@code total}. The grand total is in
     * the table's name, not in a row that would dwarf every account in a chart or a sort.
     */
    public Table summary() {
        Table counts = summaryTable();
        stream(Audit::all, true, r -> addSummaryRow(counts, r));
        return named(counts);
    }

    /**
     * {@link #summary()} of a findings table already computed ({@link #all()} or {@link #each}), without auditing
     * again; only accounts with at least one finding have a row.
     */
    public static Table summaryOf(Table findings) {
        for (String c : List.of("account", "account_name", "ou_path", "severity")) {
            if (!findings.columnNames().contains(c)) {
                throw new InvalidInputException("table \"" + findings.name() + "\" has no \"" + c + "\" column; "
                        + "give a table of org.audit() (its columns are " + AccountFindings.COLUMNS + ")");
            }
        }
        Map<String, Integer> firstRow = new java.util.LinkedHashMap<>();
        Map<String, int[]> perAccount = new java.util.HashMap<>();
        for (int i = 0; i < findings.rowCount(); i++) {
            String account = findings.stringColumn("account").get(i);
            firstRow.putIfAbsent(account, i);
            int[] n = perAccount.computeIfAbsent(account, k -> new int[Severity.values().length]);
            n[Severity.valueOf(findings.stringColumn("severity").get(i)).ordinal()]++;
        }
        Table counts = summaryTable();
        firstRow.forEach((account, row) -> {
            counts.stringColumn("account").append(account);
            counts.stringColumn("account_name").append(findings.stringColumn("account_name").get(row));
            counts.stringColumn("ou_path").append(findings.stringColumn("ou_path").get(row));
            int total = 0;
            for (Severity s : Severity.values()) {
                int n = perAccount.get(account)[s.ordinal()];
                counts.intColumn(s.lowerCase()).append(n);
                total += n;
            }
            counts.intColumn("total").append(total);
        });
        return named(counts);
    }

    private static Table summaryTable() {
        Table t = Table.create("summary", StringColumn.create("account"), StringColumn.create("account_name"),
                StringColumn.create("ou_path"));
        for (Severity s : Severity.values()) {
            t.addColumns(IntColumn.create(s.lowerCase()));
        }
        return t.addColumns(IntColumn.create("total"));
    }

    private static void addSummaryRow(Table t, AccountFindings r) {
        t.stringColumn("account").append(r.member().accountId());
        t.stringColumn("account_name").append(r.member().name());
        t.stringColumn("ou_path").append(r.member().ouPath());
        Map<Severity, Integer> c = r.findings().counts();
        for (Severity s : Severity.values()) {
            t.intColumn(s.lowerCase()).append(c.getOrDefault(s, 0));
        }
        t.intColumn("total").append(r.findings().size());
    }

    private static Table named(Table counts) {
        String perSeverity = java.util.Arrays.stream(Severity.values())
                .filter(s -> counts.intColumn(s.lowerCase()).sum() > 0)
                .map(s -> (long) counts.intColumn(s.lowerCase()).sum() + " " + s.lowerCase())
                .collect(Collectors.joining(", "));
        return counts.setName("organization audit summary — " + counts.rowCount() + " accounts, total "
                + (long) counts.intColumn("total").sum() + (perSeverity.isEmpty() ? "" : " (" + perSeverity + ")"));
    }

    // ---- export -----------------------------------------------------------------------------------------------

    /**
     * Audits every account as {@link #all()} does and writes each account's findings as soon as it is audited, so
     * no more than one account's findings (per parallel worker) are ever in memory: Parquet under
     * {@code dir/account=ID/part-0.parquet} (every audited account gets its partition, an empty one when clean),
     * or JSON Lines in {@code dir/findings.jsonl}.
     *
     * @param dir a new or empty folder
     * @return the folder (Parquet) or the file (JSON Lines) written
     */
    public Path exportAll(Path dir, Format format) {
        return export(dir, format, Audit::all, true);
    }

    /** {@link #exportAll(Path, Format)} for one audit, e.g. {@code export(dir, Format.PARQUET, Audit::admins)}. */
    public Path export(Path dir, Format format, Function<Audit, Findings> audit) {
        return export(dir, format, audit, false);
    }

    private Path export(Path dir, Format format, Function<Audit, Findings> audit, boolean orgChecks) {
        Path target = format == Format.PARQUET ? dir : dir.resolve("findings.jsonl");
        if (format == Format.JSON_LINES) {
            TableSink.requireFresh(dir);
        }
        try (TableSink sink = TableSink.of(format, target)) {
            stream(audit, orgChecks, r -> sink.writeAccount(r.member().accountId(), r.table()));
        }
        return target;
    }

    // ---- the streaming core --------------------------------------------------------------------------------

    /**
     * Runs {@code audit} on each member in account id order and hands each account's findings to {@code sink} as
     * soon as that account (and every account before it) is done; with {@code orgChecks}, the organization checks
     * about the account are added. The account itself is released before the next one is loaded (or, with
     * parallelism n, while at most n are in flight).
     */
    public void stream(Function<Audit, Findings> audit, boolean orgChecks, Consumer<AccountFindings> sink) {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(sink, "sink");
        List<OrgMember> members = source.members();
        Map<String, List<Finding>> scp = orgChecks ? new ScpCoverage(source.organization()).findingsByAccount() : Map.of();
        AtomicInteger done = new AtomicInteger();
        progress.started("audit accounts", members.size());
        Consumer<AccountFindings> deliver = r -> {
            sink.accept(r);
            progress.advanced("audit accounts", done.incrementAndGet());
        };
        if (parallelism == 1) {
            for (OrgMember m : members) {
                deliver.accept(auditOne(m, audit, orgChecks, scp));
            }
        } else {
            runParallel(members, audit, orgChecks, scp, deliver);
        }
        progress.finished("audited " + done.get() + " accounts");
    }

    private void runParallel(List<OrgMember> members, Function<Audit, Findings> audit, boolean orgChecks,
                             Map<String, List<Finding>> scp, Consumer<AccountFindings> deliver) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "iamnb-org-audit-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Deque<Future<AccountFindings>> inFlight = new ArrayDeque<>();
        try {
            for (OrgMember m : members) {
                inFlight.add(pool.submit(() -> auditOne(m, audit, orgChecks, scp)));
                if (inFlight.size() >= parallelism) {
                    deliver.accept(await(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty()) {
                deliver.accept(await(inFlight.poll()));
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    private static AccountFindings await(Future<AccountFindings> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IamnbException("organization audit interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IamnbException("organization audit failed: " + cause, cause);
        }
    }

    /** Loads, audits and releases one member; what goes wrong with it becomes a finding about it. */
    private AccountFindings auditOne(OrgMember m, Function<Audit, Findings> audit, boolean orgChecks,
                                     Map<String, List<Finding>> scp) {
        String title = "organization audit";
        List<Finding> extra = new ArrayList<>(scp.getOrDefault(m.accountId(), List.of()));
        if (!m.collected()) {
            extra.add(notAudited(m, Check.ORG_ACCOUNT_NOT_AUDITED.severity(), "account " + m.accountId()
                    + " was not collected, so none of its IAM data was audited",
                    String.join("; ", m.warnings()), "Collect it again (its role or access may be fixed by now)."));
            return new AccountFindings(m, new Findings(title, source.asOf(), extra));
        }
        try {
            AccountSnapshot snapshot = source.load(m.accountId());
            AccountView view = new AccountView(snapshot, source.description() + " · account " + m.accountId());
            AccountSimulator sim = new AccountSimulator(view);
            Findings found = audit.apply(new Audit(view, sim));
            if (orgChecks) {
                found = found.plus(title, new CrossAccountTrust(view, sim, source.organization()).run());
            }
            return new AccountFindings(m, found.plus(title, new Findings(title, found.asOf(), extra)));
        } catch (IamnbException | java.io.UncheckedIOException e) {
            extra.add(notAudited(m, Severity.MEDIUM, "the snapshot of account " + m.accountId()
                    + " could not be read, so it was not audited", e.getMessage(),
                    "Check or re-collect the account's folder; org.verify() compares it with the recorded digest."));
            return new AccountFindings(m, new Findings(title, source.asOf(), extra));
        }
    }

    private static Finding notAudited(OrgMember m, Severity severity, String finding, String evidence, String fix) {
        return new Finding(severity, "account", m.name().isEmpty() ? m.accountId() : m.accountId() + " (" + m.name() + ")",
                Check.ORG_ACCOUNT_NOT_AUDITED.id(), finding, evidence, fix);
    }

    private Table collect(String title, Function<Audit, Findings> audit, boolean orgChecks) {
        Table t = AccountFindings.emptyTable(title);
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        stream(audit, orgChecks, r -> {
            r.appendTo(t);
            r.findings().counts().forEach((s, n) -> counts.merge(s, n, Integer::sum));
        });
        String perSeverity = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().lowerCase())
                .collect(Collectors.joining(", "));
        return t.setName(title + " — " + t.rowCount() + " findings" + (perSeverity.isEmpty() ? "" : " (" + perSeverity + ")")
                + " in " + source.members().size() + " accounts, as of " + source.asOf());
    }
}
