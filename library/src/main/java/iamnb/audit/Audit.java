package iamnb.audit;

import iamnb.model.AccountView;
import iamnb.model.CloudTrailEvent;
import iamnb.policy.Request;
import tech.tablesaw.api.Table;
import iamnb.policy.AccountSimulator;
import java.util.List;
import java.util.Objects;

/**
 * The audits of one account, one method per question the runbooks ask. Each returns {@link Findings} (a
 * sorted findings table), a {@link Checklist} (pass/fail per requirement) or a report object that renders
 * itself in a notebook. Everything is a pure function of the account (ages against {@code acct.asOf()}), so a
 * notebook re-run on the same snapshot gives the same rows in the same order.
 *
 * <pre>{@code
 * var audit = Iam.demo().audit();
 * audit.admins();                 // who is admin-equivalent, and through what (decided by the policy engine)
 * audit.wideTrust();              // roles anyone, or any account, may assume
 * audit.unused(Duration.ofDays(90));
 * audit.all();                    // every audit with its defaults, one table
 * }</pre>
 */
public final class Audit {
    /** The role the break-glass runbook creates. */
    public static final String DEFAULT_BREAK_GLASS_ROLE = "break-glass-admin";

    private final AccountView acct;
    private final AccountSimulator sim;
    private final AdminAudit admins;

    /**
     * The audits of {@code acct}, deciding with {@code simulator}: the account's own one (as {@code acct.audit()}
     * passes it), so policies compiled for {@code acct.simulate(...)} are not compiled again for the audits.
     *
     * @throws IllegalArgumentException when the simulator simulates another account
     */
    public Audit(AccountView acct, AccountSimulator simulator) {
        this.acct = Objects.requireNonNull(acct, "account");
        this.sim = Objects.requireNonNull(simulator, "simulator");
        if (!simulator.account().equals(acct)) {
            throw new IllegalArgumentException("the simulator is for account " + simulator.account().accountId()
                    + ", not for the audited account " + acct.accountId());
        }
        this.admins = new AdminAudit(acct, sim, DEFAULT_BREAK_GLASS_ROLE);
    }

    public AccountView account() {
        return acct;
    }

    /** The policy engine the audits use, to simulate further requests in the same notebook. */
    public AccountSimulator simulator() {
        return sim;
    }

    // ---- trust --------------------------------------------------------------------------------------------------

    /**
     * Roles that anyone, any account, or a cross-account principal without ExternalId/MFA conditions can assume;
     * when the organization is known, also trusts to accounts outside it.
     */
    public Findings wideTrust() {
        TrustAudit t = new TrustAudit(acct, sim, admins);
        return t.run(t.defaultKnownAccounts());
    }

    /** {@link #wideTrust()}, plus every trust to an account not in {@code knownAccounts} (the own account is always known). */
    public Findings wideTrust(java.util.Set<String> knownAccounts) {
        java.util.Set<String> known = new java.util.LinkedHashSet<>(knownAccounts);
        known.add(acct.accountId());
        return new TrustAudit(acct, sim, admins).run(java.util.Optional.of(known));
    }

    // ---- credentials --------------------------------------------------------------------------------------------

    /** Users and roles unused for more than 90 days, or never used. */
    public Findings unused() {
        return unused(java.time.Duration.ofDays(90));
    }

    /**
     * Users who never signed in nor used a key, users idle longer than {@code threshold}, console passwords idle
     * longer than it, roles never used or unused longer than it (service-linked roles excepted). An idle admin role
     * whose break-glass checklist passes is listed as INFO {@code UNUSED-ROLE-BREAK-GLASS}; principals younger than
     * the threshold as INFO {@code UNUSED-ROLE-NEW} / {@code UNUSED-USER-NEW}. Users without a credential report row
     * are not judged ({@link Findings#notChecked()}).
     */
    public Findings unused(java.time.Duration threshold) {
        return credentials().unused(threshold);
    }

