package iamnb.org;

import iamnb.catalog.Wildcards;
import iamnb.model.Condition;
import iamnb.model.Statement;
import iamnb.policy.Decision;
import iamnb.policy.LayerKind;
import iamnb.policy.LayerResult;
import iamnb.policy.NamedPolicy;
import iamnb.policy.PolicyEvaluator;
import iamnb.policy.PrincipalMatch;
import iamnb.policy.Request;
import iamnb.policy.RequestPrincipal;
import iamnb.policy.StatementMatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The small pure pieces of deciding an assume-role edge: the request as a real AssumeRole call carries it, the
 * context a caller must send to satisfy a trust statement (external id, MFA, source identity), which resources a
 * principal's identity policies may let it assume, and the edge read back from an allowing decision.
 */
final class AssumeChecks {
    static final String ASSUME_ROLE = "sts:AssumeRole";
    static final String WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
    static final String SAML = "sts:AssumeRoleWithSAML";
    /** The session name used for a role's session when it chains into the next role. */
    static final String SESSION = "iamnb-chain";

    /**
     * Keys the caller cannot choose: AWS derives them from the principal, the resource or the request itself, so a
     * trust statement testing them is decided by the engine from what it knows, never "satisfied" by us.
     */
    private static final List<String> DERIVED_PREFIXES = List.of("aws:principal", "aws:userid", "aws:username",
            "aws:resource", "aws:currenttime", "aws:epochtime", "aws:securetransport", "aws:requestedregion",
            "aws:sourceaccount", "aws:sourcearn", "aws:sourceorg", "aws:calledvia", "aws:viaawsservice");

    private AssumeChecks() {}

    /** The AssumeRole call: the role's tags as resource tags, HTTPS, us-east-1, at the snapshot's time. */
    static Request request(RequestPrincipal caller, String action, String roleArn, Map<String, String> roleTags,
                           Instant at, String organizationId, Map<String, List<String>> context) {
        Request.Builder b = Request.builder().principal(caller).action(action).resource(roleArn).resourceTags(roleTags)
                .context("aws:SecureTransport", "true").context("aws:RequestedRegion", "us-east-1").at(at);
        if (!organizationId.isEmpty()) {
            b.context("aws:PrincipalOrgID", organizationId);
        }
        context.forEach(b::context);
        return b.build();
    }

    /**
     * The contexts worth trying for a trust policy: none first, then for each Allow statement the values its
     * conditions ask the caller to send (an external id, MFA present, a source identity). A caller able to send them
     * gets in; the edge records that it must.
     */
    static List<Map<String, List<String>>> contextsToTry(Optional<NamedPolicy> trust) {
        Set<Map<String, List<String>>> out = new LinkedHashSet<>();
        out.add(Map.of());
        trust.ifPresent(t -> {
            for (Statement s : t.document().statements()) {
                if (s.isAllow()) {
                    Map<String, List<String>> supplied = callerSupplied(s);
                    if (!supplied.isEmpty()) {
                        out.add(supplied);
                    }
                }
            }
        });
        return List.copyOf(out);
    }

