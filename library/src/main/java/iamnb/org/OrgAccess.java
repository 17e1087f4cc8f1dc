package iamnb.org;

import iamnb.InvalidInputException;
import iamnb.chart.Chart;
import iamnb.chart.ChartOptions;
import iamnb.chart.Charts;
import iamnb.internal.Arns;
import iamnb.model.AccountView;
import iamnb.model.Organization;
import iamnb.model.Role;
import iamnb.model.User;
import iamnb.policy.AccountSimulator;
import iamnb.policy.CrossAccountSimulator;
import iamnb.policy.Decision;
import iamnb.policy.DecisionTable;
import iamnb.policy.NamedPolicy;
import iamnb.policy.Request;
import iamnb.policy.RequestPrincipal;
import iamnb.source.OrgSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Access across the accounts of an organization: who in any account can do something to a resource of another, the
 * assume-role graph, and the role-chaining paths into a role or into an account's admin roles.
 *
 * <pre>{@code
 * var access = new OrgAccess(source);
 * access.whoCan("sts:AssumeRole", "arn:aws:iam::333333333333:role/admin");  // cross-account, both sides
 * access.trustGraph().table();                                               // every assume-role edge
 * access.pathsToAdmin("333333333333").get(1).explain();                      // each hop, decided again
 * }</pre>
 *
 * <p>The trust graph is built once, in one pass over the accounts, and kept: later path searches load only the
 * accounts of the hops they verify. A few accounts stay loaded between calls.
 */
public final class OrgAccess {
    /** Longest role chain searched unless asked otherwise. */
    public static final int DEFAULT_MAX_HOPS = 4;
    /** How many paths are verified and shown unless asked otherwise. */
    public static final int DEFAULT_LIMIT = 50;
    /** Accounts worked on at once: the machine's two cores. */
    public static final int DEFAULT_PARALLELISM = 2;
    private static final int CACHED_ACCOUNTS = 8;