    /** Access keys older than 90 days, active but never used, unused for 90 days, two active keys, root keys. */
    public Findings keys() {
        return keys(java.time.Duration.ofDays(90));
    }

    /** {@link #keys()} with another maximum key age. */
    public Findings keys(java.time.Duration maxAge) {
        return credentials().keys(maxAge);
    }

    /** Console users without MFA (critical when admin), and the root user's MFA. */
    public Findings mfa() {
        return credentials().mfa();
    }

    private CredentialAudit credentials() {
        return new CredentialAudit(acct, admins, new BreakGlassAudit(acct, sim, admins));
    }

    // ---- break-glass and boundaries --------------------------------------------------------------------------

    /** The break-glass checklist for {@value #DEFAULT_BREAK_GLASS_ROLE}, trusted by the account root only. */
    public Checklist breakGlass() {
        return breakGlass(DEFAULT_BREAK_GLASS_ROLE);
    }

    /** The break-glass checklist for a role, trusted by the account root only. */
    public Checklist breakGlass(String roleName) {
        return breakGlass(roleName, java.util.Set.of("arn:aws:iam::" + acct.accountId() + ":root"));
    }

    /**
     * The break-glass checklist: MFA required (and at most an hour old), sessions of at most an hour, trusted only
     * by {@code intendedPrincipals} (trust-policy values, e.g. the account root ARN), admin by the engine; plus
     * the runbook's MANUAL items (CloudTrail, alerting, documentation).
     */
    public Checklist breakGlass(String roleName, java.util.Set<String> intendedPrincipals) {
        if (intendedPrincipals.isEmpty()) {
            throw new iamnb.InvalidInputException("breakGlass: give at least one intended principal, e.g. arn:aws:iam::"
                    + acct.accountId() + ":root");
        }
        return new BreakGlassAudit(acct, sim, admins).run(roleName, new java.util.LinkedHashSet<>(intendedPrincipals));
    }

    /** Boundaries for roles named {@code dev-*} with {@code dev-sandbox-boundary}. */
    public Findings boundaries() {
        return boundaries("dev-*", "dev-sandbox-boundary");
    }

    /**
     * Roles matching {@code rolePattern} (IAM glob) without the boundary {@code boundaryName}; customer policies
     * allowing iam:CreateRole/PutRolePolicy/AttachRolePolicy without an iam:PermissionsBoundary condition;
     * iam:PassRole without iam:PassedToService.
     */
    public Findings boundaries(String rolePattern, String boundaryName) {
        return new BoundaryAudit(acct, sim, admins).run(rolePattern, boundaryName);
    }

    /** Simulates {@code dev-sandbox-boundary} over AdministratorAccess: what must stay denied is, what must work does. */
    public Checklist verifyBoundary() {
        return verifyBoundary("dev-sandbox-boundary");
    }

    /** {@link #verifyBoundary()} for another boundary policy (name or ARN), against the seed runbook's expectations. */
    public Checklist verifyBoundary(String boundaryName) {
        return new BoundaryAudit(acct, sim, admins).verify(boundaryName);
    }

    // ---- IRSA -----------------------------------------------------------------------------------------------------

    /** The IRSA checklist for a role and a Kubernetes service account, from IAM data alone. */
    public Checklist irsa(String roleName, String namespace, String serviceAccount) {
        return irsa(IrsaInput.of(roleName, namespace, serviceAccount));
    }

    /**
     * The IRSA checklist with what was pasted from the cluster (service account JSON, pod JSON, projected token,
     * cluster issuer): each of the seed's steps and common failures as a named check.
     */
    public Checklist irsa(IrsaInput input) {
        return new IrsaAudit(acct, sim).run(input);
    }

    /** Every role trusting an OIDC provider: no :sub condition, a wildcard :sub, a provider missing from IAM. */
    public Findings irsaTrust() {
        return new IrsaAudit(acct, sim).lint();
    }

