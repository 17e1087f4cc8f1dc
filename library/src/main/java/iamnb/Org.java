package iamnb;

import static iamnb.internal.Html.escape;

import iamnb.model.AccountSnapshot;
import iamnb.model.OrgMember;
import iamnb.model.Organization;
import iamnb.model.Provenance;
import iamnb.source.OrgSnapshotFolder;
import iamnb.source.OrgSnapshotWriter;
import iamnb.source.OrgSnapshots;
import iamnb.source.OrgSource;
import iamnb.source.SnapshotWriter;
import iamnb.table.OrgTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An AWS Organization and its member accounts, as one notebook object. The organization's structure and member
 * list are held in memory; each member's IAM data is loaded when a question needs it and released after, so an
 * organization of a thousand accounts is audited account by account in bounded memory.
 *
 * <pre>{@code
 * var org = Iam.fromOrganizationSnapshot(Path.of("org-2026-11"));
 * org.accounts();                        // one row per member: OU path, status, collected or why not
 * org.account("222222222222").audit().admins();
 * org.save(Path.of("copy"));
 * }</pre>
 *
 * <p>Everything an {@code Org} answers is a pure function of its snapshots, as for {@link Account}.
 */
public final class Org {
    /** How many member accounts stay loaded for {@link #account(String)} between calls. */
    private static final int CACHED_ACCOUNTS = 4;

