package iamnb.policy;

import iamnb.InvalidInputException;
import iamnb.internal.Arns;
import iamnb.internal.Suggestions;
import iamnb.model.AccountView;
import iamnb.model.Bucket;
import iamnb.model.Group;
import iamnb.model.InlinePolicy;
import iamnb.model.ManagedPolicy;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import iamnb.model.Principal;
import iamnb.model.Role;
import iamnb.model.Statement;
import iamnb.model.User;
import iamnb.model.VpcEndpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.arns.Arn;
import tech.tablesaw.api.Table;

/**
 * Simulates requests against everything an {@link AccountView} knows: the user's inline and attached policies and
 * those of its groups, the role's policies, permissions boundaries, the SCPs and RCPs of the organization
 * levels from the root down to the account, the bucket policy for S3 resources, and the role's trust policy
 * for {@code sts:AssumeRole*}. The principal's and the resource's tags become {@code aws:PrincipalTag/*} and
 * {@code aws:ResourceTag/*}, and {@code aws:PrincipalOrgID} is filled in when the organization is known.
 *
 * <pre>{@code
 * var sim = new AccountSimulator(Iam.demo());
 * sim.simulate("app-role", "s3:PutObject", "arn:aws:s3:::prod-data/uploads/x");   // a Decision, explained
 * sim.whoCan("sts:AssumeRole", "arn:aws:iam::123456789012:role/break-glass-admin"); // a table
 * sim.canDo("alice", "iam:CreateUser", "s3:ListAllMyBuckets");                    // a table
 * }</pre>
 *
 * <p>Policies are compiled once per simulator (see {@link PolicyCache}); a simulator is thread-safe.
 */
public final class AccountSimulator {
    private static final Set<String> ASSUME = Set.of("sts:assumerole", "sts:assumerolewithwebidentity",
            "sts:assumerolewithsaml", "sts:tagsession", "sts:setsourceidentity");

    private final AccountView account;
    private final PolicyCache cache;
    /** Organization levels per account and policy type, computed once: every principal of an account shares them. */
    private final java.util.concurrent.ConcurrentHashMap<String, List<OrgLevel>> orgLevels =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record OrgLevel(String name, List<OrgPolicy> policies) {}

    /**
     * Whether an account id is a member of the organization, remembered: {@link Organization#account(String)} scans
     * the member list, and every principal and resource side asks it (a thousand-account organization's trust graph
     * would scan a thousand members for each of its principals).
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> members =
            new java.util.concurrent.ConcurrentHashMap<>();

    public AccountSimulator(AccountView account) {
        this(account, PolicyCache.create());
    }

    public AccountSimulator(AccountView account, PolicyCache cache) {
        this.account = Objects.requireNonNull(account, "account");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    public AccountView account() {
        return account;
    }

    /** The cache this simulator compiles policies through. */
    PolicyCache cache() {
        return cache;
    }

    // ---- principals ---------------------------------------------------------------------------------------

    /**
     * The principal named by a user or role name of this account, or by any principal ARN (user, role,
     * assumed-role session, root, service, "*"), with the unique id and tags the account knows.
     *
     * @throws InvalidInputException when a bare name is neither a user nor a role of the account
     */
    public RequestPrincipal principal(String nameOrArn) {
        Objects.requireNonNull(nameOrArn, "principal");
        String s = nameOrArn.trim();
        if (!s.startsWith("arn:")) {
            Optional<User> u = account.findUser(s);
            if (u.isPresent()) {
                return enrich(RequestPrincipal.user(u.get().arn()));
            }
            Optional<Role> r = account.findRole(s);
            if (r.isPresent()) {
                return enrich(RequestPrincipal.role(r.get().arn()));
            }
        }
        if (!s.startsWith("arn:") && !s.endsWith(".amazonaws.com") && !s.equals("*") && !s.matches("\\d{12}")) {
            if (s.equalsIgnoreCase("root")) {
                return RequestPrincipal.root(account.accountId());
            }
            List<String> names = new ArrayList<>();
            account.snapshot().users().forEach(x -> names.add(x.name()));
            account.snapshot().roles().forEach(x -> names.add(x.name()));
            throw new InvalidInputException("account " + account.accountId() + " has no user or role \"" + s + "\""
                    + Suggestions.hint(s, names) + "; give a name of the account or a principal ARN");
        }
        return enrich(RequestPrincipal.fromArn(s));
    }

