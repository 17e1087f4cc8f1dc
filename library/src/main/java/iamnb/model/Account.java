package iamnb.model;

import static iamnb.internal.Html.escape;

import iamnb.InvalidInputException;
import iamnb.policy.AccountSimulator;
import iamnb.policy.Decision;
import iamnb.policy.Request;
import iamnb.source.SnapshotWriter;
import iamnb.table.AccountTables;
import iamnb.table.CredentialReportTable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * The account a notebook works on: an immutable {@link AccountSnapshot} plus where it came from, with
 * fluent look-ups and tables. Everything an {@code Account} answers is a pure function of its snapshot
 * (ages are computed against {@link #asOf()}, never the wall clock), so the same snapshot gives the same
 * answers cell after cell, machine after machine.
 *
 * <pre>{@code
 * var acct = Iam.demo();
 * acct.user("svc-deploy").accessKeys();
 * acct.role("cross-account-deploy").trustPolicy();
 * acct.policy("AdministratorAccess").document();
 * }</pre>
 *
 * <p>Look-ups that must succeed ({@link #user}, {@link #role}, {@link #group}, {@link #policy}) throw
 * {@link InvalidInputException} naming close matches; the {@code find*} variants return {@link Optional}.
 */
public final class Account {
    private final AccountSnapshot snapshot;
    private final String source;
    private final Map<String, User> usersByName;
    private final Map<String, Role> rolesByName;
    private final Map<String, Group> groupsByName;
    private final Map<String, ManagedPolicy> policiesByArn;
    private volatile Provenance provenance;
    private volatile AccountSimulator simulator;

    /**
     * @param snapshot the account's data
     * @param source how it was obtained, for {@link #provenance()}: {@code demo}, {@code snapshot DIR}, ...
     */
    public Account(AccountSnapshot snapshot, String source) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.source = Checks.notBlank(source, "source");
        this.usersByName = index(snapshot.users(), User::name);
        this.rolesByName = index(snapshot.roles(), Role::name);
        this.groupsByName = index(snapshot.groups(), Group::name);
        this.policiesByArn = index(snapshot.policies(), ManagedPolicy::arn);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }

    // ---- identity of the account ------------------------------------------------------------------------

    public AccountSnapshot snapshot() {
        return snapshot;
    }

    public String accountId() {
        return snapshot.accountId();
    }

    public String alias() {
        return snapshot.alias();
    }

    public Instant asOf() {
        return snapshot.asOf();
    }

    /** What the source could not read (denied optional parts, skipped services), one sentence each. */
    public List<String> warnings() {
        return snapshot.warnings();
    }

    /** How the account was obtained: {@code demo}, {@code snapshot DIR}, {@code live profile NAME}. */
    public String source() {
        return source;
    }

    /**
     * Source, SHA-256 of the canonical saved form, and instant: two notebooks showing the same digest ran on
     * the same data. Computed once, on first use (it renders the snapshot in memory).
     */
    public Provenance provenance() {
        Provenance p = provenance;
        if (p == null) {
            p = new Provenance(source, new SnapshotWriter().digest(snapshot), asOf());
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
        new SnapshotWriter().write(snapshot, dir);
        return dir;
    }

    // ---- look-ups ------------------------------------------------------------------------------------------

    public Optional<User> findUser(String name) {
        return Optional.ofNullable(usersByName.get(name));
    }

    /** The user with this name; throws naming close matches when there is none. */
    public User user(String name) {
        return findUser(name).orElseThrow(() -> missing("user", name, usersByName.keySet()));
    }

    public Optional<Role> findRole(String nameOrArn) {
        return Optional.ofNullable(rolesByName.get(nameFromArn(nameOrArn, ":role/")));
    }

    /** The role with this name (or ARN); throws naming close matches when there is none. */
    public Role role(String nameOrArn) {
        return findRole(nameOrArn).orElseThrow(() -> missing("role", nameOrArn, rolesByName.keySet()));
    }

    public Optional<Group> findGroup(String name) {
        return Optional.ofNullable(groupsByName.get(nameFromArn(name, ":group/")));
    }

    public Group group(String name) {
        return findGroup(name).orElseThrow(() -> missing("group", name, groupsByName.keySet()));
    }

    /**
     * A managed policy by ARN, or by name (customer managed first, then AWS managed). A name shared by
     * several policies on different paths is ambiguous and throws, listing their ARNs.
     */
    public Optional<ManagedPolicy> findPolicy(String arnOrName) {
        if (arnOrName.startsWith("arn:")) {
            return Optional.ofNullable(policiesByArn.get(arnOrName));
        }
        List<ManagedPolicy> named = snapshot.policies().stream().filter(p -> p.name().equals(arnOrName)).toList();
        List<ManagedPolicy> customer = named.stream().filter(p -> !p.isAwsManaged()).toList();
        List<ManagedPolicy> pick = customer.isEmpty() ? named : customer;
        if (pick.size() > 1) {
            throw new InvalidInputException("policy name \"" + arnOrName + "\" is ambiguous; use one of the ARNs "
                    + pick.stream().map(ManagedPolicy::arn).toList());
        }
        return pick.stream().findFirst();
    }

    public ManagedPolicy policy(String arnOrName) {
        return findPolicy(arnOrName).orElseThrow(() -> missing("managed policy", arnOrName,
                arnOrName.startsWith("arn:") ? policiesByArn.keySet()
                        : snapshot.policies().stream().map(ManagedPolicy::name).collect(Collectors.toSet())));
    }

    public Optional<Bucket> findBucket(String name) {
        return snapshot.buckets().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public Bucket bucket(String name) {
        return findBucket(name).orElseThrow(() -> missing("bucket", name,
                snapshot.buckets().stream().map(Bucket::name).toList()));
    }

    public Optional<OidcProvider> findOidcProvider(String arnOrUrl) {
        String url = arnOrUrl.startsWith("arn:") ? OidcProvider.urlFromArn(arnOrUrl)
                : arnOrUrl.replaceFirst("^https://", "");
        return snapshot.oidcProviders().stream().filter(p -> p.url().equals(url)).findFirst();
    }

    /** The users who are members of a group. */
    public List<User> membersOf(String groupName) {
        Group g = group(groupName);
        return snapshot.users().stream().filter(u -> u.groups().contains(g.name())).toList();
    }

    /** The groups a user belongs to that exist in the account, in the user's order. */
    public List<Group> groupsOf(User user) {
        List<Group> out = new ArrayList<>();
        for (String name : user.groups()) {
            findGroup(name).ifPresent(out::add);
        }
        return out;
    }

    /** The documents of managed policies attached to a principal; attachments to unknown policies are skipped. */
    public List<ManagedPolicy> resolve(List<AttachedPolicy> attached) {
        List<ManagedPolicy> out = new ArrayList<>();
        for (AttachedPolicy a : attached) {
            Optional.ofNullable(policiesByArn.get(a.arn())).ifPresent(out::add);
        }
        return out;
    }

    public Optional<Organization> organization() {
        return snapshot.organization();
    }

    /**
     * SCPs in force for an account of the organization, one list per level root → OUs → account; empty when
     * the organization is unknown (no SCP layer to evaluate).
     */
    public List<List<OrgPolicy>> scpLevelsFor(String accountId) {
        return organization().filter(o -> o.account(accountId).isPresent())
                .map(o -> o.scpLevelsFor(accountId)).orElse(List.of());
    }

    /** RCPs in force for an account of the organization, root → OUs → account; empty when unknown. */
    public List<List<OrgPolicy>> rcpLevelsFor(String accountId) {
        return organization().filter(o -> o.account(accountId).isPresent())
                .map(o -> o.rcpLevelsFor(accountId)).orElse(List.of());
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
        return CredentialReportTable.of(snapshot.credentialReport(), asOf());
    }

    /** One row per user, keyed by {@code user}. */
    public Table users() {
        return AccountTables.users(snapshot);
    }

    /** One row per role, keyed by {@code role}, with trust summary and last use. */
    public Table roles() {
        return AccountTables.roles(snapshot);
    }

    /** One row per group, keyed by {@code group}, with members. */
    public Table groups() {
        return AccountTables.groups(snapshot);
    }

    /** One row per managed policy, keyed by {@code policy_arn}. */
    public Table policies() {
        return AccountTables.policies(snapshot);
    }

    /** One row per access key: user, access_key_id, status, created, age_days, last_used, service, days_since_use. */
    public Table accessKeys() {
        return AccountTables.accessKeys(snapshot);
    }

    /** Every policy applying to every principal: principal_type, principal, policy_name, policy_arn, via, kind. */
    public Table attachments() {
        return AccountTables.attachments(snapshot);
    }

    // ---- audits --------------------------------------------------------------------------------------------

    /**
     * The audits of this account: admins, wide trust, unused principals, keys, MFA, break-glass, boundaries,
     * IRSA, S3 access, Access Denied, Access Analyzer, and {@code all()}. A new {@link iamnb.audit.Audit} per call;
     * keep it in a variable to reuse its policy engine's compiled policies.
     */
    public iamnb.audit.Audit audit() {
        return new iamnb.audit.Audit(this);
    }

    // ---- display -------------------------------------------------------------------------------------------

    /** Counts of what the account holds, in display order. */
    public Map<String, Integer> counts() {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("users", snapshot.users().size());
        c.put("groups", snapshot.groups().size());
        c.put("roles", snapshot.roles().size());
        c.put("managed policies", snapshot.policies().size());
        c.put("OIDC providers", snapshot.oidcProviders().size());
        c.put("SAML providers", snapshot.samlProviders().size());
        c.put("buckets", snapshot.buckets().size());
        c.put("VPC endpoints", snapshot.vpcEndpoints().size());
        c.put("organization accounts", snapshot.organization().map(o -> o.accounts().size()).orElse(0));
        c.put("Access Analyzer findings", snapshot.analyzerFindings().size());
        c.put("CloudTrail events", snapshot.cloudTrailEvents().size());
        c.put("credential report rows", snapshot.credentialReport().map(r -> r.rows().size()).orElse(0));
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

    /** Two accounts are equal when their snapshots are: the source does not change what the data says. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Account other && snapshot.equals(other.snapshot);
    }

    @Override
    public int hashCode() {
        return snapshot.hashCode();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static String nameFromArn(String nameOrArn, String marker) {
        int at = nameOrArn.startsWith("arn:") ? nameOrArn.indexOf(marker) : -1;
        if (at < 0) {
            return nameOrArn;
        }
        String rest = nameOrArn.substring(at + marker.length());
        return rest.substring(rest.lastIndexOf('/') + 1);
    }

    private InvalidInputException missing(String what, String name, java.util.Collection<String> names) {
        return new InvalidInputException("account " + accountId() + " has no " + what + " \"" + name + "\""
                + Suggestions.hint(name, names));
    }
}
