package iamnb.policy;

import iamnb.model.PolicyDocument;
import iamnb.policy.Layers.CompiledLevel;
import iamnb.policy.Layers.Entry;
import iamnb.policy.Layers.EntryList;
import iamnb.policy.internal.CompiledStatement;
import iamnb.policy.internal.ContextLookup;
import iamnb.policy.internal.ParsedArn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Evaluates one request against policies layer by layer, offline, as AWS documents it:
 *
 * <ol>
 *   <li>An explicit Deny in any layer — SCPs, RCPs, the resource-based policy, identity policies, the
 *       permissions boundary, session policies — decides: EXPLICIT_DENY (How AWS enforcement code logic evaluates
 *       requests to allow or deny access › "Deny evaluation").</li>
 *   <li>RCPs, then SCPs: every level from the root to the account must have an applicable Allow, else
 *       IMPLICIT_DENY ("Organizations RCPs", "Organizations SCPs"). SCPs do not restrict the management
 *       account or service-linked roles (AWS Organizations › SCPs › "Tasks and entities not restricted by
 *       SCPs"); RCPs apply only to resources of member accounts in services that support them (AWS Organizations
 *       › Resource control policies › "List of AWS services that support RCPs"; "Tasks and entities not
 *       restricted by RCPs").</li>
 *   <li>Within one account, an Allow in either the identity policies or the resource-based policy grants, except
 *       that role trust policies and KMS key policies must allow themselves ("Resource-based policies"). A
 *       resource-based grant to the user's ARN or the session's ARN is not limited by an implicit deny in the
 *       identity policies, the boundary or the session policy; a grant to the role's ARN is limited by the
 *       boundary and the session policy (Permissions boundaries for IAM entities › "Evaluating effective
 *       permissions with boundaries"; Policy types › "Session policies"); a grant to the account delegates to
 *       IAM policies (AWS JSON policy elements: Principal › "AWS account principals").</li>
 *   <li>Otherwise the identity policies must allow, and the boundary and the session policy, when present,
 *       must allow too (intersection).</li>
 *   <li>Across accounts, both the resource-based policy in the resource's account and the principal's own
 *       policies must allow (Cross-account policy evaluation logic).</li>
 *   <li>A request that came through a VPC endpoint ({@code aws:SourceVpce}) must also be allowed by the
 *       endpoint's policy, given as {@link Layers.Builder#vpcEndpointPolicy}; its explicit Deny denies (AWS
 *       PrivateLink Guide › Control access to VPC endpoints using endpoint policies).</li>
 *   <li>Some requests AWS refuses whatever the policies say, and {@code sts:GetCallerIdentity} it allows
 *       whatever they say ({@link ServiceRule}; AWS STS API Reference › GetCallerIdentity).</li>
 *   <li>The root user has full access in its own account (How AWS enforcement code logic evaluates requests
 *       … "with the exception of the AWS account root user"), but cannot call AssumeRole (AWS STS API
 *       Reference › AssumeRole: "You cannot use AWS account root user credentials to call this operation").
 *       Services, anonymous callers and web-identity or SAML callers get access only through resource-based
 *       policies.</li>
 * </ol>
 *
 * <p>Pure and thread-safe: a function of the request and the layers.
 */
public final class PolicyEvaluator {
    /**
     * Services whose resources RCPs restrict (AWS Organizations › Resource control policies (RCPs) › "List of
     * AWS services that support RCPs"). RCPs do not apply to actions of other services.
     */
    static final Set<String> RCP_SERVICES = Set.of("s3", "sts", "kms", "sqs", "secretsmanager", "ecr", "aoss",
            "cognito-identity", "dynamodb", "logs");

    private static final String RCP_SERVICE_LIST = String.join(", ", new java.util.TreeSet<>(RCP_SERVICES));

    private static final Set<String> ASSUME_ROLE_ACTIONS = Set.of(
            "sts:assumerole", "sts:assumerolewithwebidentity", "sts:assumerolewithsaml");

    // Layers that did not take part, for the common cases: built once (they are immutable).
    private static final LayerResult NO_RESOURCE_POLICY = LayerResult.notApplicable(LayerKind.RESOURCE_POLICY,
            LayerKind.RESOURCE_POLICY.singular(), "no resource-based policy was given");
    private static final LayerResult NO_BOUNDARY = LayerResult.notApplicable(LayerKind.PERMISSIONS_BOUNDARY,
            LayerKind.PERMISSIONS_BOUNDARY.singular(), "no permissions boundary is set");
    private static final LayerResult NO_SESSION_POLICY = LayerResult.notApplicable(LayerKind.SESSION_POLICY,
            LayerKind.SESSION_POLICY.singular(), "no session policy was passed");
    private static final List<LayerResult> NO_SCPS = List.of(LayerResult.notApplicable(LayerKind.SCP, "SCPs",
            "no SCPs were given"));
    private static final List<LayerResult> NO_RCPS = List.of(LayerResult.notApplicable(LayerKind.RCP, "RCPs",
            "no RCPs were given"));

    /** The one action AWS allows to any signed request whatever the policies say. */
    private static final String ALWAYS_ALLOWED = "sts:GetCallerIdentity";

    /** The context key that says a request came through a VPC endpoint (lower case, as looked up). */
    private static final String SOURCE_VPCE = "aws:sourcevpce";

    private PolicyEvaluator() {}

    /** Evaluates the request against the layers and explains the decision. */
    public static Decision evaluate(Request request, Layers layers) {
        RequestPrincipal p = request.principal();
        boolean hasBoundary = layers.boundaryEntry() != null;
        List<LayerResult> scp = layers.scpEntries().isEmpty() ? NO_SCPS
                : orgLevels(LayerKind.SCP, "SCPs", layers.scpEntries(), scpExemption(p, layers), request);
        List<LayerResult> rcp = layers.rcpEntries().isEmpty() ? NO_RCPS
                : orgLevels(LayerKind.RCP, "RCPs", layers.rcpEntries(), rcpExemption(request, layers), request);

        LayerResult resource;
        EntryList res = layers.resourceList();
        if (res == null) {
            resource = NO_RESOURCE_POLICY;
        } else {
            resource = evaluate(LayerKind.RESOURCE_POLICY, layers.resourcePolicyKind().title(), res, request,
                    true, true, hasBoundary);
        }

        LayerResult identity;
        if (!p.type().hasIdentityPolicies()) {
            identity = LayerResult.notApplicable(LayerKind.IDENTITY, LayerKind.IDENTITY.title(),
                    p.type() == PrincipalType.ROOT
                            ? "the root user has no identity policies; it has full access in its own account"
                            : "a " + p.label() + " has no identity policies");
        } else {
            identity = evaluate(LayerKind.IDENTITY, LayerKind.IDENTITY.title(), layers.identityList(), request,
                    false, false, hasBoundary);
        }

        LayerResult boundary;
        if (!hasBoundary) {
            boundary = NO_BOUNDARY;
        } else if (!p.type().hasIdentityPolicies()) {
            boundary = LayerResult.notApplicable(LayerKind.PERMISSIONS_BOUNDARY,
                    LayerKind.PERMISSIONS_BOUNDARY.singular(), "boundaries apply only to IAM users and roles");
        } else {
            boundary = evaluate(LayerKind.PERMISSIONS_BOUNDARY, LayerKind.PERMISSIONS_BOUNDARY.singular(),
                    layers.boundaryList(), request, false, false, hasBoundary);
        }

        EntryList sessionEntries = layers.sessionList();
        if (request.sessionPolicy().isPresent()) {
            List<Entry> all = new ArrayList<>(sessionEntries.entries());
            PolicyDocument doc = request.sessionPolicy().get();
            all.add(new Entry(new NamedPolicy("session policy of the request", doc),
                    layers.cache().compile(doc, "session policy of the request")));
            sessionEntries = EntryList.of(all);
        }
        LayerResult session;
        if (sessionEntries.entries().isEmpty()) {
            session = NO_SESSION_POLICY;
        } else if (!p.type().hasIdentityPolicies()) {
            session = LayerResult.notApplicable(LayerKind.SESSION_POLICY, LayerKind.SESSION_POLICY.singular(),
                    "session policies apply only to role and federated-user sessions");
        } else {
            session = evaluate(LayerKind.SESSION_POLICY, LayerKind.SESSION_POLICY.singular(), sessionEntries, request,
                    false, false, hasBoundary);
        }

        LayerResult endpoint = null;
        if (layers.vpcEndpointList() != null && request.lookup().get(SOURCE_VPCE) != null) {
            endpoint = evaluate(LayerKind.VPC_ENDPOINT_POLICY, LayerKind.VPC_ENDPOINT_POLICY.singular(),
                    layers.vpcEndpointList(), request, true, true, hasBoundary);
        }

        List<LayerResult> all = new ArrayList<>(scp.size() + rcp.size() + 5);
        all.addAll(scp);
        all.addAll(rcp);
        all.add(resource);
        all.add(identity);
        all.add(boundary);
        all.add(session);
        if (endpoint != null) {
            all.add(endpoint);
        }
        return decide(request, layers, all, scp, rcp, resource, identity, boundary, session, endpoint);
    }

    private static Decision decide(Request request, Layers layers, List<LayerResult> all, List<LayerResult> scp,
                                   List<LayerResult> rcp, LayerResult resource, LayerResult identity,
                                   LayerResult boundary, LayerResult session, LayerResult endpoint) {
        // 0. sts:GetCallerIdentity needs no permission and works even under an explicit Deny (AWS STS API
        //    Reference › GetCallerIdentity); it still needs credentials, so not for anonymous requests.
        if (request.principal().type() != PrincipalType.ANONYMOUS
                && ALWAYS_ALLOWED.equalsIgnoreCase(request.action())) {
            return new Decision(request, layers, Verdict.ALLOW, Basis.ALLOW_ALWAYS, identity, null, null, all);
        }
        // 0b. requests AWS refuses whatever the policies say: no Allow can grant them, like an explicit deny
        if (ServiceRule.refusing(request).isPresent()) {
            return new Decision(request, layers, Verdict.EXPLICIT_DENY, Basis.SERVICE_RULE, identity, null, null, all);
        }
        // 1. explicit deny anywhere
        for (LayerResult l : all) {
            if (l.outcome() == LayerOutcome.DENY) {
                return new Decision(request, layers, Verdict.EXPLICIT_DENY, Basis.EXPLICIT_DENY, l,
                        l.denies().get(0), null, all);
            }
        }
        // 2. RCPs, then SCPs: every level must allow
        for (LayerResult l : rcp) {
            if (l.outcome() == LayerOutcome.SILENT) {
                return new Decision(request, layers, Verdict.IMPLICIT_DENY, Basis.RCP_SILENT, l, null, null, all);
            }
        }
        for (LayerResult l : scp) {
            if (l.outcome() == LayerOutcome.SILENT) {
                return new Decision(request, layers, Verdict.IMPLICIT_DENY, Basis.SCP_SILENT, l, null, null, all);
            }
        }
        // 2b. a request through a VPC endpoint needs the endpoint policy's Allow as well
        if (endpoint != null && endpoint.outcome() == LayerOutcome.SILENT) {
            return new Decision(request, layers, Verdict.IMPLICIT_DENY, Basis.VPC_ENDPOINT_SILENT, endpoint, null,
                    null, all);
        }
        RequestPrincipal p = request.principal();
        boolean resAllows = resource.outcome() == LayerOutcome.ALLOW;
        StatementMatch resGrant = resAllows ? strongestGrant(resource) : null;
        PrincipalMatch grant = resGrant == null ? null : resGrant.principalMatch().orElse(PrincipalMatch.WILDCARD);
        ResourcePolicyKind kind = layers.resourcePolicyKind();

        switch (p.type()) {
            case SERVICE:
            case ANONYMOUS:
            case WEB_IDENTITY:
            case SAML:
                return resAllows
                        ? new Decision(request, layers, Verdict.ALLOW, Basis.ALLOW_RESOURCE, resource, resGrant, null, all)
                        : new Decision(request, layers, Verdict.IMPLICIT_DENY, Basis.RESOURCE_ONLY_SILENT, resource,
                        null, null, all);
            case ROOT:
                if (ASSUME_ROLE_ACTIONS.contains(request.actionLowerCase())) {
                    return new Decision(request, layers, Verdict.IMPLICIT_DENY, Basis.ROOT_CANNOT_ASSUME_ROLE,
                            identity, null, null, all);
                }
                if (request.isCrossAccount() || (resource.applies() && kind.mustAllow())) {
                    return resAllows
                            ? new Decision(request, layers, Verdict.ALLOW, Basis.ALLOW_RESOURCE, resource, resGrant, null, all)
                            : new Decision(request, layers, Verdict.IMPLICIT_DENY,
                            request.isCrossAccount() ? Basis.CROSS_ACCOUNT_RESOURCE_SILENT : Basis.MUST_ALLOW_SILENT,
                            resource, null, null, all);
                }
                return new Decision(request, layers, Verdict.ALLOW, Basis.ALLOW_ROOT, identity, null, null, all);
            default:
                break;
        }

        boolean idAllows = identity.outcome() == LayerOutcome.ALLOW;
        boolean boundaryOk = boundary.outcome() != LayerOutcome.SILENT;
        boolean sessionOk = session.outcome() != LayerOutcome.SILENT;
        boolean identityPath = idAllows && boundaryOk && sessionOk;
        StatementMatch idGrant = idAllows ? identity.allows().get(0) : null;

        if (request.isCrossAccount()) {
            if (!resAllows) {
                return new Decision(request, layers, Verdict.IMPLICIT_DENY, Basis.CROSS_ACCOUNT_RESOURCE_SILENT,
                        resource, null, null, all);
            }
            if (!identityPath) {
                return identityDenial(request, layers, all, identity, boundary, session, Basis.CROSS_ACCOUNT_IDENTITY_SILENT);
            }
            return new Decision(request, layers, Verdict.ALLOW, Basis.ALLOW_CROSS_ACCOUNT, resource, resGrant, idGrant, all);
        }

        if (resource.applies() && kind.mustAllow() && !resAllows) {
            return new Decision(request, layers, Verdict.IMPLICIT_DENY, Basis.MUST_ALLOW_SILENT, resource, null, null, all);
        }
        if (resAllows && grantStandsAlone(p, grant, boundaryOk, sessionOk)) {
            return new Decision(request, layers, Verdict.ALLOW, Basis.ALLOW_RESOURCE, resource, resGrant, null, all);
        }
        if (identityPath) {
            return new Decision(request, layers, Verdict.ALLOW, Basis.ALLOW_IDENTITY, identity, idGrant, resGrant, all);
        }
        if (resAllows && grant == PrincipalMatch.ACCOUNT && !idAllows) {
            return new Decision(request, layers, Verdict.IMPLICIT_DENY, Basis.DELEGATED_IDENTITY_SILENT, identity,
                    null, null, all);
        }
        return identityDenial(request, layers, all, identity, boundary, session, Basis.IDENTITY_SILENT);
    }

    /**
     * Whether a same-account resource-based grant allows on its own. A grant naming the user or the session
     * directly ignores implicit denies elsewhere; a grant to the role (or to everyone, for a role) is still
     * limited by the boundary and the session policy; a grant to the account needs an identity Allow.
     */
    private static boolean grantStandsAlone(RequestPrincipal p, PrincipalMatch grant, boolean boundaryOk,
                                            boolean sessionOk) {
        if (grant == null || grant == PrincipalMatch.ACCOUNT) {
            return false;
        }
        if (grant == PrincipalMatch.DIRECT) {
            return true;
        }
        if (p.type() == PrincipalType.USER) {
            return true; // "an implicit deny in a permissions boundary does not limit the permissions granted to an IAM user by a resource-based policy"
        }
        return boundaryOk && sessionOk;
    }

    private static Decision identityDenial(Request request, Layers layers, List<LayerResult> all, LayerResult identity,
                                           LayerResult boundary, LayerResult session, Basis identityBasis) {
        if (identity.outcome() != LayerOutcome.ALLOW) {
            return new Decision(request, layers, Verdict.IMPLICIT_DENY, identityBasis, identity, null, null, all);
        }
        if (boundary.outcome() == LayerOutcome.SILENT) {
            return new Decision(request, layers, Verdict.IMPLICIT_DENY, Basis.BOUNDARY_SILENT, boundary, null,
                    identity.allows().get(0), all);
        }
        return new Decision(request, layers, Verdict.IMPLICIT_DENY, Basis.SESSION_SILENT, session, null,
                identity.allows().get(0), all);
    }

    private static StatementMatch strongestGrant(LayerResult resource) {
        return strongestGrant(resource.allows()).orElse(null);
    }

    /**
     * Of the Allow statements of resource-based policies, the one that names the principal most directly: the user
     * or session, then the role, then everyone, then the account (which only delegates). The first wins a tie.
     */
    public static java.util.Optional<StatementMatch> strongestGrant(List<StatementMatch> allows) {
        StatementMatch best = null;
        int bestRank = -1;
        for (StatementMatch s : allows) {
            int rank = switch (s.principalMatch().orElse(PrincipalMatch.WILDCARD)) {
                case DIRECT -> 4;
                case ENTITY -> 3;
                case WILDCARD, NOT_PRINCIPAL, NOT_PRINCIPAL_WITH_BOUNDARY, NOT_CHECKED -> 2;
                case ACCOUNT -> 1;
            };
            if (rank > bestRank) {
                best = s;
                bestRank = rank;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static String scpExemption(RequestPrincipal p, Layers layers) {
        if (layers.managementAccount()) {
            return "SCPs do not affect users or roles in the management account";
        }
        if (p.isServiceLinkedRole()) {
            return "SCPs do not affect service-linked roles";
        }
        return switch (p.type()) {
            case USER, ROLE, ASSUMED_ROLE, FEDERATED_USER, ROOT -> null;
            default -> "SCPs restrict only the principals of member accounts, not a " + p.label();
        };
    }

    private static String rcpExemption(Request request, Layers layers) {
        if (layers.resourceInManagementAccount()) {
            return "RCPs do not apply to resources in the management account";
        }
        if (request.principal().isServiceLinkedRole()) {
            return "RCPs do not restrict service-linked roles";
        }
        if (!RCP_SERVICES.contains(request.service())) {
            return "RCPs do not apply to " + request.service() + " (RCPs cover " + RCP_SERVICE_LIST + ")";
        }
        return null;
    }

    private static List<LayerResult> orgLevels(LayerKind kind, String label, List<CompiledLevel> levels,
                                               String exemption, Request request) {
        if (levels.isEmpty()) {
            return List.of(LayerResult.notApplicable(kind, label, "no " + label + " were given"));
        }
        List<LayerResult> out = new ArrayList<>(levels.size());
        for (CompiledLevel level : levels) {
            String name = label + " at " + level.name();
            if (exemption != null) {
                out.add(LayerResult.notApplicable(kind, name, exemption));
            } else {
                // RCPs are resource-based in shape: their Principal must be "*" and is checked if present.
                out.add(evaluate(kind, name, level.list(), request, kind == LayerKind.RCP, false, false));
            }
        }
        return out;
    }

    /**
     * Evaluates the statements of some policies forming one layer.
     *
     * @param checkPrincipal whether the Principal/NotPrincipal element is consulted
     * @param principalRequired whether a statement without a Principal applies to nobody
     */
    private static LayerResult evaluate(LayerKind kind, String name, EntryList list, Request request,
                                        boolean checkPrincipal, boolean principalRequired, boolean hasBoundary) {
        String action = request.actionLowerCase();
        ParsedArn arn = request.resourceArn();
        ContextLookup ctx = request.lookup();
        RequestPrincipal p = request.principal();
        List<StatementMatch> matches = null;
        boolean deny = false;
        boolean allow = false;
        for (Entry e : list.entries()) {
            for (CompiledStatement s : e.compiled().statements()) {
                if (!s.actionMatches(action)) {
                    continue;
                }
                boolean resourceMatched = s.resourceMatches(arn, ctx);
                PrincipalMatch pm = PrincipalMatch.NOT_CHECKED;
                if (resourceMatched && checkPrincipal) {
                    pm = s.principalMatch(p, principalRequired, hasBoundary);
                }
                boolean applies = resourceMatched && pm != null && s.conditionsHold(ctx);
                if (matches == null) {
                    matches = new ArrayList<>(4);
                }
                matches.add(new StatementMatch(kind, name, e.name(), s, resourceMatched, pm, applies, ctx));
                if (applies) {
                    if (s.isDeny()) {
                        deny = true;
                    } else {
                        allow = true;
                    }
                }
            }
        }
        LayerOutcome outcome = deny ? LayerOutcome.DENY : allow ? LayerOutcome.ALLOW : LayerOutcome.SILENT;
        return new LayerResult(kind, name, outcome, list.names(), matches == null ? List.of() : matches, "");
    }
}