    private RequestPrincipal enrich(RequestPrincipal p) {
        if (!account.accountId().equals(p.account())) {
            return p;
        }
        switch (p.type()) {
            case USER: {
                Optional<User> u = account.findUser(Arns.lastSegment(p.arn()));
                if (u.isPresent()) {
                    RequestPrincipal q = p.userId().isEmpty() ? p.withUserId(u.get().userId()) : p;
                    return q.tags().isEmpty() ? q.withTags(u.get().tags()) : q;
                }
                return p;
            }
            case ROLE:
            case ASSUMED_ROLE: {
                Optional<Role> r = account.findRole(Arns.lastSegment(p.roleArn()));
                if (r.isPresent()) {
                    Role role = r.get();
                    RequestPrincipal q = new RequestPrincipal(p.type(), p.type() == PrincipalType.ROLE ? role.arn() : p.arn(),
                            p.account(), p.name(), role.arn(), p.userId().isEmpty() ? role.roleId() : p.userId(),
                            p.tags().isEmpty() ? role.tags() : p.tags());
                    return q;
                }
                return p;
            }
            default:
                return p;
        }
    }

    // ---- single requests ----------------------------------------------------------------------------------

    /** Simulates one request by a principal (name or ARN) with no extra context keys. */
    public Decision simulate(String principal, String action, String resource) {
        return simulate(principal, action, resource, Map.of());
    }

    /**
     * Simulates one request with context keys: values may be strings, numbers, booleans or collections of them
     * (several values).
     */
    public Decision simulate(String principal, String action, String resource, Map<String, ?> context) {
        Request.Builder b = Request.builder().principal(principal(principal)).action(action).resource(resource);
        context.forEach((k, v) -> b.context(k, values(v)));
        return simulate(b.build());
    }

    /** Simulates a request built by the caller; the account fills in what it knows. */
    public Decision simulate(Request request) {
        List<String> assumed = new ArrayList<>();
        Request prepared = prepare(request, assumed);
        return PolicyEvaluator.evaluate(prepared, layers(prepared, assumed).build());
    }

    /**
     * Discovery mode: simulates the request with the context keys not given treated as unknown, so that the
     * decision says which of them would change it ({@link Decision#dependsOn()}). Keys the account fills in
     * (principal ARN, tags, organization, ...) are known.
     */
    public Decision discover(String principal, String action, String resource) {
        return simulate(Request.builder().principal(principal(principal)).action(action).resource(resource)
                .unknownContext().build());
    }

    /** The same as {@link #simulate(Request)}: every layer, in order, with what to fix. */
    public Decision explainDenied(Request request) {
        return simulate(request);
    }

    /**
     * Completes a request with what the account knows: the principal's id and tags, the bucket owner's
     * account for S3 ARNs, the tags of a role or user named as the resource, {@code aws:PrincipalOrgID}; and
     * with the keys every real API call carries, unless the caller set them: {@code aws:SecureTransport}
     * "true" (SDKs and the CLI call over HTTPS), {@code aws:RequestedRegion} (the resource's region, the
     * bucket's region, else us-east-1) and the time of the snapshot as {@code aws:CurrentTime}, so that the
     * same snapshot always gives the same decision.
     */
    public Request prepare(Request request) {
        return prepare(request, new ArrayList<>());
    }

    Request prepare(Request request, List<String> assumed) {
        Request.Builder b = request.toBuilder().principal(enrich(request.principal()));
        ParsedResource res = ParsedResource.of(request.resource());
        Optional<Bucket> bucket = res.bucket().flatMap(account::findBucket);
        if (request.resourceAccount().isEmpty() && bucket.isPresent()) {
            b.resourceAccount(account.accountId());
        }
        if (request.context().get("aws:SecureTransport") == null) {
            b.context("aws:SecureTransport", "true");
            assumed.add("aws:SecureTransport=true");
        }
        if (request.context().get("aws:RequestedRegion") == null) {
            String region = !res.region().isEmpty() ? res.region()
                    : bucket.map(Bucket::region).filter(r -> !r.isEmpty()).orElse("us-east-1");
            b.context("aws:RequestedRegion", region);
            assumed.add("aws:RequestedRegion=" + region);
        }
        if (request.time().isEmpty()) {
            b.at(account.asOf());
            assumed.add("aws:CurrentTime=" + account.asOf() + " (the snapshot's time)");
        }
        if (request.resourceTags().isEmpty() && account.accountId().equals(res.account())) {
            if (res.type().equals("role")) {
                account.findRole(res.name()).ifPresent(r -> b.resourceTags(r.tags()));
            } else if (res.type().equals("user")) {
                account.findUser(res.name()).ifPresent(u -> b.resourceTags(u.tags()));
            }
        }
        Optional<Organization> org = account.organization();
        String pAccount = request.principal().account();
        if (org.isPresent() && !pAccount.isEmpty() && isMember(org.get(), pAccount)
                && request.context().get("aws:PrincipalOrgID") == null) {
            b.context("aws:PrincipalOrgID", org.get().id());
        }
        return b.build();
    }