    private final OrgSource source;
    private final Map<String, Account> recent = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Account> eldest) {
            return size() > CACHED_ACCOUNTS;
        }
    };
    private volatile Provenance provenance;

    public Org(OrgSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Where the accounts come from (a folder, a generated organization). */
    public OrgSource source() {
        return source;
    }

    /** The organization's tree, accounts and Organizations policies. */
    public Organization organization() {
        return source.organization();
    }

    /** The organization id ({@code o-...}). */
    public String id() {
        return organization().id();
    }

    /** The management account's id. */
    public String managementAccountId() {
        return organization().managementAccountId();
    }

    /** Every member, collected or not. */
    public List<OrgMember> members() {
        return source.members();
    }

    /** The member with this id. */
    public Optional<OrgMember> findMember(String accountId) {
        return members().stream().filter(m -> m.accountId().equals(accountId)).findFirst();
    }

    /** The ids of the members whose IAM data was collected, in account id order. */
    public List<String> collectedAccountIds() {
        return members().stream().filter(OrgMember::collected).map(OrgMember::accountId).toList();
    }

    /** One row per member account: account, name, ou_path, status, collected, warning_count, warnings. */
    public Table accounts() {
        return OrgTables.members(members());
    }

    /**
     * One member account, loaded from its snapshot with the organization's SCPs and RCPs in it. A few recently
     * used accounts stay loaded; the others are read again when asked for.
     *
     * @throws InvalidInputException when the id is no member (naming close matches), or it was not collected (with
     *     the reason)
     */
    public Account account(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        synchronized (recent) {
            Account cached = recent.get(accountId);
            if (cached != null) {
                return cached;
            }
        }
        if (findMember(accountId).isEmpty()) {
            throw new InvalidInputException("account " + accountId + " is not a member of organization " + id()
                    + iamnb.internal.Suggestions.hint(accountId, members().stream().map(OrgMember::accountId).toList()));
        }
        Account a = new Account(source.load(accountId), source.description() + " · account " + accountId);
        synchronized (recent) {
            recent.put(accountId, a);
        }
        return a;
    }

    /**
     * Calls {@code action} with each collected member account in turn, loading one at a time and releasing it after,
     * so memory holds one account (plus what {@code action} keeps).
     */
    public void forEachAccount(Consumer<Account> action) {
        for (String id : collectedAccountIds()) {
            Account a;
            synchronized (recent) {
                a = recent.get(id);
            }
            if (a == null) {
                a = new Account(source.load(id), source.description() + " · account " + id);
            }
            action.accept(a);
        }
    }

    // ---- provenance and saving ------------------------------------------------------------------------

    /**
     * Source, the SHA-256 of the whole set (the organization's files and every member's digest) and the instant:
     * two notebooks showing the same digest ran on the same organization. For a folder this is the digest its
     * index records; {@link #verify()} checks the members against it.
     */
    public Provenance provenance() {
        Provenance p = provenance;
        if (p == null) {
            String digest;
            if (source instanceof OrgSnapshotFolder f && !f.recordedSha256().isEmpty()) {
                digest = f.recordedSha256();
            } else {
                digest = OrgSnapshotWriter.setDigest(organization(), withDigests());
            }
            p = new Provenance(source.description(), digest, source.asOf());
            provenance = p;
        }
        return p;
    }

    /** Members with the digest of each collected member's folder, computed from its data. */
    private List<OrgMember> withDigests() {
        List<OrgMember> out = new ArrayList<>();
        for (OrgMember m : members()) {
            out.add(m.collected() ? m.collected(digestOf(m.accountId()), m.warnings()) : m);
        }
        return out;
    }

    private String digestOf(String accountId) {
        AccountSnapshot s = source.load(accountId);
        return new SnapshotWriter().digest(OrgSnapshots.withoutOrganization(s));
    }

    /**
     * Checks every collected member against the digest the index records, one row per member: {@code account},
     * {@code status} ({@code same}, {@code CHANGED}, or {@code no digest recorded} for a set that was never saved),
     * {@code recorded}, {@code actual}. A folder edited by hand (or by a colleague) after it was saved shows
     * {@code CHANGED}; re-save it to record the new digests.
     */
    public Table verify() {
        StringColumn account = StringColumn.create("account");
        StringColumn recorded = StringColumn.create("recorded");
        StringColumn actual = StringColumn.create("actual");
        StringColumn status = StringColumn.create("status");
        for (OrgMember m : members()) {
            if (!m.collected()) {
                continue;
            }
            String now = digestOf(m.accountId());
            account.append(m.accountId());
            recorded.append(m.sha256());
            actual.append(now);
            status.append(m.sha256().isEmpty() ? "no digest recorded" : m.sha256().equals(now) ? "same" : "CHANGED");
        }
        // status before the digests: 64 hex characters each would push it out of sight
        return Table.create("verify", account, status, recorded, actual);
    }

    /**
     * Writes the organization snapshot: {@code organization-snapshot.json}, {@code organization/} and one snapshot
     * folder per collected member under {@code accounts/}, loading one member at a time. {@link
     * Iam#fromOrganizationSnapshot(Path)} reads it back with the same digest.
     *
     * @return the folder, for chaining
     */
    public Path save(Path dir) {
        new OrgSnapshotWriter().write(source, dir);
        return dir;
    }

    // ---- display -------------------------------------------------------------------------------------------

    /** How a notebook shows the organization: a summary line as text, a small table as HTML. */
    public Map<String, Object> toMimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        long collected = members().stream().filter(OrgMember::collected).count();
        StringBuilder html = new StringBuilder("<div class=\"iamnb-org\"><b>AWS Organization ").append(escape(id()))
                .append("</b> · management account ").append(escape(managementAccountId())).append("<br><small>")
                .append(escape(provenance().line())).append("</small><table><tbody>");
        row(html, "member accounts", members().size());
        row(html, "collected", collected);
        row(html, "not collected", members().size() - collected);
        row(html, "organizational units", organization().units().size());
        row(html, "Organizations policies", organization().policies().size());
        html.append("</tbody></table>");
        List<OrgMember> missing = members().stream().filter(m -> !m.collected()).toList();
        if (!missing.isEmpty()) {
            html.append("<details><summary>").append(missing.size()).append(" account(s) not collected</summary><ul>");
            missing.forEach(m -> html.append("<li>").append(escape(m.accountId())).append(' ')
                    .append(escape(m.name())).append(": ").append(escape(String.join("; ", m.warnings())))
                    .append("</li>"));
            html.append("</ul></details>");
        }
        html.append("</div>");
        bundle.put("text/html", html.toString());
        return bundle;
    }

    private static void row(StringBuilder html, String name, long value) {
        html.append("<tr><td style=\"text-align:left\"><div align=\"left\">").append(escape(name))
                .append("</div></td><td style=\"text-align:right\">").append(value).append("</td></tr>");
    }

    @Override
    public String toString() {
        long collected = members().stream().filter(OrgMember::collected).count();
        return "Organization " + id() + " (management account " + managementAccountId() + ") · "
                + provenance().line() + "\n" + members().size() + " member accounts, " + collected + " collected";
    }

    // ---- cross-account access (issue 13 item 4) ---------------------------------------------------------

    private volatile iamnb.org.OrgAccess access;

    /** The cross-account questions of this organization; its trust graph is built once and kept. */
    public iamnb.org.OrgAccess access() {
        iamnb.org.OrgAccess a = access;
        if (a == null) {
            synchronized (this) {
                a = access;
                if (a == null) {
                    a = new iamnb.org.OrgAccess(source);
                    access = a;
                }
            }
        }
        return a;
    }

    /** Every user and role of every collected account that may perform the action on the resource, both sides evaluated. */
    public Table whoCan(String action, String resourceArn) {
        return access().whoCan(action, resourceArn);
    }

    /** {@link #whoCan(String, String)} with context keys every request carries. */
    public Table whoCan(String action, String resourceArn, Map<String, ?> context) {
        return access().whoCan(action, resourceArn, context);
    }

    /** Every assume-role edge of the organization, one row each (built once, in one pass over the accounts). */
    public Table trustGraph() {
        return access().trustGraph().table();
    }

    /** The trust graph drawn: accounts as nodes, edges counted between them. */
    public iamnb.chart.Chart trustGraphChart() {
        return access().trustGraphChart();
    }

    /** Role-chaining paths into the role, shortest first, each hop decided again and explained. */
    public iamnb.org.RolePaths pathsTo(String roleArn) {
        return access().pathsTo(roleArn);
    }

    /** Role-chaining paths into the account's admin-equivalent roles, shortest first. */
    public iamnb.org.RolePaths pathsToAdmin(String accountId) {
        return access().pathsToAdmin(accountId);
    }

    // ---- org-wide audits and export (issue 13 items 3 and 5) -----------------------------------------------------

    /**
     * The audits of every member account, streamed account by account ({@link iamnb.org.OrgAudit}):
     * {@code org.audit().all()}, {@code org.audit().each(Audit::admins)}, {@code org.audit().summary()},
     * {@code org.audit().exportAll(dir, Format.PARQUET)}; {@code .parallelism(2)} and
     * {@code .progress(progressListener())} before them.
     */
    public iamnb.org.OrgAudit audit() {
        return new iamnb.org.OrgAudit(source);
    }

    /**
     * One row per member account with its findings per severity ({@code org.audit().summary()}): every audit of
     * every account and the organization checks, counted; the grand total is in the table's name.
     */
    public Table summary() {
        return audit().summary();
    }
}
