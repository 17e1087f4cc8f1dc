package iamnb.policy;

import iamnb.model.PolicyDocument;
import iamnb.policy.internal.CompiledPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The policies that take part in one request, layer by layer, given directly — no account needed. Analysts use
 * it to try a policy they are drafting:
 *
 * <pre>{@code
 * Layers layers = Layers.builder()
 *     .identity("app-s3", PolicyDocument.parse(json))
 *     .boundary("dev-sandbox-boundary", boundaryDoc)
 *     .scpLevel("Root", fullAwsAccess)
 *     .scpLevel("ou-prod", denyRegions)
 *     .resourcePolicy("bucket policy of prod-data", bucketPolicy)
 *     .build();
 * Decision d = PolicyEvaluator.evaluate(request, layers);
 * }</pre>
 *
 * <p>SCP and RCP levels are listed from the organization root down to the account; each level must allow
 * (AWS Organizations › Service control policies › "SCP evaluation": an action must be allowed at every level
 * from the root through each OU to the account). Documents are compiled when {@link Builder#build()} runs,
 * through the builder's {@link PolicyCache}.
 */
public final class Layers {
    /** One level of the organization (root, an OU, the account) and the SCPs or RCPs attached there. */
    public record Level(String name, List<NamedPolicy> policies) {
        public Level {
            Objects.requireNonNull(name, "name");
            policies = List.copyOf(policies);
        }
    }

    /** A document with its name and compiled form. */
    record Entry(NamedPolicy policy, CompiledPolicy compiled) {
        String name() {
            return policy.name();
        }
    }

    /** Compiled entries with their names, computed once so that evaluation never rebuilds the list. */
    record EntryList(List<Entry> entries, List<String> names) {
        static EntryList of(List<Entry> entries) {
            return new EntryList(List.copyOf(entries), entries.stream().map(Entry::name).toList());
        }
    }

    record CompiledLevel(String name, List<Entry> entries, EntryList list) {
        CompiledLevel(String name, List<Entry> entries) {
            this(name, entries, EntryList.of(entries));
        }
    }

    private final List<Entry> identity;
    private final Entry boundary;
    private final List<CompiledLevel> scpLevels;
    private final List<CompiledLevel> rcpLevels;
    private final Entry resource;
    private final ResourcePolicyKind resourceKind;
    private final List<Entry> session;
    private final boolean managementAccount;
    private final boolean resourceInManagementAccount;
    private final PolicyCache cache;
    private final List<String> notes;
    private final EntryList identityList;
    private final EntryList boundaryList;
    private final EntryList resourceList;
    private final EntryList sessionList;
    private final Entry vpcEndpoint;
    private final EntryList vpcEndpointList;

    private Layers(Builder b) {
        this(b.cache, b.notes, compile(b.cache, b.identity), b.boundary == null ? null : compile(b.cache, b.boundary),
                levels(b.cache, b.scpLevels), levels(b.cache, b.rcpLevels),
                b.resource == null ? null : compile(b.cache, b.resource), b.resourceKind, compile(b.cache, b.session),
                b.vpcEndpoint == null ? null : compile(b.cache, b.vpcEndpoint), b.managementAccount,
                b.resourceInManagementAccount);
    }

    /** Layers from entries already compiled (by a builder, or kept from other layers). */
    private Layers(PolicyCache cache, List<String> notes, List<Entry> identity, Entry boundary,
                   List<CompiledLevel> scpLevels, List<CompiledLevel> rcpLevels, Entry resource,
                   ResourcePolicyKind resourceKind, List<Entry> session, Entry vpcEndpoint, boolean managementAccount,
                   boolean resourceInManagementAccount) {
        this.cache = cache;
        this.notes = List.copyOf(notes);
        this.identity = List.copyOf(identity);
        this.boundary = boundary;
        this.scpLevels = List.copyOf(scpLevels);
        this.rcpLevels = List.copyOf(rcpLevels);
        this.resource = resource;
        this.resourceKind = resourceKind;
        this.session = List.copyOf(session);
        this.managementAccount = managementAccount;
        this.resourceInManagementAccount = resourceInManagementAccount;
        this.identityList = EntryList.of(this.identity);
        this.boundaryList = boundary == null ? null : EntryList.of(List.of(boundary));
        this.resourceList = resource == null ? null : EntryList.of(List.of(resource));
        this.sessionList = EntryList.of(this.session);
        this.vpcEndpoint = vpcEndpoint;
        this.vpcEndpointList = vpcEndpoint == null ? null : EntryList.of(List.of(vpcEndpoint));
    }

    /**
     * A principal's side joined with a resource's side ({@link CrossAccountSimulator#evaluate}) as a builder would
     * join them, without compiling anything again: the RCP levels, resource-based policy, its kind and the
     * management-account flag of the resource come from {@code resourceSide}, everything else from {@code
     * principalSide}, the notes of both in that order. Empty when the principal's side itself holds RCP levels or a
     * resource-based policy (the builder would merge them); the caller then joins through a builder.
     */
    static Optional<Layers> joined(Layers principalSide, Layers resourceSide) {
        Layers p = principalSide;
        Layers r = resourceSide;
        if (!p.rcpLevels.isEmpty() || p.resource != null) {
            return Optional.empty();
        }
        List<String> notes = p.notes;
        if (!r.notes.isEmpty()) {
            notes = new ArrayList<>(p.notes);
            notes.addAll(r.notes);
        }
        return Optional.of(new Layers(p.cache, notes, p.identity, p.boundary, p.scpLevels, r.rcpLevels, r.resource,
                r.resource == null ? p.resourceKind : r.resourceKind, p.session, p.vpcEndpoint, p.managementAccount,
                r.resourceInManagementAccount));
    }

    public static Builder builder() {
        return new Builder(PolicyCache.create());
    }

    /** A builder compiling through a shared cache. */
    public static Builder builder(PolicyCache cache) {
        return new Builder(Objects.requireNonNull(cache, "cache"));
    }

    /** A builder holding these layers, to add or change some (documents stay compiled in the same cache). */
    public Builder toBuilder() {
        Builder b = new Builder(cache);
        identity.forEach(e -> b.identity.add(e.policy()));
        b.boundary = boundary == null ? null : boundary.policy();
        scpLevels.forEach(l -> b.scpLevels.put(l.name(), new ArrayList<>(l.entries().stream().map(Entry::policy).toList())));
        rcpLevels.forEach(l -> b.rcpLevels.put(l.name(), new ArrayList<>(l.entries().stream().map(Entry::policy).toList())));
        b.resource = resource == null ? null : resource.policy();
        b.resourceKind = resourceKind;
        session.forEach(e -> b.session.add(e.policy()));
        b.vpcEndpoint = vpcEndpoint == null ? null : vpcEndpoint.policy();
        b.managementAccount = managementAccount;
        b.resourceInManagementAccount = resourceInManagementAccount;
        b.notes.addAll(notes);
        return b;
    }

    /**
     * These layers with only the statements that can match {@code action} (by Action or NotAction), for keeping the
     * layers of many principals while asking one question (the organization's assume-role graph asks only
     * sts:AssumeRole). Every layer, level and boundary stays, so a level or boundary left with no statement for the
     * action still fails to allow it: the verdict for that action is the same as with the whole layers.
     */
    public Layers narrowedTo(String action) {
        return narrowedTo(action, cache);
    }

    /**
     * {@link #narrowedTo(String)}, with the documents that were cut compiled through {@code keep}: layers kept long
     * after their account's simulator is released then hold only their own (cut) policies, not the account's cache of
     * every compiled policy. A document left whole keeps the compiled form it has here.
     */
    public Layers narrowedTo(String action, PolicyCache keep) {
        String a = Objects.requireNonNull(action, "action").toLowerCase(java.util.Locale.ROOT);
        Objects.requireNonNull(keep, "keep");
        return new Layers(keep, notes, narrow(identity, a, keep), narrow(boundary, a, keep), narrowLevels(scpLevels, a, keep),
                narrowLevels(rcpLevels, a, keep), narrow(resource, a, keep), resourceKind, narrow(session, a, keep),
                narrow(vpcEndpoint, a, keep), managementAccount, resourceInManagementAccount);
    }

    private List<Entry> narrow(List<Entry> entries, String actionLowerCase, PolicyCache keep) {
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(narrow(e, actionLowerCase, keep));
        }
        return out;
    }

    private List<CompiledLevel> narrowLevels(List<CompiledLevel> levels, String actionLowerCase, PolicyCache keep) {
        List<CompiledLevel> out = new ArrayList<>(levels.size());
        for (CompiledLevel l : levels) {
            out.add(new CompiledLevel(l.name(), List.copyOf(narrow(l.entries(), actionLowerCase, keep))));
        }
        return out;
    }

    private Entry narrow(Entry e, String actionLowerCase, PolicyCache keep) {
        if (e == null) {
            return null;
        }
        NamedPolicy p = narrow(e, actionLowerCase);
        return p == e.policy() ? e : new Entry(p, keep.compile(p.document(), p.name()));
    }

    private NamedPolicy narrow(Entry e, String actionLowerCase) {
        PolicyDocument doc = e.policy().document();
        iamnb.policy.internal.CompiledStatement[] compiled = e.compiled().statements();
        PolicyDocument narrowed = cache.narrowed(doc, actionLowerCase,
                () -> cut(doc, i -> compiled[i].actionMatches(actionLowerCase)));
        return narrowed == doc ? e.policy() : new NamedPolicy(e.name(), narrowed);
    }

    /** The document with only the statements kept (by index); the document itself when every one is. */
    private static PolicyDocument cut(PolicyDocument doc, java.util.function.IntPredicate kept) {
        List<iamnb.model.Statement> keep = new ArrayList<>();
        for (int i = 0; i < doc.statements().size(); i++) {
            if (kept.test(i)) {
                keep.add(doc.statements().get(i));
            }
        }
        return keep.size() == doc.statements().size() ? doc
                : new PolicyDocument(doc.version(), doc.id(), keep, doc.json());
    }

    private static Entry compile(PolicyCache cache, NamedPolicy p) {
        return new Entry(p, cache.compile(p.document(), p.name()));
    }

    private static List<Entry> compile(PolicyCache cache, List<NamedPolicy> ps) {
        List<Entry> out = new ArrayList<>(ps.size());
        for (NamedPolicy p : ps) {
            out.add(compile(cache, p));
        }
        return List.copyOf(out);
    }

    private static List<CompiledLevel> levels(PolicyCache cache, Map<String, List<NamedPolicy>> levels) {
        List<CompiledLevel> out = new ArrayList<>();
        levels.forEach((name, ps) -> out.add(new CompiledLevel(name, compile(cache, ps))));
        return List.copyOf(out);
    }

    public List<NamedPolicy> identityPolicies() {
        return identity.stream().map(Entry::policy).toList();
    }

    public Optional<NamedPolicy> boundary() {
        return Optional.ofNullable(boundary).map(Entry::policy);
    }

    public List<Level> scpLevels() {
        return scpLevels.stream().map(l -> new Level(l.name(), l.entries().stream().map(Entry::policy).toList())).toList();
    }

    public List<Level> rcpLevels() {
        return rcpLevels.stream().map(l -> new Level(l.name(), l.entries().stream().map(Entry::policy).toList())).toList();
    }

    public Optional<NamedPolicy> resourcePolicy() {
        return Optional.ofNullable(resource).map(Entry::policy);
    }

    public ResourcePolicyKind resourcePolicyKind() {
        return resourceKind;
    }

    public List<NamedPolicy> sessionPolicies() {
        return session.stream().map(Entry::policy).toList();
    }

    /** The policy of the VPC endpoint requests come through, evaluated for requests that carry aws:SourceVpce. */
    public Optional<NamedPolicy> vpcEndpointPolicy() {
        return Optional.ofNullable(vpcEndpoint).map(Entry::policy);
    }

    /** Whether the principal belongs to the organization's management account (SCPs do not apply). */
    public boolean managementAccount() {
        return managementAccount;
    }

    /** Whether the resource belongs to the management account (RCPs do not apply). */
    public boolean resourceInManagementAccount() {
        return resourceInManagementAccount;
    }

    /** What is known to be missing or assumed (a boundary policy not in the snapshot, ...), shown with decisions. */
    public List<String> notes() {
        return notes;
    }

    // ---- for the evaluator ----
    EntryList identityList() {
        return identityList;
    }

    EntryList boundaryList() {
        return boundaryList;
    }

    EntryList resourceList() {
        return resourceList;
    }

    EntryList sessionList() {
        return sessionList;
    }

    EntryList vpcEndpointList() {
        return vpcEndpointList;
    }

    List<Entry> identityEntries() {
        return identity;
    }

    Entry boundaryEntry() {
        return boundary;
    }

    List<CompiledLevel> scpEntries() {
        return scpLevels;
    }

    List<CompiledLevel> rcpEntries() {
        return rcpLevels;
    }

    Entry resourceEntry() {
        return resource;
    }

    List<Entry> sessionEntries() {
        return session;
    }

    PolicyCache cache() {
        return cache;
    }

    @Override
    public String toString() {
        return "Layers[identity=" + identity.stream().map(Entry::name).toList()
                + (boundary == null ? "" : ", boundary=" + boundary.name())
                + (scpLevels.isEmpty() ? "" : ", scpLevels=" + scpLevels.stream().map(CompiledLevel::name).toList())
                + (rcpLevels.isEmpty() ? "" : ", rcpLevels=" + rcpLevels.stream().map(CompiledLevel::name).toList())
                + (resource == null ? "" : ", " + resourceKind.title() + "=" + resource.name())
                + (session.isEmpty() ? "" : ", session=" + session.stream().map(Entry::name).toList())
                + (vpcEndpoint == null ? "" : ", vpcEndpoint=" + vpcEndpoint.name()) + "]";
    }

    /** Builds {@link Layers}; every method may be called in any order, and every layer is optional. */
    public static final class Builder {
        private final PolicyCache cache;
        private final List<NamedPolicy> identity = new ArrayList<>();
        private NamedPolicy boundary;
        private final Map<String, List<NamedPolicy>> scpLevels = new LinkedHashMap<>();
        private final Map<String, List<NamedPolicy>> rcpLevels = new LinkedHashMap<>();
        private NamedPolicy resource;
        private ResourcePolicyKind resourceKind = ResourcePolicyKind.GENERIC;
        private final List<NamedPolicy> session = new ArrayList<>();
        private NamedPolicy vpcEndpoint;
        private boolean managementAccount;
        private boolean resourceInManagementAccount;
        private final List<String> notes = new ArrayList<>();

        private Builder(PolicyCache cache) {
            this.cache = cache;
        }

        /** An identity-based policy: the user's or role's inline or attached policy, or one of its groups'. */
        public Builder identity(String name, PolicyDocument doc) {
            identity.add(new NamedPolicy(name, doc));
            return this;
        }

        /** An identity-based policy given as JSON text. */
        public Builder identity(String name, String json) {
            return identity(name, PolicyDocument.parse(json, name));
        }

        /** The permissions boundary of the user or role. */
        public Builder boundary(String name, PolicyDocument doc) {
            this.boundary = new NamedPolicy(name, doc);
            return this;
        }

        public Builder boundary(String name, String json) {
            return boundary(name, PolicyDocument.parse(json, name));
        }

        /**
         * Adds SCPs attached at one level (root, OU, account). Calling it again with the same level name adds to
         * that level; levels keep the order of their first call, which must be root first, account last.
         */
        public Builder scpLevel(String level, NamedPolicy... policies) {
            scpLevels.computeIfAbsent(level, k -> new ArrayList<>()).addAll(List.of(policies));
            return this;
        }

        /** Adds one SCP at a level; the level takes the policy's name. */
        public Builder scpLevel(String level, PolicyDocument doc) {
            return scp(level, level, doc);
        }

        /** Adds the SCP {@code name} at {@code level}. */
        public Builder scp(String level, String name, PolicyDocument doc) {
            return scpLevel(level, new NamedPolicy(name, doc));
        }

        /** Adds RCPs attached at one level of the resource's account's organization, root first. */
        public Builder rcpLevel(String level, NamedPolicy... policies) {
            rcpLevels.computeIfAbsent(level, k -> new ArrayList<>()).addAll(List.of(policies));
            return this;
        }

        public Builder rcpLevel(String level, PolicyDocument doc) {
            return rcp(level, level, doc);
        }

        public Builder rcp(String level, String name, PolicyDocument doc) {
            return rcpLevel(level, new NamedPolicy(name, doc));
        }

        /** A resource-based policy (bucket policy, queue policy, ...): within one account either side may allow. */
        public Builder resourcePolicy(String name, PolicyDocument doc) {
            return resourcePolicy(name, doc, ResourcePolicyKind.GENERIC);
        }

        public Builder resourcePolicy(String name, String json) {
            return resourcePolicy(name, PolicyDocument.parse(json, name));
        }

        public Builder resourcePolicy(String name, PolicyDocument doc, ResourcePolicyKind kind) {
            this.resource = new NamedPolicy(name, doc);
            this.resourceKind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /** A role's trust policy, which must allow sts:AssumeRole* for the principal. */
        public Builder trustPolicy(String name, PolicyDocument doc) {
            return resourcePolicy(name, doc, ResourcePolicyKind.ROLE_TRUST);
        }

        public Builder trustPolicy(String name, String json) {
            return trustPolicy(name, PolicyDocument.parse(json, name));
        }

        /** A KMS key policy, which must allow the principal (or the account, delegating to IAM policies). */
        public Builder keyPolicy(String name, PolicyDocument doc) {
            return resourcePolicy(name, doc, ResourcePolicyKind.KMS_KEY);
        }

        /** A session policy passed to AssumeRole or GetFederationToken; several are taken together. */
        public Builder sessionPolicy(String name, PolicyDocument doc) {
            session.add(new NamedPolicy(name, doc));
            return this;
        }

        public Builder sessionPolicy(String name, String json) {
            return sessionPolicy(name, PolicyDocument.parse(json, name));
        }

        /**
         * The policy of the VPC endpoint the request comes through. It takes part only for requests that carry
         * {@code aws:SourceVpce}: such a request is allowed only if the endpoint policy allows it as well, and an
         * explicit Deny there denies it (AWS PrivateLink Guide › Control access to VPC endpoints using endpoint
         * policies). Its statements name principals, as in a resource-based policy.
         */
        public Builder vpcEndpointPolicy(String name, PolicyDocument doc) {
            this.vpcEndpoint = new NamedPolicy(name, doc);
            return this;
        }

        public Builder vpcEndpointPolicy(String name, String json) {
            return vpcEndpointPolicy(name, PolicyDocument.parse(json, name));
        }

        /** The principal is in the organization's management account: SCPs do not restrict it. */
        public Builder managementAccount(boolean value) {
            this.managementAccount = value;
            return this;
        }

        /** The resource is in the organization's management account: RCPs do not restrict it. */
        public Builder resourceInManagementAccount(boolean value) {
            this.resourceInManagementAccount = value;
            return this;
        }

        /** A remark shown with every decision made on these layers, e.g. a policy that could not be found. */
        public Builder note(String text) {
            notes.add(Objects.requireNonNull(text, "text"));
            return this;
        }

        /**
         * Replaces the document of the policy called {@code name} in one kind of layer (for proposed changes that
         * are evaluated before anyone makes them); false when the layer holds no such policy.
         */
        boolean replace(LayerKind kind, String name, PolicyDocument doc) {
            NamedPolicy replacement = new NamedPolicy(name, doc);
            switch (kind) {
                case IDENTITY:
                    return replaceIn(identity, name, replacement);
                case SESSION_POLICY:
                    return replaceIn(session, name, replacement);
                case SCP:
                    return scpLevels.values().stream().anyMatch(l -> replaceIn(l, name, replacement));
                case RCP:
                    return rcpLevels.values().stream().anyMatch(l -> replaceIn(l, name, replacement));
                case PERMISSIONS_BOUNDARY:
                    if (boundary != null && boundary.name().equals(name)) {
                        boundary = replacement;
                        return true;
                    }
                    return false;
                case RESOURCE_POLICY:
                    if (resource != null && resource.name().equals(name)) {
                        resource = replacement;
                        return true;
                    }
                    return false;
                case VPC_ENDPOINT_POLICY:
                default:
                    if (vpcEndpoint != null && vpcEndpoint.name().equals(name)) {
                        vpcEndpoint = replacement;
                        return true;
                    }
                    return false;
            }
        }

        private static boolean replaceIn(List<NamedPolicy> list, String name, NamedPolicy replacement) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).name().equals(name)) {
                    list.set(i, replacement);
                    return true;
                }
            }
            return false;
        }

        /** Declares an SCP level with no policy attached (such a level allows nothing). */
        public Builder emptyScpLevel(String level) {
            scpLevels.computeIfAbsent(level, k -> new ArrayList<>());
            return this;
        }

        /** Declares an RCP level with no policy attached. */
        public Builder emptyRcpLevel(String level) {
            rcpLevels.computeIfAbsent(level, k -> new ArrayList<>());
            return this;
        }

        /**
         * {@code build().narrowedTo(action, keep)} without compiling the statements that are cut away: each document
         * is cut to the statements whose Action can match {@code action} (remembered in this builder's cache), and
         * only what is left is compiled, through {@code keep}. For keeping the sides of many principals while asking
         * one question; the verdict for {@code action} is the same as with every statement.
         */
        public Layers buildNarrowedTo(String action, PolicyCache keep) {
            String a = Objects.requireNonNull(action, "action").toLowerCase(java.util.Locale.ROOT);
            Builder n = new Builder(Objects.requireNonNull(keep, "keep"));
            identity.forEach(p -> n.identity.add(narrow(p, a)));
            n.boundary = boundary == null ? null : narrow(boundary, a);
            scpLevels.forEach((level, ps) -> n.scpLevels.put(level, new ArrayList<>(ps.stream().map(p -> narrow(p, a)).toList())));
            rcpLevels.forEach((level, ps) -> n.rcpLevels.put(level, new ArrayList<>(ps.stream().map(p -> narrow(p, a)).toList())));
            n.resource = resource == null ? null : narrow(resource, a);
            n.resourceKind = resourceKind;
            session.forEach(p -> n.session.add(narrow(p, a)));
            n.vpcEndpoint = vpcEndpoint == null ? null : narrow(vpcEndpoint, a);
            n.managementAccount = managementAccount;
            n.resourceInManagementAccount = resourceInManagementAccount;
            n.notes.addAll(notes);
            return n.build();
        }

        /**
         * The identity policies added so far, each cut to the statements whose Action can match {@code action} as
         * {@link #buildNarrowedTo} cuts them, compiling nothing: enough to tell whether a principal's own policies
         * could allow the action at all before building its layers.
         */
        public List<NamedPolicy> identityNarrowedTo(String action) {
            String a = Objects.requireNonNull(action, "action").toLowerCase(java.util.Locale.ROOT);
            List<NamedPolicy> out = new ArrayList<>(identity.size());
            identity.forEach(p -> out.add(narrow(p, a)));
            return out;
        }

        private NamedPolicy narrow(NamedPolicy p, String actionLowerCase) {
            PolicyDocument doc = p.document();
            PolicyDocument narrowed = cache.narrowed(doc, actionLowerCase, () -> cut(doc,
                    i -> iamnb.policy.internal.CompiledStatement.actionMatches(doc.statements().get(i), actionLowerCase)));
            return narrowed == doc ? p : new NamedPolicy(p.name(), narrowed);
        }

        /**
         * Compiles every document.
         *
         * @throws iamnb.InvalidInputException naming the policy and statement of an unknown condition operator
         */
        public Layers build() {
            return new Layers(this);
        }
    }
}