    /** Every policy layer the account knows for this request. */
    public Layers layersFor(Request request) {
        return layers(request, List.of()).build();
    }

    Layers.Builder layers(Request request, List<String> assumed) {
        Layers.Builder b = Layers.builder(cache);
        if (!assumed.isEmpty()) {
            b.note("Assumed for this simulation, as on a real API call: " + String.join(", ", assumed)
                    + "; set these keys in the context to change them.");
        }
        addPrincipalSide(b, request.principal());
        addResourceSide(b, request);
        return b;
    }

    /**
     * The layers this account decides for its own principal: identity policies (its groups' included), permissions
     * boundary, SCP levels of the principal's account and the management-account exemption. Used alone by
     * {@link CrossAccountSimulator} when the resource belongs to another account.
     */
    void addPrincipalSide(Layers.Builder b, RequestPrincipal p) {
        boolean inAccount = account.accountId().equals(p.account());
        switch (p.type()) {
            case USER:
                if (inAccount) {
                    Optional<User> u = account.findUser(Arns.lastSegment(p.arn()));
                    if (u.isPresent()) {
                        addUser(b, u.get());
                    } else {
                        b.note("user " + p.arn() + " is not in the snapshot; its policies are unknown");
                    }
                }
                break;
            case ROLE:
            case ASSUMED_ROLE:
                if (inAccount) {
                    Optional<Role> r = account.findRole(Arns.lastSegment(p.roleArn()));
                    if (r.isPresent()) {
                        addRole(b, r.get());
                    } else {
                        b.note("role " + p.roleArn() + " is not in the snapshot; its policies are unknown");
                    }
                }
                break;
            default:
                break;
        }
        if (!inAccount && p.type().hasIdentityPolicies()) {
            b.note("the principal belongs to account " + p.account() + ", whose identity policies are not in this snapshot");
        }
        account.organization().ifPresent(org -> {
            if (!p.account().isEmpty() && isMember(org, p.account())) {
                addLevels(org, p.account(), OrgPolicy.SCP, b, true);
                b.managementAccount(org.managementAccountId().equals(p.account()));
            }
        });
    }

    /**
     * The layers this account decides for its resource: RCP levels of the resource's account, the management-account
     * exemption, the resource-based policy (trust policy, bucket policy) and the VPC endpoint policy.
     */
    void addResourceSide(Layers.Builder b, Request request) {
        RequestPrincipal p = request.principal();
        account.organization().ifPresent(org -> {
            String resAccount = request.resourceAccount().isEmpty() ? p.account() : request.resourceAccount();
            if (!resAccount.isEmpty() && isMember(org, resAccount)) {
                addLevels(org, resAccount, OrgPolicy.RCP, b, false);
                b.resourceInManagementAccount(org.managementAccountId().equals(resAccount));
            }
        });
        addResourcePolicy(b, request);
        addVpcEndpointPolicy(b, request);
    }

    /**
     * For a request that carries {@code aws:SourceVpce}, the policy of that endpoint from the snapshot: the request
     * must be allowed by it too. An endpoint without a policy has the default one, which allows everything.
     */
    private void addVpcEndpointPolicy(Layers.Builder b, Request request) {
        List<String> ids = request.context().get("aws:SourceVpce");
        if (ids == null || ids.isEmpty()) {
            return;
        }
        String id = ids.get(0);
        Optional<VpcEndpoint> endpoint = account.snapshot().vpcEndpoints().stream()
                .filter(e -> e.id().equals(id)).findFirst();
        if (endpoint.isEmpty()) {
            b.note("VPC endpoint " + id + " is not in the snapshot; its policy was not evaluated");
            return;
        }
        endpoint.get().policy().ifPresent(doc -> b.vpcEndpointPolicy("policy of VPC endpoint " + id, doc));
    }