    private final OrgSource source;
    private final int parallelism;
    private volatile TrustGraph graph;
    private final Map<String, AccountSimulator> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AccountSimulator> eldest) {
            return size() > CACHED_ACCOUNTS;
        }
    };

    public OrgAccess(OrgSource source) {
        this(source, DEFAULT_PARALLELISM);
    }

    public OrgAccess(OrgSource source, int parallelism) {
        this.source = Objects.requireNonNull(source, "source");
        if (parallelism < 1) {
            throw new InvalidInputException("parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
    }

    // ---- trust graph ----------------------------------------------------------------------------------------

    /** Every assume-role edge of the organization, built on first use and kept. */
    public TrustGraph trustGraph() {
        TrustGraph g = graph;
        if (g == null) {
            synchronized (this) {
                g = graph;
                if (g == null) {
                    g = new TrustGraphBuilder(source, parallelism).build();
                    graph = g;
                }
            }
        }
        return g;
    }

    /** The accounts as nodes and the assume-role edges between them, counted ({@link Charts#trustGraph}). */
    public Chart trustGraphChart() {
        return trustGraphChart(o -> {});
    }

    public Chart trustGraphChart(Consumer<ChartOptions.Builder> options) {
        TrustGraph g = trustGraph();
        return Charts.trustGraph(g.accountTable(), o -> {
            o.asOf(source.asOf()).source("organization " + g.organizationId());
            options.accept(o);
        });
    }

    // ---- paths ----------------------------------------------------------------------------------------------

    /** Role-chaining paths into the role, at most {@link #DEFAULT_MAX_HOPS} hops, the first {@link #DEFAULT_LIMIT}. */
    public RolePaths pathsTo(String roleArn) {
        return pathsTo(roleArn, DEFAULT_MAX_HOPS, DEFAULT_LIMIT);
    }

    public RolePaths pathsTo(String roleArn, int maxHops, int limit) {
        Objects.requireNonNull(roleArn, "roleArn");
        String account = Arns.account(roleArn);
        if (!roleArn.startsWith("arn:") || !roleArn.contains(":role/") || account.isEmpty()) {
            throw new InvalidInputException("pathsTo(\"" + roleArn + "\"): give a role ARN such as "
                    + "arn:aws:iam::333333333333:role/admin");
        }
        requireCollected(account, "pathsTo(\"" + roleArn + "\")");
        return paths("paths to " + roleArn, List.of(roleArn), maxHops, limit);
    }

    /**
     * Role-chaining paths into the account's admin-equivalent roles (every probe of {@code AdminAudit} allowed), one
     * per starting principal (its shortest), shortest first.
     */
    public RolePaths pathsToAdmin(String accountId) {
        return pathsToAdmin(accountId, DEFAULT_MAX_HOPS, DEFAULT_LIMIT);
    }

    public RolePaths pathsToAdmin(String accountId, int maxHops, int limit) {
        requireCollected(accountId, "pathsToAdmin(\"" + accountId + "\")");
        TrustGraph g = trustGraph();
        List<String> admins = g.adminRoles(accountId);
        return paths("paths to admin in account " + accountId + " (" + admins.size() + " admin role"
                + (admins.size() == 1 ? "" : "s") + " open to AWS principals)", admins, maxHops, limit);
    }

    private RolePaths paths(String title, Collection<String> targets, int maxHops, int limit) {
        if (maxHops < 1 || limit < 0) {
            throw new InvalidInputException(title + ": maxHops must be at least 1 and limit at least 0 (were "
                    + maxHops + ", " + limit + ")");
        }
        List<List<TrustEdge>> found = trustGraph().shortestPaths(targets, maxHops);
        List<RolePath> out = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, found.size()); i++) {
            out.add(verify(i + 1, found.get(i)));
        }
        return new RolePaths(title, out, found.size());
    }

    /** Decides every hop again with both accounts' snapshots whole; a chained hop's caller is the previous role's session. */
    private RolePath verify(int id, List<TrustEdge> edges) {
        Organization org = source.organization();
        List<RolePath.Hop> hops = new ArrayList<>();
        for (TrustEdge e : edges) {
            AccountSimulator rSim = simulator(e.toAccount());
            Decision d;
            String caller;
            if (e.fromKind().isMember()) {
                AccountSimulator pSim = simulator(e.fromAccount());
                RequestPrincipal p = e.fromKind() == NodeKind.USER ? pSim.principal(e.fromPrincipal())
                        : TrustGraphBuilder.session(pSim, e.fromPrincipal());
                d = CrossAccountSimulator.simulate(pSim, rSim, Request.builder().principal(p)
                        .action(AssumeChecks.ASSUME_ROLE).resource(e.toRole()).context(e.requiredContext()).build());
                caller = p.label() + " (" + e.fromAccount() + ")";
            } else {
                TrustGraphBuilder.StandIn s = TrustGraphBuilder.standIn(e, org);
                Map<String, String> tags = rSim.account().findRole(Arns.lastSegment(e.toRole())).map(Role::tags)
                        .orElse(Map.of());
                d = TrustGraphBuilder.outsideDecision(rSim, e.toRole(), tags, s.caller(), s.action(), s.side(),
                        s.organizationId(), e.requiredContext(),
                        CrossAccountSimulator.resourceSide(rSim, s.action(), e.toRole()));
                caller = e.fromKind().title() + " " + e.fromPrincipal();
            }
            hops.add(new RolePath.Hop(caller, e, d));
        }
        return new RolePath(id, hops);
    }

    // ---- who can --------------------------------------------------------------------------------------------

    /** {@link #whoCan(String, String, Map)} with no extra context keys. */
    public Table whoCan(String action, String resource) {
        return whoCan(action, resource, Map.of());
    }

    /**
     * Every user and role of every collected account allowed to perform the action on the resource, with the
     * cross-account rule (both the resource's policy and the principal's identity policies must allow), the SCPs of
     * the principal's account and the RCPs of the resource's account. Accounts none of whose principals the resource's
     * policy can name are not loaded.
     *
     * <p>Columns: {@code principal_account, principal, principal_type, deciding_layer, deciding_statement, reason}.
     * The action, the resource and its account, the same on every row, are in the caption (the table's name).
     */
    public Table whoCan(String action, String resource, Map<String, ?> context) {
        WhoCan w = whoCanRun(action, resource, context);
        List<Decision> allowed = w.decisions().stream().filter(Decision::allowed).toList();
        Table t = DecisionTable.of("who can " + action + " on " + resource + " (account " + w.resourceAccount()
                + "), organization " + source.organization().id() + ": " + allowed.size() + " allowed of "
                + w.decisions().size() + " users and roles in " + w.visited() + " accounts; " + w.skipped()
                + " accounts skipped (the resource's policy names none of their principals)", allowed)
                .removeColumns("action", "resource", "decision");
        StringColumn account = StringColumn.create("principal_account");
        allowed.forEach(d -> account.append(d.request().principal().account()));
        return t.insertColumn(0, account);
    }

    /** Every decision behind {@link #whoCan(String, String, Map)}, allowed or not. */
    public List<Decision> whoCanDecisions(String action, String resource, Map<String, ?> context) {
        return whoCanRun(action, resource, context).decisions();
    }

    private record WhoCan(String resourceAccount, List<Decision> decisions, int visited, int skipped) {}

    private WhoCan whoCanRun(String action, String resource, Map<String, ?> context) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        String resourceAccount = resourceAccount(resource);
        AccountSimulator rSim = simulator(resourceAccount);
        TrustNames names = TrustNames.of(CrossAccountSimulator.resourceSide(rSim, action, resource).resourcePolicy()
                .map(NamedPolicy::document));
        List<String> visit = new ArrayList<>();
        int skipped = 0;
        for (String id : collected()) {
            if (id.equals(resourceAccount) || names.mayAdmit(id)) {
                visit.add(id);
            } else {
                skipped++;
            }
        }
        List<Callable<List<Decision>>> tasks = new ArrayList<>();
        for (String id : visit) {
            tasks.add(() -> {
                AccountSimulator pSim = id.equals(resourceAccount) ? rSim
                        : new AccountSimulator(new AccountView(source.load(id), source.description() + " · account " + id));
                List<Decision> out = new ArrayList<>();
                for (User u : pSim.account().snapshot().users()) {
                    out.add(decide(pSim, rSim, pSim.principal(u.arn()), action, resource, context));
                }
                for (Role r : pSim.account().snapshot().roles()) {
                    out.add(decide(pSim, rSim, pSim.principal(r.arn()), action, resource, context));
                }
                return out;
            });
        }
        List<Decision> all = new ArrayList<>();
        run(tasks).forEach(all::addAll);
        return new WhoCan(resourceAccount, all, visit.size(), skipped);
    }

    private static Decision decide(AccountSimulator pSim, AccountSimulator rSim, RequestPrincipal p, String action,
                                   String resource, Map<String, ?> context) {
        Request.Builder b = Request.builder().principal(p).action(action).resource(resource);
        context.forEach((k, v) -> b.context(k, values(v)));
        return CrossAccountSimulator.simulate(pSim, rSim, b.build());
    }

    /** The account owning the resource: the ARN's account, or for an S3 ARN the collected account with the bucket. */
    private String resourceAccount(String resource) {
        String account = Arns.account(resource);
        if (!account.isEmpty()) {
            requireCollected(account, "whoCan(..., \"" + resource + "\")");
            return account;
        }
        if (resource.startsWith("arn:aws:s3:::")) {
            String bucket = resource.substring("arn:aws:s3:::".length()).split("/", 2)[0];
            for (String id : collected()) {
                if (simulator(id).account().findBucket(bucket).isPresent()) {
                    return id;
                }
            }
            throw new InvalidInputException("whoCan(..., \"" + resource + "\"): no collected account of organization "
                    + source.organization().id() + " owns bucket " + bucket);
        }
        throw new InvalidInputException("whoCan(..., \"" + resource + "\"): the resource ARN names no account; give "
                + "an ARN with its account (arn:aws:iam::ACCOUNT:role/NAME) or an S3 ARN");
    }

    // ---- accounts -------------------------------------------------------------------------------------------

    private List<String> collected() {
        return source.members().stream().filter(m -> m.collected()).map(m -> m.accountId()).toList();
    }

    private void requireCollected(String accountId, String where) {
        var member = source.members().stream().filter(m -> m.accountId().equals(accountId)).findFirst();
        if (member.isEmpty()) {
            throw new InvalidInputException(where + ": account " + accountId + " is not a member of organization "
                    + source.organization().id() + iamnb.internal.Suggestions.hint(accountId,
                    source.members().stream().map(m -> m.accountId()).toList()));
        }
        if (!member.get().collected()) {
            throw new InvalidInputException(where + ": account " + accountId + " was not collected: "
                    + String.join("; ", member.get().warnings()));
        }
    }

    /** The simulator of one account, kept among a few recent ones. */
    private AccountSimulator simulator(String accountId) {
        synchronized (recent) {
            AccountSimulator s = recent.get(accountId);
            if (s != null) {
                return s;
            }
        }
        AccountSimulator s = new AccountSimulator(new AccountView(source.load(accountId),
                source.description() + " · account " + accountId));
        synchronized (recent) {
            recent.put(accountId, s);
        }
        return s;
    }

    private <T> List<T> run(List<Callable<T>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "iamnb-org-access");
            t.setDaemon(true);
            return t;
        });
        try {
            return Tasks.all(pool, tasks, "the organization-wide question");
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> values(Object v) {
        if (v instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (v instanceof String[] a) {
            return List.of(a);
        }
        return List.of(String.valueOf(v));
    }
}
