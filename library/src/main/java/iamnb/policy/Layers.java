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
        this.cache = b.cache;
        this.notes = List.copyOf(b.notes);
        this.identity = compile(b.identity);
        this.boundary = b.boundary == null ? null : compile(b.boundary);
        this.scpLevels = levels(b.scpLevels);
        this.rcpLevels = levels(b.rcpLevels);
        this.resource = b.resource == null ? null : compile(b.resource);
        this.resourceKind = b.resourceKind;
        this.session = compile(b.session);
        this.managementAccount = b.managementAccount;
        this.resourceInManagementAccount = b.resourceInManagementAccount;
        this.identityList = EntryList.of(identity);
        this.boundaryList = boundary == null ? null : EntryList.of(List.of(boundary));
        this.resourceList = resource == null ? null : EntryList.of(List.of(resource));
        this.sessionList = EntryList.of(session);
        this.vpcEndpoint = b.vpcEndpoint == null ? null : compile(b.vpcEndpoint);
        this.vpcEndpointList = vpcEndpoint == null ? null : EntryList.of(List.of(vpcEndpoint));
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
        String a = Objects.requireNonNull(action, "action").toLowerCase(java.util.Locale.ROOT);
        Builder b = new Builder(cache);
        identity.forEach(e -> b.identity.add(narrow(e, a)));
        b.boundary = boundary == null ? null : narrow(boundary, a);
        scpLevels.forEach(l -> b.scpLevels.put(l.name(), new ArrayList<>(l.entries().stream().map(e -> narrow(e, a)).toList())));
        rcpLevels.forEach(l -> b.rcpLevels.put(l.name(), new ArrayList<>(l.entries().stream().map(e -> narrow(e, a)).toList())));
        b.resource = resource == null ? null : narrow(resource, a);
        b.resourceKind = resourceKind;
        session.forEach(e -> b.session.add(narrow(e, a)));
        b.vpcEndpoint = vpcEndpoint == null ? null : narrow(vpcEndpoint, a);
        b.managementAccount = managementAccount;
        b.resourceInManagementAccount = resourceInManagementAccount;
        b.notes.addAll(notes);
        return b.build();
    }

    private NamedPolicy narrow(Entry e, String actionLowerCase) {
        PolicyDocument doc = e.policy().document();
        PolicyDocument narrowed = cache.narrowed(doc, actionLowerCase, () -> {
            iamnb.policy.internal.CompiledStatement[] compiled = e.compiled().statements();
            List<iamnb.model.Statement> keep = new ArrayList<>();
            for (int i = 0; i < compiled.length; i++) {
                if (compiled[i].actionMatches(actionLowerCase)) {
                    keep.add(doc.statements().get(i));
                }
            }
            return keep.size() == compiled.length ? doc : new PolicyDocument(doc.version(), doc.id(), keep, doc.json());
        });
        return narrowed == doc ? e.policy() : new NamedPolicy(e.name(), narrowed);
    }

    private Entry compile(NamedPolicy p) {
        return new Entry(p, cache.compile(p.document(), p.name()));
    }

    private List<Entry> compile(List<NamedPolicy> ps) {
        List<Entry> out = new ArrayList<>(ps.size());
        for (NamedPolicy p : ps) {
            out.add(compile(p));
        }
        return List.copyOf(out);
    }

    private List<CompiledLevel> levels(Map<String, List<NamedPolicy>> levels) {
        List<CompiledLevel> out = new ArrayList<>();
        levels.forEach((name, ps) -> out.add(new CompiledLevel(name, compile(ps))));
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
         * Compiles every document.
         *
         * @throws iamnb.InvalidInputException naming the policy and statement of an unknown condition operator
         */
        public Layers build() {
            return new Layers(this);
        }
    }
}
