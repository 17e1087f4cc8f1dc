package iamnb;

import static iamnb.internal.Html.escape;

import iamnb.audit.Audit;
import iamnb.model.AccountSnapshot;
import iamnb.model.AccountView;
import iamnb.model.Provenance;
import iamnb.policy.AccountSimulator;
import iamnb.policy.Decision;
import iamnb.policy.Request;
import iamnb.source.SnapshotWriter;
import iamnb.table.AccountTables;
import iamnb.table.CredentialReportTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * The account a notebook works on: the look-ups of {@link AccountView} (one immutable snapshot, indexed) plus the
 * fluent verbs built on the layers below: policy simulation, audits, tables, saving and provenance. Everything an
 * {@code Account} answers is a pure function of its snapshot (ages are computed against {@link #asOf()}, never the
 * wall clock), so the same snapshot gives the same answers cell after cell, machine after machine.
 *
 * <pre>{@code
 * var acct = Iam.demo();
 * acct.user("svc-deploy").accessKeys();
 * acct.role("cross-account-deploy").trustPolicy();
 * acct.policy("AdministratorAccess").document();
 * acct.simulate("app-role", "s3:PutObject", "arn:aws:s3:::prod-data/uploads/x");
 * acct.audit().admins();
 * }</pre>
 *
 * <p>The account owns one {@link AccountSimulator}, made on first use: {@code simulate}, {@code whoCan},
 * {@code canDo} and every {@link #audit()} share it, so each policy is compiled once per account.
 *
 * <p>Look-ups that must succeed ({@link #user}, {@link #role}, {@link #group}, {@link #policy}) throw
 * {@link InvalidInputException} naming close matches; the {@code find*} variants return {@link java.util.Optional}.
 */
public final class Account extends AccountView {
    private volatile Provenance provenance;
    private volatile AccountSimulator simulator;

    /**
     * @param snapshot the account's data
     * @param source how it was obtained, for {@link #provenance()}: {@code demo}, {@code snapshot DIR}, ...
     */
    public Account(AccountSnapshot snapshot, String source) {
        super(snapshot, source);
    }

    // ---- provenance and saving ------------------------------------------------------------------------

    /**
     * Source, SHA-256 of the canonical saved form, and instant: two notebooks showing the same digest ran on
     * the same data. Computed once, on first use (it renders the snapshot in memory).
     */
    public Provenance provenance() {
        Provenance p = provenance;
        if (p == null) {
            p = new Provenance(source(), new SnapshotWriter().digest(snapshot()), asOf());
            provenance = p;
        }
        return p;
    }

    /**
     * Writes the account as a snapshot folder in the AWS CLI's formats; {@code Iam.fromSnapshot(dir)} reads it
     * back equal. Never writes a secret. An existing snapshot folder is replaced; another non-empty folder is
     * refused.
     *
     * @return the folder, for chaining
     */
    public Path save(Path dir) {
        new SnapshotWriter().write(snapshot(), dir);
        return dir;
    }

    // ---- policy simulation (delegates to iamnb.policy.AccountSimulator) --------------------------------------

    /** The policy simulator of this account; policies are compiled once and reused by every call. */
    public AccountSimulator simulator() {
        AccountSimulator s = simulator;
        if (s == null) {
            s = new AccountSimulator(this);
            simulator = s;
        }
        return s;
    }

    /**
     * Evaluates a request by a user or role (name or ARN) with every policy layer the account knows, and
     * explains the decision: {@code acct.simulate("app-role", "s3:PutObject", "arn:aws:s3:::prod-data/uploads/x")}.
     */
    public Decision simulate(String principal, String action, String resource) {
        return simulator().simulate(principal, action, resource);
    }

    /** {@link #simulate(String, String, String)} with context keys (strings, numbers, booleans or lists). */
    public Decision simulate(String principal, String action, String resource, Map<String, ?> context) {
        return simulator().simulate(principal, action, resource, context);
    }

    public Decision simulate(Request request) {
        return simulator().simulate(request);
    }

    /**
     * Discovery mode: {@link #simulate(String, String, String)} when the context is unknown, so the decision says
     * which keys not given would change it: {@code acct.discover("carol", "iam:CreateRole", roleArn).dependsOnKeys()}.
     */
    public Decision discover(String principal, String action, String resource) {
        return simulator().discover(principal, action, resource);
    }

    /** Every layer of a request, in order, with the one that denied and what to fix. */
    public Decision explainDenied(Request request) {
        return simulator().explainDenied(request);
    }

    /** Every user and role (and outside principal named by the resource's policy) allowed to do it, as a table. */
    public Table whoCan(String action, String resource) {
        return simulator().whoCan(action, resource);
    }

    public Table whoCan(String action, String resource, Map<String, ?> context) {
        return simulator().whoCan(action, resource, context);
    }

    /** One row per action: whether the principal can do it on any resource ("*"). */
    public Table canDo(String principal, String... actions) {
        return simulator().canDo(principal, actions);
    }

    // ---- tables (Tablesaw; a fresh table per call, joinable on user / role / group / policy_arn) ----------

    /**
     * IAM's credential report with typed columns (times as instants, booleans as booleans, special values as
     * missing with the reason in {@code <column>_note}), {@code is_root}, and ages in days as of {@link #asOf()}:
     * {@code key_1_age_days}, {@code key_2_age_days}, {@code password_days_since_use},
     * {@code key_1_days_since_use}, {@code key_2_days_since_use}. Empty (same columns) when the source had no report.
     */
    public Table credentialReport() {
        return CredentialReportTable.of(snapshot().credentialReport(), asOf());
    }

    /** One row per user, keyed by {@code user}. */
    public Table users() {
        return AccountTables.users(snapshot());
    }

    /** One row per role, keyed by {@code role}, with trust summary and last use. */
    public Table roles() {
        return AccountTables.roles(snapshot());
    }

    /** One row per group, keyed by {@code group}, with members. */
    public Table groups() {
        return AccountTables.groups(snapshot());
    }

    /** One row per managed policy, keyed by {@code policy_arn}. */
    public Table policies() {
        return AccountTables.policies(snapshot());
    }

    /** One row per access key: user, access_key_id, status, created, age_days, last_used, service, days_since_use. */
    public Table accessKeys() {
        return AccountTables.accessKeys(snapshot());
    }

    /** Every policy applying to every principal: principal_type, principal, policy_name, policy_arn, via, kind. */
    public Table attachments() {
        return AccountTables.attachments(snapshot());
    }

    // ---- audits --------------------------------------------------------------------------------------------

    /**
     * The audits of this account: admins, wide trust, unused principals, keys, MFA, break-glass, boundaries,
     * IRSA, S3 access, Access Denied, Access Analyzer, and {@code all()}. A new {@link Audit} per call, on the
     * account's one simulator, so an audit compiles no policy that {@link #simulate} has compiled already.
     */
    public Audit audit() {
        return new Audit(this, simulator());
    }

    // ---- display -------------------------------------------------------------------------------------------

    /** Counts of what the account holds, in display order. */
    public Map<String, Integer> counts() {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("users", snapshot().users().size());
        c.put("groups", snapshot().groups().size());
        c.put("roles", snapshot().roles().size());
        c.put("managed policies", snapshot().policies().size());
        c.put("OIDC providers", snapshot().oidcProviders().size());
        c.put("SAML providers", snapshot().samlProviders().size());
        c.put("buckets", snapshot().buckets().size());
        c.put("VPC endpoints", snapshot().vpcEndpoints().size());
        c.put("organization accounts", snapshot().organization().map(o -> o.accounts().size()).orElse(0));
        c.put("Access Analyzer findings", snapshot().analyzerFindings().size());
        c.put("CloudTrail events", snapshot().cloudTrailEvents().size());
        c.put("credential report rows", snapshot().credentialReport().map(r -> r.rows().size()).orElse(0));
        return c;
    }

    /** How a notebook shows the account: a one-line summary as text, a small table as HTML. */
    public Map<String, Object> toMimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"iamnb-account\"><b>AWS account ").append(escape(accountId()))
                .append(alias().isEmpty() ? "" : " (" + escape(alias()) + ")").append("</b><br><small>")
                .append(escape(provenance().line())).append("</small>")
                .append("<table><tbody>");
        counts().forEach((k, v) -> html.append("<tr><td style=\"text-align:left\"><div align=\"left\">").append(escape(k))
                .append("</div></td><td style=\"text-align:right\">")
                .append(v).append("</td></tr>"));
        html.append("</tbody></table>");
        if (!warnings().isEmpty()) {
            html.append("<details><summary>").append(warnings().size()).append(" warning(s)</summary><ul>");
            warnings().forEach(w -> html.append("<li>").append(escape(w)).append("</li>"));
            html.append("</ul></details>");
        }
        html.append("</div>");
        bundle.put("text/html", html.toString());
        return bundle;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Account ").append(accountId())
                .append(alias().isEmpty() ? "" : " (" + alias() + ")")
                .append(" · ").append(provenance().line()).append('\n');
        s.append(counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        if (!warnings().isEmpty()) {
            s.append('\n').append(warnings().size()).append(" warning(s): ").append(String.join("; ", warnings()));
        }
        return s.toString();
    }
}