    private void addUser(Layers.Builder b, User u) {
        for (InlinePolicy ip : u.inlinePolicies()) {
            b.identity("user " + u.name() + " inline " + ip.name(), ip.document());
        }
        for (ManagedPolicy mp : account.resolve(u.attachedPolicies())) {
            b.identity(mp.name(), mp.document());
        }
        missingAttachments(b, u.attachedPolicies(), "user " + u.name());
        for (Group g : account.groupsOf(u)) {
            for (InlinePolicy ip : g.inlinePolicies()) {
                b.identity("group " + g.name() + " inline " + ip.name(), ip.document());
            }
            for (ManagedPolicy mp : account.resolve(g.attachedPolicies())) {
                b.identity(mp.name() + " (via group " + g.name() + ")", mp.document());
            }
            missingAttachments(b, g.attachedPolicies(), "group " + g.name());
        }
        u.permissionsBoundaryArn().ifPresent(arn -> addBoundary(b, arn));
    }

    private void addRole(Layers.Builder b, Role r) {
        for (InlinePolicy ip : r.inlinePolicies()) {
            b.identity("role " + r.name() + " inline " + ip.name(), ip.document());
        }
        for (ManagedPolicy mp : account.resolve(r.attachedPolicies())) {
            b.identity(mp.name(), mp.document());
        }
        missingAttachments(b, r.attachedPolicies(), "role " + r.name());
        r.permissionsBoundaryArn().ifPresent(arn -> addBoundary(b, arn));
    }

    private void missingAttachments(Layers.Builder b, List<iamnb.model.AttachedPolicy> attached, String owner) {
        for (iamnb.model.AttachedPolicy a : attached) {
            if (account.findPolicy(a.arn()).isEmpty()) {
                b.note("policy " + a.arn() + " attached to " + owner + " is not in the snapshot and was not evaluated");
            }
        }
    }

    private void addBoundary(Layers.Builder b, String arn) {
        Optional<ManagedPolicy> mp = account.findPolicy(arn);
        if (mp.isPresent()) {
            b.boundary(mp.get().name(), mp.get().document());
        } else {
            b.note("permissions boundary " + arn + " is not in the snapshot and was not evaluated");
        }
    }

    private List<OrgLevel> levels(Organization org, String accountId, String type) {
        return orgLevels.computeIfAbsent(type + " " + accountId, k -> {
            List<OrgUnit> path = org.pathTo(accountId);
            List<List<OrgPolicy>> levels = org.levelsFor(accountId, type);
            List<OrgLevel> out = new ArrayList<>();
            for (int i = 0; i < levels.size(); i++) {
                String level = i < path.size() ? (path.get(i).isRoot() ? "Root" : "OU " + path.get(i).name())
                        : "account " + accountId;
                out.add(new OrgLevel(level, levels.get(i)));
            }
            return List.copyOf(out);
        });
    }

    private boolean isMember(Organization org, String accountId) {
        return members.computeIfAbsent(accountId, id -> org.account(id).isPresent());
    }

    private void addLevels(Organization org, String accountId, String type, Layers.Builder b, boolean scp) {
        for (OrgLevel ol : levels(org, accountId, type)) {
            String level = ol.name();
            if (ol.policies().isEmpty()) {
                // RCPFullAWSAccess is attached to every root, OU and account and cannot be detached, so a level
                // without a listed RCP allows (How AWS enforcement code logic evaluates requests › "Organizations
                // RCPs"). Every entity must have at least one SCP attached, so a level without one means the
                // snapshot does not know it: say so rather than deny everything.
                if (scp) {
                    b.note("no SCP is listed at " + level + " in the snapshot; that level was not evaluated");
                }
                continue;
            }
            for (OrgPolicy op : ol.policies()) {
                if (scp) {
                    b.scp(level, op.name(), op.document());
                } else {
                    b.rcp(level, op.name(), op.document());
                }
            }
        }
    }