    // ---- S3 -------------------------------------------------------------------------------------------------------

    /** {@link #s3Access(String, String, String, String...)} for s3:GetObject, s3:PutObject and s3:ListBucket. */
    public S3AccessReport s3Access(String principal, String bucket, String key) {
        return s3Access(principal, bucket, key, "s3:GetObject", "s3:PutObject", "s3:ListBucket");
    }

    /**
     * What decides a principal's access to {@code bucket/key}: bucket policy, ACL, public access block, Object
     * Ownership, the engine's decision per action (bucket-level actions on the bucket ARN, the others on the
     * object), VPC endpoint policies, and ARN mistakes involving the bucket.
     */
    public S3AccessReport s3Access(String principal, String bucket, String key, String... actions) {
        return new S3Audit(acct, sim).access(principal, bucket, key, java.util.List.of(actions));
    }

    /** Object actions on bucket ARNs and bucket actions on object ARNs, across every policy of the account. */
    public Findings s3ArnLint() {
        return new S3Audit(acct, sim).arnLint();
    }

    /** Buckets public through their policy or ACL, without a public access block, or with ACLs still enabled. */
    public Findings buckets() {
        return new S3Audit(acct, sim).buckets();
    }

    /**
     * Every policy the account wrote (customer managed, inline, bucket policies) linted against AWS's service
     * catalogue: misspelled actions, resources of the wrong type, keys an action never carries, wrong operators.
     */
    public Findings policyLint() {
        return PolicyLintAudit.run(acct.snapshot());
    }

    // ---- Access Denied --------------------------------------------------------------------------------------------

    /** The five Access Denied steps for a principal (name or ARN), action and resource. */
    public AccessDeniedReport explainDenied(String principal, String action, String resource) {
        return explainDenied(Request.builder().principal(sim.principal(principal)).action(action).resource(resource).build());
    }

    /** The five steps for a request built by the caller (context keys, session policy, ...). */
    public AccessDeniedReport explainDenied(Request request) {
        return new AccessDeniedAudit(acct, sim).explain(request, java.util.Optional.empty());
    }

    /** The five steps for a CloudTrail event of the account (caller, action and resource read from the record). */
    public AccessDeniedReport explainDenied(CloudTrailEvent event) {
        AccessDeniedAudit a = new AccessDeniedAudit(acct, sim);
        return a.explain(a.fromEvent(event), java.util.Optional.empty());
    }

    /**
     * The five steps from a decoded authorization message: the JSON of {@code aws sts decode-authorization-message}
     * (or its DecodedMessage); the request is rebuilt from its context, conditions included.
     */
    public AccessDeniedReport explainDeniedMessage(String decodedMessageJson) {
        AccessDeniedAudit a = new AccessDeniedAudit(acct, sim);
        var parsed = a.fromMessage(decodedMessageJson);
        return a.explain(parsed.getKey(), java.util.Optional.of(parsed.getValue()));
    }

    /** The account's CloudTrail denials (AccessDenied, UnauthorizedOperation), newest first, as the seed's step 4. */
    public java.util.List<CloudTrailEvent> denials() {
        return acct.snapshot().cloudTrailEvents().stream().filter(CloudTrailEvent::isAccessDenied)
                .sorted(java.util.Comparator.comparing(CloudTrailEvent::eventTime).reversed()).toList();
    }

    // ---- Access Analyzer ------------------------------------------------------------------------------------------

    /** Active Access Analyzer findings (public access high, external access medium, unused access low). */
    public Findings accessAnalyzer() {
        return new AnalyzerAudit(acct).run();
    }

    /** Active Access Analyzer findings as the seed's table: resource, type, external principal, actions, finding type. */
    public Table accessAnalyzerTable() {
        return new AnalyzerAudit(acct).table();
    }

    // ---- everything --------------------------------------------------------------------------------------------

