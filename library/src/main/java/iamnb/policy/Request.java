package iamnb.policy;

import iamnb.InvalidInputException;
import iamnb.model.PolicyDocument;
import iamnb.policy.internal.ContextLookup;
import iamnb.policy.internal.ParsedArn;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request to evaluate: who asks ({@link RequestPrincipal}), for which action, on which resource, with which
 * context keys, and under which session policy. Immutable; build it with {@link #builder()}.
 *
 * <p>Context keys are case-insensitive (IAM JSON policy elements: Condition › "Condition key names are not
 * case-sensitive") and may hold several values. The request fills in the keys AWS derives from the principal
 * and the resource — {@code aws:PrincipalArn}, {@code aws:PrincipalAccount}, {@code aws:PrincipalType},
 * {@code aws:PrincipalTag/*}, {@code aws:username}, {@code aws:userid}, {@code aws:PrincipalIsAWSService},
 * {@code aws:PrincipalServiceName}, {@code aws:ResourceAccount}, {@code aws:ResourceTag/*}, and
 * {@code aws:CurrentTime}/{@code aws:EpochTime} when a time is given (AWS global condition context keys) —
 * unless the caller sets them. Everything a policy can test is prepared once here (lower-cased action, ARN
 * split into parts, key map), so that evaluating many policies against one request stays cheap.
 */
public final class Request {
    private final RequestPrincipal principal;
    private final String action;
    private final String resource;
    private final String resourceAccount;
    private final Map<String, List<String>> context;      // as the caller gave it, case-insensitive keys
    private final Map<String, String> resourceTags;
    private final Optional<PolicyDocument> sessionPolicy;
    private final Optional<Instant> time;
    private final boolean unknownContext;

    // prepared once
    private final String actionLower;
    private final String service;
    private final ParsedArn resourceArn;
    private volatile Map<String, List<String>> effective; // lower-cased key -> values, derived keys included; on first use
    private final ContextLookup lookup;

    private Request(Builder b) {
        this.principal = Objects.requireNonNull(b.principal, "principal: call principal(...) on the builder");
        if (b.action == null || b.action.isBlank()) {
            throw new InvalidInputException("request: the action is missing; give one such as \"s3:GetObject\"");
        }
        if (b.resource == null || b.resource.isBlank()) {
            throw new InvalidInputException("request: the resource is missing; give an ARN such as "
                    + "\"arn:aws:s3:::bucket/key\", or \"*\" for actions without resource-level permissions");
        }
        this.action = b.action.trim();
        this.resource = b.resource.trim();
        this.resourceArn = ParsedArn.of(resource);
        String account = b.resourceAccount == null ? "" : b.resourceAccount.trim();
        if (account.isEmpty()) {
            account = resourceArn.account();
        }
        this.resourceAccount = account;
        TreeMap<String, List<String>> ctx = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        b.context.forEach((k, v) -> ctx.put(k, List.copyOf(v)));
        this.context = Collections.unmodifiableMap(ctx);
        this.resourceTags = Collections.unmodifiableMap(new LinkedHashMap<>(b.resourceTags));
        this.sessionPolicy = Optional.ofNullable(b.sessionPolicy);
        this.time = Optional.ofNullable(b.time);
        this.unknownContext = b.unknownContext;
        this.actionLower = action.toLowerCase(Locale.ROOT);
        int colon = actionLower.indexOf(':');
        this.service = colon < 0 ? actionLower : actionLower.substring(0, colon);
        this.lookup = key -> effective().get(key);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.principal = principal;
        b.action = action;
        b.resource = resource;
        b.resourceAccount = resourceAccount;
        b.context.putAll(context);
        b.resourceTags.putAll(resourceTags);
        b.sessionPolicy = sessionPolicy.orElse(null);
        b.time = time.orElse(null);
        b.unknownContext = unknownContext;
        return b;
    }

    /** The same request for another action (the prepared context is rebuilt). */
    public Request withAction(String newAction) {
        return toBuilder().action(newAction).build();
    }

    /** The same request on another resource. */
    public Request withResource(String newResource) {
        return toBuilder().resource(newResource).build();
    }

    public RequestPrincipal principal() {
        return principal;
    }

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    /**
     * The account that owns the resource: as given, else the account part of the resource ARN, else "" (then
     * the resource is taken to be in the principal's account).
     */
    public String resourceAccount() {
        return resourceAccount;
    }

    /** The context keys as the caller gave them (case-insensitive keys), without the derived ones. */
    public Map<String, List<String>> context() {
        return context;
    }

    /** Every context key the policies see: derived keys plus the caller's, keys in their written case. */
    public Map<String, List<String>> effectiveContext() {
        return effectiveDisplay();
    }

    public Map<String, String> resourceTags() {
        return resourceTags;
    }

    public Optional<PolicyDocument> sessionPolicy() {
        return sessionPolicy;
    }

    /** The time of the request, which sets {@code aws:CurrentTime} and {@code aws:EpochTime}. */
    public Optional<Instant> time() {
        return time;
    }

    /**
     * Discovery mode: the caller does not know the context keys it left out (source IP, MFA, ...), so the
     * decision says which of them would change the answer ({@link Decision#dependsOn()}) instead of treating
     * them silently as absent. The verdict itself is computed as documented, with the keys absent.
     */
    public boolean unknownContext() {
        return unknownContext;
    }

    /** True when the resource belongs to another account than the principal (Cross-account policy evaluation logic). */
    public boolean isCrossAccount() {
        return !resourceAccount.isEmpty() && !principal.account().isEmpty()
                && !resourceAccount.equals(principal.account());
    }

    /** The values of a context key (case-insensitive), derived keys included; empty when missing. */
    public List<String> contextValues(String key) {
        List<String> v = effective().get(key.toLowerCase(Locale.ROOT));
        return v == null ? List.of() : v;
    }

    // ---- prepared forms, for the evaluator ----

    /** The action, lower-cased once (actions are case-insensitive). */
    public String actionLowerCase() {
        return actionLower;
    }

    /** The action's service prefix, lower-cased ("s3" for "s3:GetObject"). */
    public String service() {
        return service;
    }

    ParsedArn resourceArn() {
        return resourceArn;
    }

    ContextLookup lookup() {
        return lookup;
    }

    private Map<String, List<String>> effective() {
        Map<String, List<String>> m = effective;
        if (m == null) {
            m = lowerCaseContext();
            effective = m;
        }
        return m;
    }

    private Map<String, List<String>> lowerCaseContext() {
        Map<String, List<String>> m = new HashMap<>();
        derived().forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
        context.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
        return m;
    }

    private Map<String, List<String>> effectiveDisplay() {
        TreeMap<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.putAll(derived());
        m.putAll(context);
        return Collections.unmodifiableMap(m);
    }

    /** The keys AWS derives from the principal, the resource and the clock. */
    private Map<String, List<String>> derived() {
        Map<String, List<String>> d = new LinkedHashMap<>();
        RequestPrincipal p = principal;
        switch (p.type()) {
            case SERVICE:
                d.put("aws:PrincipalServiceName", List.of(p.arn()));
                d.put("aws:PrincipalIsAWSService", List.of("true"));
                break;
            case ANONYMOUS:
                d.put("aws:PrincipalType", List.of(p.type().contextValue()));
                d.put("aws:userid", List.of("anonymous"));
                d.put("aws:PrincipalIsAWSService", List.of("false"));
                break;
            case WEB_IDENTITY:
            case SAML:
                d.put("aws:PrincipalIsAWSService", List.of("false"));
                break;
            default:
                d.put("aws:PrincipalArn", List.of(p.principalArn()));
                if (!p.account().isEmpty()) {
                    d.put("aws:PrincipalAccount", List.of(p.account()));
                }
                d.put("aws:PrincipalType", List.of(p.type().contextValue()));
                d.put("aws:PrincipalIsAWSService", List.of("false"));
                if (p.type() == PrincipalType.USER) {
                    d.put("aws:username", List.of(p.name()));
                }
                String userId = userId(p);
                if (!userId.isEmpty()) {
                    d.put("aws:userid", List.of(userId));
                }
                p.tags().forEach((k, v) -> d.put("aws:PrincipalTag/" + k, List.of(v)));
                break;
        }
        if (!resourceAccount.isEmpty()) {
            d.put("aws:ResourceAccount", List.of(resourceAccount));
        }
        resourceTags.forEach((k, v) -> d.put("aws:ResourceTag/" + k, List.of(v)));
        time.ifPresent(t -> {
            d.put("aws:CurrentTime", List.of(DateTimeFormatter.ISO_INSTANT.format(t)));
            d.put("aws:EpochTime", List.of(Long.toString(t.getEpochSecond())));
        });
        return d;
    }

    /**
     * {@code aws:userid} as AWS documents it (IAM policy elements: Variables and tags › "Request information
     * that you can use for policy variables"): the user's unique id for a user, {@code ROLE-ID:SESSION} for a
     * role session, the account id for the root user, {@code ACCOUNT:NAME} for a federated user.
     */
    private static String userId(RequestPrincipal p) {
        switch (p.type()) {
            case ASSUMED_ROLE:
                return p.userId().isEmpty() ? "" : p.userId() + ":" + p.name();
            case ROOT:
                return p.account();
            default:
                return p.userId();
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Request r)) {
            return false;
        }
        return principal.equals(r.principal) && action.equals(r.action) && resource.equals(r.resource)
                && resourceAccount.equals(r.resourceAccount) && context.equals(r.context)
                && resourceTags.equals(r.resourceTags) && sessionPolicy.equals(r.sessionPolicy) && time.equals(r.time)
                && unknownContext == r.unknownContext;
    }

    @Override
    public int hashCode() {
        return Objects.hash(principal, action, resource, resourceAccount, context, resourceTags, time);
    }

    @Override
    public String toString() {
        return principal.arn() + " " + action + " " + resource + (context.isEmpty() ? "" : " " + context);
    }

    /** Builds a {@link Request}; principal, action and resource are required. */
    public static final class Builder {
        private RequestPrincipal principal;
        private String action;
        private String resource;
        private String resourceAccount;
        private final Map<String, List<String>> context = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final Map<String, String> resourceTags = new LinkedHashMap<>();
        private PolicyDocument sessionPolicy;
        private Instant time;
        private boolean unknownContext;

        private Builder() {}

        public Builder principal(RequestPrincipal p) {
            this.principal = Objects.requireNonNull(p, "principal");
            return this;
        }

        /** The principal read from an ARN (see {@link RequestPrincipal#fromArn(String)}). */
        public Builder principal(String arn) {
            return principal(RequestPrincipal.fromArn(arn));
        }

        public Builder action(String action) {
            this.action = action;
            return this;
        }

        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        /** The account owning the resource, needed for ARNs without one (S3 buckets). */
        public Builder resourceAccount(String account) {
            this.resourceAccount = account;
            return this;
        }

        /** Sets a context key (case-insensitive) to one or several values, replacing earlier values. */
        public Builder context(String key, String... values) {
            context.put(key, List.of(values));
            return this;
        }

        /** Sets a context key to a list of values; an empty list is a key present with no values. */
        public Builder context(String key, List<String> values) {
            context.put(key, List.copyOf(values));
            return this;
        }

        /** Sets several context keys at once. */
        public Builder context(Map<String, List<String>> keys) {
            keys.forEach(this::context);
            return this;
        }

        /** Removes a key the caller set earlier. */
        public Builder withoutContext(String key) {
            context.remove(key);
            return this;
        }

        /** A tag on the resource, seen as {@code aws:ResourceTag/KEY}. */
        public Builder resourceTag(String key, String value) {
            resourceTags.put(key, value);
            return this;
        }

        public Builder resourceTags(Map<String, String> tags) {
            resourceTags.putAll(tags);
            return this;
        }

        /** The session policy passed when the session was created (AssumeRole, GetFederationToken). */
        public Builder sessionPolicy(PolicyDocument policy) {
            this.sessionPolicy = policy;
            return this;
        }

        /** The request's time: sets {@code aws:CurrentTime} and {@code aws:EpochTime}. */
        public Builder at(Instant instant) {
            this.time = instant;
            return this;
        }

        /**
         * Discovery mode: context keys not given are unknown rather than absent; the decision then names the
         * ones that would change it ("depends on aws:SourceIp, aws:MultiFactorAuthPresent").
         */
        public Builder unknownContext() {
            this.unknownContext = true;
            return this;
        }

        public Request build() {
            return new Request(this);
        }
    }
}