    private void addResourcePolicy(Layers.Builder b, Request request) {
        ParsedResource res = ParsedResource.of(request.resource());
        if (ASSUME.contains(request.actionLowerCase()) && res.type().equals("role")) {
            if (account.accountId().equals(res.account())) {
                Optional<Role> role = account.findRole(res.name());
                if (role.isPresent()) {
                    b.trustPolicy("trust policy of " + role.get().name(), role.get().trustPolicy());
                } else {
                    b.note("role " + request.resource() + " is not in the snapshot; its trust policy is unknown");
                }
            }
            return;
        }
        res.bucket().flatMap(account::findBucket).flatMap(Bucket::policy)
                .ifPresent(doc -> b.resourcePolicy("bucket policy of " + res.bucket().get(), doc));
    }

    // ---- tables -------------------------------------------------------------------------------------------

    /** Every combination principals × actions × resources, one row per decision (see {@link DecisionTable}). */
    public Table simulate(Collection<String> principals, Collection<String> actions, Collection<String> resources) {
        List<Decision> out = new ArrayList<>(principals.size() * actions.size() * resources.size());
        for (String p : principals) {
            RequestPrincipal principal = principal(p);
            for (String r : resources) {
                for (String a : actions) {
                    out.add(simulate(Request.builder().principal(principal).action(a).resource(r).build()));
                }
            }
        }
        return DecisionTable.of("simulation", out);
    }

    /** The decisions behind {@link #whoCan(String, String)}: one per principal considered, allowed or not. */
    public List<Decision> whoCanDecisions(String action, String resource) {
        return whoCanDecisions(action, resource, Map.of());
    }

    /** The decisions behind {@link #whoCan(String, String, Map)}. */
    public List<Decision> whoCanDecisions(String action, String resource, Map<String, ?> context) {
        List<RequestPrincipal> candidates = new ArrayList<>();
        for (User u : account.snapshot().users()) {
            candidates.add(enrich(RequestPrincipal.user(u.arn())));
        }
        for (Role r : account.snapshot().roles()) {
            candidates.add(enrich(RequestPrincipal.role(r.arn())));
        }
        List<RequestPrincipal> named = resourcePolicyPrincipals(action, resource);
        List<Decision> out = new ArrayList<>(candidates.size() + named.size());
        for (RequestPrincipal p : candidates) {
            out.add(simulate(request(p, action, resource, context)));
        }
        for (RequestPrincipal p : named) {
            Request r = request(p, action, resource, context);
            if (p.type().hasIdentityPolicies() && !account.accountId().equals(p.account())) {
                out.add(simulateExternal(r));
            } else {
                out.add(simulate(r));
            }
        }
        return out;
    }

    private static Request request(RequestPrincipal p, String action, String resource, Map<String, ?> context) {
        Request.Builder b = Request.builder().principal(p).action(action).resource(resource);
        context.forEach((k, v) -> b.context(k, values(v)));
        return b.build();
    }

    /**
     * A principal of another account named by the resource's policy: its own policies are not in the snapshot,
     * so they are assumed to allow, which shows what this account's side lets in (the wide-trust question).
     */
    private Decision simulateExternal(Request request) {
        List<String> assumed = new ArrayList<>();
        Request prepared = prepare(request, assumed);
        String other = request.principal().account();
        Layers layers = layers(prepared, assumed)
                .identity("(assumed) the policies of account " + other + " allow it", ALLOW_ALL)
                .note("account " + other + " is outside this snapshot: its own policies were assumed to allow, so "
                        + "this shows only what this account's side lets in")
                .build();
        return PolicyEvaluator.evaluate(prepared, layers);
    }

    /**
     * Who in the account can perform the action on the resource: every user and role (roles as a whole, as
     * simulate-principal-policy does), plus the anonymous caller, services and identity providers when the
     * resource's policy names them. Only allowed principals are listed, with the statement that allows them.
     *
     * <p>Columns: {@code principal, principal_type, deciding_layer, deciding_statement, reason}. The action and the
     * resource, the same on every row, are in the table's name ("who can s3:GetObject on arn:aws:s3:::b/k"), which
     * notebooks show as its caption; every row is allowed. {@link #whoCanDecisions} has the full decisions.
     */
    public Table whoCan(String action, String resource) {
        return whoCan(action, resource, Map.of());
    }

    /** {@link #whoCan(String, String)} with context keys every request carries (e.g. MFA present). */
    public Table whoCan(String action, String resource, Map<String, ?> context) {
        List<Decision> allowed = whoCanDecisions(action, resource, context).stream().filter(Decision::allowed).toList();
        return DecisionTable.of("who can " + action + " on " + resource, allowed)
                .removeColumns("action", "resource", "decision");
    }