    /**
     * Every audit with its defaults, one findings table sorted by severity: admins and privilege escalation, wide
     * trust, unused, keys, MFA, break-glass (failed requirements), boundaries, IRSA trust, S3 buckets and ARN lint,
     * Access Analyzer. {@code counts()} / {@code countsTable()} give the totals by severity.
     */
    public Findings all() {
        java.util.Map<String, Findings> runs = runAll();
        List<Findings> every = java.util.stream.Stream.concat(runs.values().stream(), java.util.stream.Stream.of(secretsInMetadata()))
                .toList();
        return new Findings("all audits", acct.asOf(), every.stream().flatMap(f -> f.list().stream()).toList(),
                every.stream().flatMap(f -> f.notChecked().stream()).toList());
    }

    /** {@code SECRET-IN-METADATA}: where a secret was stored in tags, descriptions, policies or CloudTrail request parameters. */
    public Findings secretsInMetadata() {
        return SecretInMetadataAudit.run(acct.snapshot());
    }

    /**
     * One row per audit with its findings per severity and in total. The grand total is in the table's name
     * ("audit summary as of ... — total 40 (3 critical, ...)"), not in a row: a total row would dwarf every
     * audit in a chart or a sort of the table.
     */
    public Table summary() {
        java.util.Map<String, Findings> runs = runAll();
        tech.tablesaw.api.StringColumn audit = tech.tablesaw.api.StringColumn.create("audit");
        java.util.List<tech.tablesaw.api.IntColumn> cols = new java.util.ArrayList<>();
        for (Severity s : Severity.values()) {
            cols.add(tech.tablesaw.api.IntColumn.create(s.lowerCase()));
        }
        tech.tablesaw.api.IntColumn total = tech.tablesaw.api.IntColumn.create("total");
        runs.forEach((name, f) -> {
            audit.append(name);
            java.util.Map<Severity, Integer> c = f.counts();
            for (Severity s : Severity.values()) {
                cols.get(s.ordinal()).append(c.getOrDefault(s, 0));
            }
            total.append(f.size());
        });
        String perSeverity = cols.stream().filter(c -> c.sum() > 0).map(c -> (long) c.sum() + " " + c.name())
                .collect(java.util.stream.Collectors.joining(", "));
        long sum = (long) total.sum();
        String name = "audit summary as of " + acct.asOf() + " — total " + sum
                + (perSeverity.isEmpty() ? "" : " (" + perSeverity + ")");
        Table t = Table.create(name, audit);
        cols.forEach(t::addColumns);
        return t.addColumns(total);
    }

    private java.util.Map<String, Findings> runAll() {
        java.util.Map<String, Findings> runs = new java.util.LinkedHashMap<>();
        runs.put("admins", admins());
        runs.put("wide trust", wideTrust());
        runs.put("unused", unused());
        runs.put("keys", keys());
        runs.put("MFA", mfa());
        runs.put("break-glass", breakGlass().asFindings(Check.BREAK_GLASS.id(), Check.BREAK_GLASS.severity()));
        runs.put("boundaries", boundaries());
        runs.put("IRSA trust", irsaTrust());
        runs.put("S3 buckets", buckets());
        runs.put("S3 ARN lint", s3ArnLint());
        runs.put("Access Analyzer", accessAnalyzer());
        return runs;
    }

    // ---- admins -----------------------------------------------------------------------------------------------

    /**
     * Every admin-equivalent principal and how (see {@link AdminAudit} for the method), admin-shaped grants that
     * a boundary or SCP caps (lowered severity, naming the cap), admin groups, and every principal that can make
     * itself admin through a privilege-escalation path ({@code PRIVESC-*} checks).
     */
    public Findings admins() {
        return admins.run().plus("admins", new PrivilegeEscalation(acct, sim, admins).run());
    }

    /** Only the privilege-escalation paths ({@code PRIVESC-*}). */
    public Findings privilegeEscalation() {
        return new PrivilegeEscalation(acct, sim, admins).run();
    }
}
