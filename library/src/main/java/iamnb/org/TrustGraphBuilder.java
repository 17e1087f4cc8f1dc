package iamnb.org;

import iamnb.audit.AdminAudit;
import iamnb.internal.Arns;
import iamnb.model.AccountSnapshot;
import iamnb.model.AccountView;
import iamnb.model.OrgAccount;
import iamnb.model.Organization;
import iamnb.model.PolicyDocument;
import iamnb.model.Principal;
import iamnb.model.Role;
import iamnb.model.Statement;
import iamnb.model.User;
import iamnb.policy.AccountSimulator;
import iamnb.policy.CrossAccountSimulator;
import iamnb.policy.Decision;
import iamnb.policy.Layers;
import iamnb.policy.NamedPolicy;
import iamnb.policy.PolicyCache;
import iamnb.policy.Request;
import iamnb.policy.RequestPrincipal;
import iamnb.source.OrgSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Builds an organization's {@link TrustGraph} in one pass over its accounts: each account is loaded, its principals'
 * side of sts:AssumeRole and its roles' trust side are extracted, its own edges decided, and the account released;
 * then the edges between accounts are decided from what was kept. Bounded parallelism (two accounts at a time by
 * default), so memory holds two accounts plus the small kept sides.
 *
 * <p>What is kept is cut down to sts:AssumeRole ({@link Layers.Builder#buildNarrowedTo}): for each principal whose
 * identity policies allow some AssumeRole, its identity, boundary and SCP layers with only those statements; for each
 * role whose trust policy names AWS principals, its trust policy and RCP layers. A principal whose identity policies
 * allow no AssumeRole cannot cross accounts (both sides must allow), so only its own account's trusts are tried for it.
 *
 * <p>Why it is fast enough for a thousand accounts (the figures are in {@code TrustGraphBenchmark}): documents are cut
 * before they are compiled, so statements about other actions are never compiled; the kept sides compile into a small
 * cache of their own, so no account's full policy cache outlives its pass; a principal's side is built only when one of
 * its edges is decided or it is kept; kept sides are joined with a role's side without compiling again
 * ({@link CrossAccountSimulator#evaluate}); and whatever concerns the whole organization (its member ids, the stand-in
 * outside account) is computed once, in {@link Scope}. {@code TrustGraphDigestTest} holds the edges of a synthetic
 * organization as the straightforward builder found them.
 */
final class TrustGraphBuilder {
    private static final PolicyDocument ALLOW_ALL = PolicyDocument.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");

    /** Compiles {@link #ALLOW_ALL} once for every stand-in caller outside the organization, and nothing else. */
    private static final PolicyCache ALLOW_ALL_COMPILED = PolicyCache.create();

    /** A principal that may call AssumeRole: a user, or a role calling through a session of itself. */
    static final class Caller {
        private final NodeKind kind;
        private final String account;
        private final String arn;
        private final RequestPrincipal principal;
        private final List<String> assumePatterns;
        private final PolicyCache keep;
        private Layers.Builder unbuilt;
        private Layers side;

        Caller(NodeKind kind, String account, String arn, RequestPrincipal principal, Layers.Builder unbuilt,
               PolicyCache keep) {
            this.kind = kind;
            this.account = account;
            this.arn = arn;
            this.principal = principal;
            this.unbuilt = unbuilt;
            this.keep = keep;
            this.assumePatterns = AssumeChecks.assumePatterns(unbuilt.identityNarrowedTo(AssumeChecks.ASSUME_ROLE));
        }

        NodeKind kind() {
            return kind;
        }

        String account() {
            return account;
        }

        String arn() {
            return arn;
        }

        RequestPrincipal principal() {
            return principal;
        }

        List<String> assumePatterns() {
            return assumePatterns;
        }

        /**
         * The principal's side cut to sts:AssumeRole, built the first time it is asked for: most principals' own
         * policies allow no AssumeRole and no trust names them, so their side is never needed. Not thread-safe: only
         * the account's own pass asks before {@link #built()}, which every kept caller goes through.
         */
        Layers side() {
            if (side == null) {
                side = unbuilt.buildNarrowedTo(AssumeChecks.ASSUME_ROLE, keep);
                unbuilt = null; // holds the account's simulator cache
            }
            return side;
        }

        /** This caller with its side built, to be kept after the account is released and shared between threads. */
        Caller built() {
            side();
            return this;
        }
    }

    /** A role others may assume, with its trust side. */
    record Target(String account, String arn, Map<String, String> tags, Layers side, TrustNames names,
                  List<Map<String, List<String>>> contexts, boolean admin, Instant asOf) {}

    /**
     * What every account's pass needs to know of the organization, computed once: its member ids (a set, so that
     * a thousand-account organization is not scanned for each role) and the stand-in id of an account outside it.
     */
    record Scope(Organization org, Set<String> members, Set<String> collected, String stranger) {
        static Scope of(Organization org, Set<String> collected) {
            Set<String> members = org.accounts().stream().map(OrgAccount::id).collect(Collectors.toUnmodifiableSet());
            return new Scope(org, members, Set.copyOf(collected), TrustGraphBuilder.stranger(members));
        }
    }

    /** What one account contributes. */
    record AccountPart(String account, List<TrustEdge> edges, List<Target> targets, List<Caller> kept,
                       Set<String> adminRoles, int principals, int roles) {}

    private final OrgSource source;
    private final int parallelism;

    TrustGraphBuilder(OrgSource source, int parallelism) {
        this.source = source;
        this.parallelism = Math.max(1, parallelism);
    }

    TrustGraph build() {
        long start = System.nanoTime();
        Organization org = source.organization();
        List<String> collected = source.members().stream().filter(m -> m.collected()).map(m -> m.accountId()).toList();
        Scope scope = Scope.of(org, Set.copyOf(collected));
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "iamnb-trust-graph");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Callable<AccountPart>> passes = new ArrayList<>();
            for (String id : collected) {
                passes.add(() -> account(source.load(id), scope));
            }
            List<AccountPart> parts = all(pool, passes);

            List<TrustEdge> edges = new ArrayList<>();
            Set<String> admins = new LinkedHashSet<>();
            Map<String, List<Caller>> kept = new HashMap<>();
            List<Caller> everyKept = new ArrayList<>();
            List<Target> targets = new ArrayList<>();
            int principals = 0;
            int roles = 0;
            for (AccountPart p : parts) {
                edges.addAll(p.edges());
                admins.addAll(p.adminRoles());
                kept.put(p.account(), p.kept());
                everyKept.addAll(p.kept());
                targets.addAll(p.targets());
                principals += p.principals();
                roles += p.roles();
            }
            List<Callable<List<TrustEdge>>> cross = new ArrayList<>();
            int chunk = Math.max(1, targets.size() / (parallelism * 8) + 1);
            for (int i = 0; i < targets.size(); i += chunk) {
                List<Target> slice = targets.subList(i, Math.min(targets.size(), i + chunk));
                cross.add(() -> crossAccount(slice, kept, everyKept, org.id()));
            }
            all(pool, cross).forEach(edges::addAll);
            return new TrustGraph(org.id(), source.description(), source.asOf(), edges, admins, collected.size(),
                    principals, roles, (System.nanoTime() - start) / 1_000_000);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) {
        return Tasks.all(pool, tasks, "building the trust graph");
    }

    // ---- one account ----------------------------------------------------------------------------------------

    static AccountPart account(AccountSnapshot snapshot, Scope scope) {
        String id = snapshot.accountId();
        Organization org = scope.org();
        AccountSimulator sim = new AccountSimulator(new AccountView(snapshot, "account " + id));
        // the sides kept after this pass compile their cut documents here, not in the simulator's cache of every
        // policy of the account, which is released with the simulator
        PolicyCache keep = PolicyCache.create();
        List<Caller> callers = new ArrayList<>();
        for (User u : snapshot.users()) {
            callers.add(caller(sim, keep, NodeKind.USER, id, u.arn(), sim.principal(u.arn())));
        }
        List<Role> roles = snapshot.roles().stream().filter(r -> !r.isServiceLinked()).toList();
        for (Role r : roles) {
            callers.add(caller(sim, keep, NodeKind.ROLE, id, r.arn(), session(sim, r.arn())));
        }
        List<TrustEdge> edges = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        Set<String> admins = new LinkedHashSet<>();
        for (Role r : roles) {
            Layers trust = CrossAccountSimulator.resourceSide(sim, AssumeChecks.ASSUME_ROLE, r.arn(), keep);
            Optional<NamedPolicy> trustPolicy = trust.resourcePolicy();
            TrustNames names = TrustNames.of(trustPolicy.map(NamedPolicy::document));
            edges.addAll(outsideEdges(sim, r, trust, scope));
            if (!names.namesAwsPrincipals()) {
                continue;
            }
            boolean admin = isAdmin(sim, r.arn());
            if (admin) {
                admins.add(r.arn());
            }
            Target t = new Target(id, r.arn(), r.tags(), trust, names, AssumeChecks.contextsToTry(trustPolicy), admin,
                    snapshot.asOf());
            targets.add(t);
            if (!names.anyone() && !names.accounts().contains(id)) {
                continue; // every principal named is of another account: decided between accounts
            }
            for (Caller c : callers) {
                if (c.arn().equals(r.arn())) {
                    continue; // a role assuming itself adds no reach
                }
                boolean named = names.anyone() || names.arns().contains(c.arn())
                        || names.arns().contains(c.principal().arn());
                if (named || (names.accounts().contains(id) && AssumeChecks.mayAssume(c.assumePatterns(), r.arn()))) {
                    edge(c, t, org.id()).ifPresent(edges::add);
                }
            }
        }
        List<Caller> kept = callers.stream().filter(c -> !c.assumePatterns().isEmpty()).map(Caller::built).toList();
        return new AccountPart(id, edges, targets, kept, admins, snapshot.users().size() + roles.size(), roles.size());
    }

    private static Caller caller(AccountSimulator sim, PolicyCache keep, NodeKind kind, String account, String arn,
                                 RequestPrincipal p) {
        return new Caller(kind, account, arn, p, CrossAccountSimulator.principalSideBuilder(sim, p), keep);
    }

    /** The session a role calls AssumeRole with when it chains into another role, with the role's id and tags. */
    static RequestPrincipal session(AccountSimulator sim, String roleArn) {
        return sim.principal("arn:aws:sts::" + Arns.account(roleArn) + ":assumed-role/" + Arns.lastSegment(roleArn)
                + "/" + AssumeChecks.SESSION);
    }

    /**
     * Admin-equivalent as {@link AdminAudit} decides it: the engine allows every one of {@link AdminAudit#PROBES} on
     * "*" to the role, with every layer of its account. Stops at the first probe denied.
     */
    static boolean isAdmin(AccountSimulator sim, String roleArn) {
        RequestPrincipal p = sim.principal(roleArn);
        // on "*" no resource-based policy takes part, so only an identity Allow for the first probe can let it
        // through: a role with none is not admin, and its policies need not be compiled to say so
        boolean mayAllowFirst = CrossAccountSimulator.principalSideBuilder(sim, p).identityNarrowedTo(AdminAudit.PROBES.get(0))
                .stream().anyMatch(np -> np.document().statements().stream().anyMatch(Statement::isAllow));
        if (!mayAllowFirst) {
            return false;
        }
        for (String action : AdminAudit.PROBES) {
            if (!sim.simulate(Request.builder().principal(p).action(action).resource("*").build()).allowed()) {
                return false;
            }
        }
        return true;
    }

    /** The first context that lets the caller assume the target, as an edge; empty when none does. */
    static Optional<TrustEdge> edge(Caller c, Target t, String organizationId) {
        for (Map<String, List<String>> ctx : t.contexts()) {
            Request req = AssumeChecks.request(c.principal(), AssumeChecks.ASSUME_ROLE, t.arn(), t.tags(), t.asOf(),
                    organizationId, ctx);
            Decision d = CrossAccountSimulator.evaluate(req, c.side(), t.side());
            if (d.allowed()) {
                return Optional.of(AssumeChecks.edge(d, c.kind(), c.account(), c.arn(), t.account(), ctx));
            }
        }
        return Optional.empty();
    }

    /**
     * Edges from outside the collected organization, read from the trust policy's Principal values and each decided
     * by the engine with a stand-in caller: an outside account's principal whose own policies are assumed to allow
     * (they are not in any snapshot), a service, an identity provider, or any principal of a stranger account.
     */
    static List<TrustEdge> outsideEdges(AccountSimulator sim, Role role, Layers assumeTrust, Scope scope) {
        Organization org = scope.org();
        Set<String> members = scope.members();
        Set<String> collected = scope.collected();
        Map<String, TrustEdge> out = new LinkedHashMap<>();
        for (Statement s : role.trustPolicy().statements()) {
            if (!s.isAllow() || s.principal().isEmpty() || s.notPrincipal()) {
                continue;
            }
            Principal p = s.principal().get();
            if (p.isWildcard()) {
                String stranger = scope.stranger();
                outside(sim, role, NodeKind.ANY_PRINCIPAL, "", "*",
                        RequestPrincipal.role("arn:aws:iam::" + stranger + ":role/any-principal"),
                        AssumeChecks.ASSUME_ROLE, assumedAllow(stranger), "", assumeTrust, out);
            }
            for (String v : p.aws()) {
                String a = v.trim();
                String account = isAccountId(a) ? a : Arns.account(a);
                if (a.equals("*") || account.isEmpty() || collected.contains(account)) {
                    continue;
                }
                boolean member = members.contains(account);
                RequestPrincipal standIn = isAccountId(a) || a.endsWith(":root")
                        ? RequestPrincipal.role("arn:aws:iam::" + account + ":role/any-principal-of-" + account)
                        : RequestPrincipal.fromArn(a);
                outside(sim, role, member ? NodeKind.MEMBER_NOT_COLLECTED : NodeKind.OUTSIDE_ACCOUNT, account, a,
                        standIn, AssumeChecks.ASSUME_ROLE, assumedAllow(account), member ? org.id() : "", assumeTrust, out);
            }
            for (String v : p.service()) {
                if (!v.equals("*")) {
                    outside(sim, role, NodeKind.SERVICE, "", v, RequestPrincipal.service(v), AssumeChecks.ASSUME_ROLE,
                            Layers.builder().build(), "", assumeTrust, out);
                }
            }
            for (String f : p.federated()) {
                boolean saml = f.contains(":saml-provider/");
                outside(sim, role, NodeKind.FEDERATED, saml || f.startsWith("arn:") ? Arns.account(f) : "", f,
                        saml ? RequestPrincipal.saml(f) : RequestPrincipal.webIdentity(f),
                        saml ? AssumeChecks.SAML : AssumeChecks.WEB_IDENTITY, Layers.builder().build(), "", assumeTrust, out);
            }
        }
        return List.copyOf(out.values());
    }

    private static void outside(AccountSimulator sim, Role role, NodeKind kind, String fromAccount, String from,
                                RequestPrincipal caller, String action, Layers callerSide, String organizationId,
                                Layers assumeTrust, Map<String, TrustEdge> out) {
        String key = kind + " " + from;
        if (!out.containsKey(key)) {
            decideOutside(sim, role.arn(), role.tags(), kind, fromAccount, from, caller, action, callerSide,
                    organizationId, assumeTrust).ifPresent(e -> out.put(key, e));
        }
    }

    /** The edge from a stand-in caller outside the collected accounts, when the role's side lets it in. */
    static Optional<TrustEdge> decideOutside(AccountSimulator sim, String roleArn, Map<String, String> roleTags,
                                             NodeKind kind, String fromAccount, String from, RequestPrincipal caller,
                                             String action, Layers callerSide, String organizationId,
                                             Layers knownTrust) {
        // the trust side cut to sts:AssumeRole gives the same verdict for that action, and is already built
        Layers trust = knownTrust != null && action.equals(AssumeChecks.ASSUME_ROLE) ? knownTrust
                : CrossAccountSimulator.resourceSide(sim, action, roleArn);
        for (Map<String, List<String>> ctx : AssumeChecks.contextsToTry(trust.resourcePolicy())) {
            Decision d = outsideDecision(sim, roleArn, roleTags, caller, action, callerSide, organizationId, ctx, trust);
            if (d.allowed()) {
                return Optional.of(AssumeChecks.edge(d, kind, fromAccount, from, sim.account().accountId(), ctx));
            }
        }
        return Optional.empty();
    }

    static Decision outsideDecision(AccountSimulator sim, String roleArn, Map<String, String> roleTags,
                                    RequestPrincipal caller, String action, Layers callerSide, String organizationId,
                                    Map<String, List<String>> ctx, Layers trust) {
        Request req = AssumeChecks.request(caller, action, roleArn, roleTags, sim.account().asOf(), organizationId, ctx);
        return CrossAccountSimulator.evaluate(req, callerSide, trust);
    }

    /** The caller, action and caller's side an outside edge was decided with, to decide it again. */
    record StandIn(RequestPrincipal caller, String action, Layers side, String organizationId) {}

    static StandIn standIn(TrustEdge e, Organization org) {
        Set<String> members = org.accounts().stream().map(OrgAccount::id).collect(Collectors.toSet());
        String from = e.fromPrincipal();
        switch (e.fromKind()) {
            case ANY_PRINCIPAL: {
                String stranger = stranger(members);
                return new StandIn(RequestPrincipal.role("arn:aws:iam::" + stranger + ":role/any-principal"),
                        AssumeChecks.ASSUME_ROLE, assumedAllow(stranger), "");
            }
            case SERVICE:
                return new StandIn(RequestPrincipal.service(from), AssumeChecks.ASSUME_ROLE, Layers.builder().build(), "");
            case FEDERATED: {
                boolean saml = from.contains(":saml-provider/");
                return new StandIn(saml ? RequestPrincipal.saml(from) : RequestPrincipal.webIdentity(from),
                        saml ? AssumeChecks.SAML : AssumeChecks.WEB_IDENTITY, Layers.builder().build(), "");
            }
            default: {
                String account = e.fromAccount();
                RequestPrincipal p = isAccountId(from) || from.endsWith(":root")
                        ? RequestPrincipal.role("arn:aws:iam::" + account + ":role/any-principal-of-" + account)
                        : RequestPrincipal.fromArn(from);
                return new StandIn(p, AssumeChecks.ASSUME_ROLE, assumedAllow(account),
                        members.contains(account) ? org.id() : "");
            }
        }
    }

    private static Layers assumedAllow(String account) {
        return Layers.builder(ALLOW_ALL_COMPILED).identity("(assumed) the policies of account " + account + " allow it", ALLOW_ALL)
                .note("account " + account + " is outside the collected organization: its own policies were assumed "
                        + "to allow, so this shows what the role's side lets in")
                .build();
    }

    /** Twelve digits: a trust policy's Principal naming a whole account by its id. */
    static boolean isAccountId(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** An account id that is no member, standing for "any account". */
    static String stranger(Set<String> members) {
        String id = "000000000000";
        long n = 0;
        while (members.contains(id)) {
            id = String.format("%012d", ++n);
        }
        return id;
    }

    // ---- between accounts -----------------------------------------------------------------------------------

    private static List<TrustEdge> crossAccount(List<Target> targets, Map<String, List<Caller>> kept,
                                                List<Caller> everyKept, String organizationId) {
        List<TrustEdge> out = new ArrayList<>();
        for (Target t : targets) {
            List<Caller> candidates;
            if (t.names().anyone()) {
                candidates = everyKept;
            } else {
                candidates = new ArrayList<>();
                for (String account : t.names().accounts()) {
                    if (!account.equals(t.account())) {
                        candidates.addAll(kept.getOrDefault(account, List.of()));
                    }
                }
            }
            for (Caller c : candidates) {
                if (!c.account().equals(t.account()) && AssumeChecks.mayAssume(c.assumePatterns(), t.arn())) {
                    edge(c, t, organizationId).ifPresent(out::add);
                }
            }
        }
        return out;
    }
}