    /** Whether a principal can perform each action on any resource ({@code "*"}), one row per action. */
    public Table canDo(String principal, String... actions) {
        return canDo(principal, "*", List.of(actions));
    }

    /** Whether a principal can perform each action on the resource, one row per action. */
    public Table canDo(String principal, String resource, List<String> actions) {
        RequestPrincipal p = principal(principal);
        List<Decision> out = new ArrayList<>(actions.size());
        for (String a : actions) {
            out.add(simulate(Request.builder().principal(p).action(a).resource(resource).build()));
        }
        return DecisionTable.of(p.label() + " can do", out);
    }

    private static final iamnb.model.PolicyDocument ALLOW_ALL = iamnb.model.PolicyDocument.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");

    /**
     * Principals named by the resource's policy that are not users or roles of the account: the anonymous
     * caller (for {@code "*"}, except for sts:AssumeRole, which needs signed credentials), services, identity
     * providers, and principals of other accounts ({@code "*"} becomes "any principal of any account").
     */
    private List<RequestPrincipal> resourcePolicyPrincipals(String action, String resource) {
        Request probe = Request.builder().principal(RequestPrincipal.anonymous()).action(action).resource(resource).build();
        Optional<NamedPolicy> rp = layersFor(probe).resourcePolicy();
        Set<RequestPrincipal> out = new LinkedHashSet<>();
        if (rp.isEmpty()) {
            return List.of();
        }
        for (Statement s : rp.get().document().statements()) {
            if (s.principal().isEmpty() || s.notPrincipal() || !s.isAllow()) {
                continue;
            }
            Principal pr = s.principal().get();
            if (pr.isWildcard()) {
                if (!action.equalsIgnoreCase("sts:AssumeRole")) {
                    out.add(RequestPrincipal.anonymous());
                }
                out.add(RequestPrincipal.role("arn:aws:iam::*:role/any-principal-of-any-account"));
            }
            for (String v : pr.aws()) {
                String a = v.trim();
                if (a.equals("*")) {
                    continue;
                }
                if (a.matches("\\d{12}") || a.endsWith(":root")) {
                    String acct = a.matches("\\d{12}") ? a : Arns.account(a);
                    if (!acct.isEmpty() && !acct.equals(account.accountId())) {
                        out.add(RequestPrincipal.role("arn:aws:iam::" + acct + ":role/any-principal-of-" + acct));
                    }
                } else {
                    try {
                        RequestPrincipal np = RequestPrincipal.fromArn(a);
                        if (!account.accountId().equals(np.account())) {
                            out.add(np);
                        }
                    } catch (InvalidInputException ignored) {
                        // a value IAM would have rejected; nothing to simulate
                    }
                }
            }
            pr.service().stream().filter(v -> !v.equals("*")).forEach(v -> out.add(RequestPrincipal.service(v)));
            for (String f : pr.federated()) {
                if (f.startsWith("arn:") && f.contains(":saml-provider/")) {
                    out.add(RequestPrincipal.saml(f));
                } else if (!f.equals("*")) {
                    out.add(RequestPrincipal.webIdentity(f));
                }
            }
        }
        return new ArrayList<>(out);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static List<String> values(Object v) {
        if (v instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (v instanceof String[] a) {
            return List.of(a);
        }
        return List.of(String.valueOf(v));
    }

    /** Just enough of a resource ARN: account, IAM type and name, S3 bucket. */
    private record ParsedResource(String region, String account, String type, String name, Optional<String> bucket) {
        static ParsedResource of(String text) {
            Optional<Arn> parsed = Arns.parse(text);
            if (parsed.isEmpty()) {
                return new ParsedResource("", "", "", "", Optional.empty());
            }
            Arn arn = parsed.get();
            String region = arn.region().orElse("");
            String account = arn.accountId().orElse("");
            String resource = arn.resourceAsString();
            int slash = resource.indexOf('/');
            String head = slash < 0 ? resource : resource.substring(0, slash);
            if (arn.service().equals("s3")) {
                return new ParsedResource(region, account, "", "", Optional.of(head).filter(h -> !h.isEmpty()));
            }
            return new ParsedResource(region, account, arn.service().equals("iam") ? head : "",
                    Arns.lastSegment(resource), Optional.empty());
        }
    }
}
