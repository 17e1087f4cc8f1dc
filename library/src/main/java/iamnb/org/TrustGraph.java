package iamnb.org;

import iamnb.internal.Arns;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every assume-role edge of an organization, decided by the policy engine (see {@link TrustGraphBuilder}), and the
 * admin-equivalent roles among their targets. Small next to the accounts it was built from, so it is kept and
 * searched again without loading any account. Immutable.
 */
public final class TrustGraph {
    private final String organizationId;
    private final String source;
    private final Instant asOf;
    private final List<TrustEdge> edges;
    private final Set<String> adminRoles;
    private final int accounts;
    private final int principals;
    private final int roles;
    private final long buildMillis;
    private final Map<String, List<TrustEdge>> into;

    TrustGraph(String organizationId, String source, Instant asOf, Collection<TrustEdge> edges, Set<String> adminRoles,
               int accounts, int principals, int roles, long buildMillis) {
        this.organizationId = organizationId;
        this.source = source;
        this.asOf = asOf;
        List<TrustEdge> sorted = new ArrayList<>(edges);
        sorted.sort(TrustGraph::byTargetThenSource);
        this.edges = List.copyOf(sorted);
        this.adminRoles = Set.copyOf(adminRoles);
        this.accounts = accounts;
        this.principals = principals;
        this.roles = roles;
        this.buildMillis = buildMillis;
        Map<String, List<TrustEdge>> m = new HashMap<>();
        for (TrustEdge e : this.edges) {
            m.computeIfAbsent(e.toRole(), k -> new ArrayList<>()).add(e);
        }
        this.into = m;
    }

    /**
     * The order of {@link #edges()}: by target account and role, then by the caller's kind, account and principal.
     * Written out rather than chained from key extractors: a thousand-account graph sorts a quarter million edges.
     */
    private static int byTargetThenSource(TrustEdge a, TrustEdge b) {
        int c = a.toAccount().compareTo(b.toAccount());
        if (c == 0) {
            c = a.toRole().compareTo(b.toRole());
        }
        if (c == 0) {
            c = a.fromKind().compareTo(b.fromKind());
        }
        if (c == 0) {
            c = a.fromAccount().compareTo(b.fromAccount());
        }
        return c != 0 ? c : a.fromPrincipal().compareTo(b.fromPrincipal());
    }

    public List<TrustEdge> edges() {
        return edges;
    }

    /** The edges into one role. */
    public List<TrustEdge> edgesInto(String roleArn) {
        return into.getOrDefault(roleArn, List.of());
    }

    /** The admin-equivalent roles (as {@code AdminAudit} decides it) that some trust policy opens to AWS principals. */
    public Set<String> adminRoles() {
        return adminRoles;
    }

    /** Those of {@link #adminRoles()} in one account. */
    public List<String> adminRoles(String accountId) {
        return adminRoles.stream().filter(r -> Arns.account(r).equals(accountId)).sorted().toList();
    }

    public String organizationId() {
        return organizationId;
    }

    public int accounts() {
        return accounts;
    }

    /** Users and roles looked at. */
    public int principals() {
        return principals;
    }

    public long buildMillis() {
        return buildMillis;
    }

    /**
     * One row per edge: {@code from_account, from_kind, from_principal, to_account, to_role, to_admin, via,
     * conditions, external_id, mfa, source_identity, whole_account, statement}. The table's name (shown as its
     * caption) says which organization, as of when, and how many accounts, principals and roles were looked at.
     */
    public Table table() {
        StringColumn fromAccount = StringColumn.create("from_account");
        StringColumn fromKind = StringColumn.create("from_kind");
        StringColumn from = StringColumn.create("from_principal");
        StringColumn toAccount = StringColumn.create("to_account");
        StringColumn toRole = StringColumn.create("to_role");
        BooleanColumn toAdmin = BooleanColumn.create("to_admin");
        StringColumn via = StringColumn.create("via");
        StringColumn conditions = StringColumn.create("conditions");
        StringColumn externalId = StringColumn.create("external_id");
        BooleanColumn mfa = BooleanColumn.create("mfa");
        BooleanColumn sourceIdentity = BooleanColumn.create("source_identity");
        BooleanColumn whole = BooleanColumn.create("whole_account");
        StringColumn statement = StringColumn.create("statement");
        for (TrustEdge e : edges) {
            fromAccount.append(e.fromAccount());
            fromKind.append(e.fromKind().title());
            from.append(e.fromPrincipal());
            toAccount.append(e.toAccount());
            toRole.append(e.toRole());
            toAdmin.append(adminRoles.contains(e.toRole()));
            via.append(e.via());
            conditions.append(String.join("; ", e.conditions()));
            externalId.append(String.join(", ", e.externalIds()));
            mfa.append(e.mfa());
            sourceIdentity.append(e.sourceIdentity());
            whole.append(e.wholeAccount());
            statement.append(e.statement());
        }
        return Table.create(caption(), fromAccount, fromKind, from, toAccount, toRole, toAdmin, via, conditions,
                externalId, mfa, sourceIdentity, whole, statement);
    }