    /** Values satisfying the statement's conditions on keys the caller sends; derived keys are left to the engine. */
    static Map<String, List<String>> callerSupplied(Statement s) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Condition c : s.conditions()) {
            String key = c.key().toLowerCase(Locale.ROOT);
            if (c.values().isEmpty() || DERIVED_PREFIXES.stream().anyMatch(key::startsWith)) {
                continue;
            }
            String op = c.operator().replace("ForAnyValue:", "").replace("ForAllValues:", "").replace("IfExists", "");
            String first = c.values().get(0);
            String value = switch (op) {
                case "StringEquals", "StringEqualsIgnoreCase", "ArnEquals", "Bool" -> first;
                case "StringLike", "ArnLike" -> first.replace('*', 'x').replace('?', 'x');
                case "NumericLessThan", "NumericLessThanEquals" -> "0";
                case "NumericEquals", "NumericGreaterThanEquals" -> first;
                default -> null;
            };
            if (value != null) {
                out.put(c.key(), List.of(value));
            }
        }
        return out;
    }

    /**
     * The resource patterns of the identity statements allowing sts:AssumeRole (the policies are cut to it):
     * {@code "*"} for NotResource, a missing Resource or a pattern with policy variables. Empty: the identity
     * policies allow no AssumeRole at all, so no cross-account edge can start here.
     */
    static List<String> assumePatterns(List<NamedPolicy> narrowedIdentityPolicies) {
        List<String> out = new ArrayList<>();
        for (NamedPolicy p : narrowedIdentityPolicies) {
            for (Statement s : p.document().statements()) {
                if (!s.isAllow()) {
                    continue;
                }
                if (s.notResource() || s.resources().isEmpty()) {
                    out.add("*");
                } else {
                    s.resources().forEach(r -> out.add(r.contains("${") ? "*" : r));
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    /** Whether one of the patterns could match the role's ARN (the engine decides; this only prunes). */
    static boolean mayAssume(List<String> patterns, String roleArn) {
        for (String p : patterns) {
            if (p.equals("*") || Wildcards.matchesIgnoringCase(p, roleArn)) {
                return true;
            }
        }
        return false;
    }

    /** The trust statement that let the caller in: the strongest Allow of the resource-based policy layer. */
    static Optional<StatementMatch> trustGrant(Decision d) {
        List<StatementMatch> allows = new ArrayList<>();
        for (LayerResult l : d.layerResults()) {
            if (l.kind() == LayerKind.RESOURCE_POLICY) {
                allows.addAll(l.allows());
            }
        }
        return PolicyEvaluator.strongestGrant(allows);
    }

    /** The edge an allowing decision stands for. */
    static TrustEdge edge(Decision d, NodeKind kind, String fromAccount, String fromPrincipal, String toAccount,
                          Map<String, List<String>> context) {
        Optional<StatementMatch> grant = trustGrant(d);
        Statement st = grant.map(StatementMatch::statement).orElse(null);
        List<Condition> conditions = st == null ? List.of() : st.conditions();
        PrincipalMatch pm = grant.flatMap(StatementMatch::principalMatch).orElse(PrincipalMatch.WILDCARD);
        boolean orgCondition = conditions.stream().map(c -> c.key().toLowerCase(Locale.ROOT))
                .anyMatch(k -> k.equals("aws:principalorgid") || k.equals("aws:principalorgpaths"));
        String via = switch (pm) {
            case ACCOUNT -> "account root";
            case DIRECT -> d.request().principal().type().isSession() ? "session ARN" : "user ARN";
            case ENTITY -> kind == NodeKind.SERVICE ? "service" : kind == NodeKind.FEDERATED ? "identity provider" : "role ARN";
            case NOT_PRINCIPAL, NOT_PRINCIPAL_WITH_BOUNDARY -> "NotPrincipal";
            default -> orgCondition ? "org condition" : "any principal (*)";
        };
        List<String> externalIds = new ArrayList<>();
        boolean mfa = false;
        boolean sourceIdentity = false;
        for (Condition c : conditions) {
            String k = c.key().toLowerCase(Locale.ROOT);
            if (k.equals("sts:externalid")) {
                externalIds.addAll(c.values());
            }
            mfa |= k.equals("aws:multifactorauthpresent") || k.equals("aws:multifactorauthage");
            sourceIdentity |= k.equals("sts:sourceidentity");
        }
        String statement = grant.map(g -> g.policyName() + ", statement " + g.label()).orElse("");
        boolean wholeAccount = pm == PrincipalMatch.ACCOUNT || via.equals("org condition")
                || via.equals("any principal (*)") || via.equals("NotPrincipal");
        return new TrustEdge(kind, fromAccount, fromPrincipal, toAccount, d.request().resource(), via, statement,
                conditions.stream().map(Condition::toString).toList(), externalIds, mfa, sourceIdentity, wholeAccount,
                context);
    }
}