    private String caption() {
        return "assume-role edges of organization " + organizationId + " as of " + asOf + " (" + source + "): "
                + edges.size() + " edges over " + accounts + " accounts, " + principals + " users and roles";
    }

    /**
     * Edges counted per pair of accounts: {@code from, to, edges, cross_account}. A caller outside the collected
     * accounts is named by its kind ("AWS service", "account outside the organization", ...).
     */
    public Table accountTable() {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String[]> pairs = new LinkedHashMap<>();
        for (TrustEdge e : edges) {
            String fromNode = e.fromKind().isMember() ? e.fromAccount() : e.fromKind() == NodeKind.OUTSIDE_ACCOUNT
                    || e.fromKind() == NodeKind.MEMBER_NOT_COLLECTED ? e.fromAccount() + " (" + e.fromKind().title() + ")"
                    : e.fromKind().title();
            String key = fromNode + "\u0000" + e.toAccount();
            counts.merge(key, 1, Integer::sum);
            pairs.putIfAbsent(key, new String[] {fromNode, e.toAccount()});
        }
        StringColumn from = StringColumn.create("from");
        StringColumn to = StringColumn.create("to");
        IntColumn count = IntColumn.create("edges");
        BooleanColumn cross = BooleanColumn.create("cross_account");
        counts.forEach((key, n) -> {
            String[] p = pairs.get(key);
            from.append(p[0]);
            to.append(p[1]);
            count.append(n);
            cross.append(!p[0].equals(p[1]));
        });
        return Table.create("assume-role edges per account pair, organization " + organizationId + " as of " + asOf,
                from, to, count, cross);
    }

    /**
     * Shortest role-chaining paths into any of the targets, one per starting node (the nearest target first found),
     * found by breadth-first search backwards over the edges: no node twice, at most {@code maxHops} edges, shortest
     * first. A path continues only through roles (a session of one role assumes the next).
     */
    List<List<TrustEdge>> shortestPaths(Collection<String> targets, int maxHops) {
        Map<String, Integer> dist = new LinkedHashMap<>();
        Map<String, TrustEdge> next = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String t : targets.stream().sorted().toList()) {
            dist.put(t, 0);
            queue.add(t);
        }
        List<String> starts = new ArrayList<>();
        while (!queue.isEmpty()) {
            String node = queue.poll();
            int d = dist.get(node);
            if (d >= maxHops) {
                continue;
            }
            for (TrustEdge e : edgesInto(node)) {
                String src = nodeKey(e);
                if (dist.containsKey(src)) {
                    continue;
                }
                dist.put(src, d + 1);
                next.put(src, e);
                starts.add(src);
                if (e.fromKind() == NodeKind.ROLE) {
                    queue.add(src);
                }
            }
        }
        List<List<TrustEdge>> out = new ArrayList<>(starts.size());
        for (String s : starts) {
            List<TrustEdge> path = new ArrayList<>();
            TrustEdge e = next.get(s);
            while (e != null) {
                path.add(e);
                e = next.get(e.toRole());
            }
            out.add(List.copyOf(path));
        }
        return out;
    }

    /** A node's name in the search: a member principal by its ARN (a role's ARN is also where edges arrive). */
    private static String nodeKey(TrustEdge e) {
        return e.fromKind().isMember() ? e.fromPrincipal() : e.fromKind() + " " + e.fromPrincipal();
    }

    @Override
    public String toString() {
        return caption() + "; " + adminRoles.size() + " admin-equivalent roles reachable by some trust";
    }
}
