package iamnb.audit;

import iamnb.audit.internal.Actions;
import iamnb.audit.internal.PolicySource;
import iamnb.model.AccountView;
import iamnb.model.ManagedPolicy;
import iamnb.model.Role;
import iamnb.model.Statement;
import iamnb.policy.AccountSimulator;
import iamnb.policy.Decision;
import iamnb.policy.Layers;
import iamnb.policy.PolicyCache;
import iamnb.policy.PolicyEvaluator;
import iamnb.policy.Request;
import iamnb.policy.RequestPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The developer-sandbox rules: roles matching a pattern carry the required permissions boundary; policies that
 * let someone create or change roles require that boundary ({@code iam:PermissionsBoundary} condition); every
 * {@code iam:PassRole} names the service ({@code iam:PassedToService}); and, by simulation, the boundary caps a
 * role that has AdministratorAccess attached.
 */
final class BoundaryAudit {
    static final List<String> ROLE_WRITES = List.of("iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy");

    private final AccountView acct;
    private final AccountSimulator sim;
    private final AdminAudit admins;

    BoundaryAudit(AccountView acct, AccountSimulator sim, AdminAudit admins) {
        this.acct = acct;
        this.sim = sim;
        this.admins = admins;
    }

    Findings run(String rolePattern, String boundaryName) {
        List<Finding> out = new ArrayList<>();
        Optional<ManagedPolicy> boundary = acct.findPolicy(boundaryName);
        String boundaryArn = boundary.map(ManagedPolicy::arn).orElse("arn:aws:iam::" + acct.accountId() + ":policy/" + boundaryName);
        if (boundary.isEmpty()) {
            out.add(new Finding(Check.BOUNDARY_POLICY_MISSING.severity(), "policy", boundaryName, Check.BOUNDARY_POLICY_MISSING.id(),
                    "the boundary policy does not exist", "account " + acct.accountId() + " has no managed policy " + boundaryName,
                    "Create it (Runbooks.developerSandbox(...) plans the calls)."));
        }
        for (Role r : acct.snapshot().roles()) {
            if (!Actions.glob(rolePattern, r.name(), false)) {
                continue;
            }
            boolean admin = admins.isAdmin("role", r.name());
            if (r.permissionsBoundaryArn().isEmpty()) {
                out.add(new Finding(admin ? Severity.CRITICAL : Severity.HIGH, "role", r.name(), Check.BOUNDARY_MISSING.id(),
                        "role matches " + rolePattern + " but has no permissions boundary" + (admin ? " and is admin-equivalent" : ""),
                        "PermissionsBoundary empty; attached " + r.attachedPolicies().stream().map(a -> a.name()).toList()
                                + (admin ? "; engine: all admin probes ALLOWED" : ""),
                        "aws iam put-role-permissions-boundary --role-name " + r.name() + " --permissions-boundary " + boundaryArn));
            } else if (!r.permissionsBoundaryArn().get().equals(boundaryArn)) {
                out.add(new Finding(Check.BOUNDARY_OTHER.severity(), "role", r.name(), Check.BOUNDARY_OTHER.id(),
                        "role matches " + rolePattern + " but its boundary is not " + boundaryName,
                        "PermissionsBoundary " + r.permissionsBoundaryArn().get(),
                        "Put " + boundaryArn + " as the boundary."));
            }
        }
        for (Map.Entry<PolicySource, List<String>> e : PolicySource.everyIdentityPolicy(acct).entrySet()) {
            PolicySource src = e.getKey();
            if (src.isAwsManaged()) {
                continue;   // AWS managed policies are what they are; admins() reports the admin ones
            }
            String owner = src.isInline() ? src.via() + " inline " + src.name() : src.name();
            for (Statement s : src.document().statements()) {
                if (!s.isAllow() || (!s.notAction() && Actions.isFullWildcard(s.actions())) || s.notAction()) {
                    continue;   // "*" and NotAction grants are admin questions, reported by admins()
                }
                List<String> writes = ROLE_WRITES.stream().filter(a -> Actions.covers(s, a)).toList();
                if (!writes.isEmpty() && TrustAudit.conditionKeys(s).stream().noneMatch(k -> k.equals("iam:permissionsboundary"))) {
                    out.add(new Finding(Check.BOUNDARY_UNCONDITIONED.severity(), "policy", owner, Check.BOUNDARY_UNCONDITIONED.id(),
                            "allows " + writes + " without an iam:PermissionsBoundary condition",
                            src.describe(s) + "; " + PolicySource.attachedText(e.getValue()),
                            "Add \"Condition\": {\"StringEquals\": {\"iam:PermissionsBoundary\": \"" + boundaryArn + "\"}}, "
                                    + "so every role created or changed carries the boundary."));
                }
                if (Actions.covers(s, "iam:PassRole")
                        && TrustAudit.conditionKeys(s).stream().noneMatch(k -> k.equals("iam:passedtoservice"))) {
                    boolean anyRole = s.resources().contains("*") || s.notResource();
                    out.add(new Finding(anyRole ? Severity.HIGH : Severity.MEDIUM, "policy", owner, Check.PASSROLE_NO_SERVICE.id(),
                            "allows iam:PassRole" + (anyRole ? " of any role" : "") + " without an iam:PassedToService condition",
                            src.describe(s) + "; " + PolicySource.attachedText(e.getValue()),
                            "Add \"Condition\": {\"StringEquals\": {\"iam:PassedToService\": \"<service>.amazonaws.com\"}} "
                                    + "and narrow Resource to the roles meant to be passed."));
                }
            }
        }
        return new Findings("boundaries (" + rolePattern + " → " + boundaryName + ")", acct.asOf(), out);
    }

    /** One expectation of the boundary: the request and whether it must be allowed. */
    private record Expectation(String id, String requirement, String action, String resource, Map<String, String> tags,
                               boolean allowed) {}

    Checklist verify(String boundaryName) {
        String a = acct.accountId();
        List<Expectation> cases = List.of(
                new Expectation(Check.BV_IAM_CREATEUSER.id(), "iam:CreateUser is denied", "iam:CreateUser", "*", Map.of(), false),
                new Expectation(Check.BV_IAM_DELETEROLE.id(), "iam:DeleteRole is denied", "iam:DeleteRole",
                        "arn:aws:iam::" + a + ":role/any-role", Map.of(), false),
                new Expectation(Check.BV_ORGANIZATIONS.id(), "organizations:* is denied", "organizations:LeaveOrganization", "*", Map.of(), false),
                new Expectation(Check.BV_ACCOUNT.id(), "account:* is denied", "account:PutAlternateContact", "*", Map.of(), false),
                new Expectation(Check.BV_OTHER_SERVICE.id(), "services outside the allowed list are denied (ec2:RunInstances)",
                        "ec2:RunInstances", "*", Map.of(), false),
                new Expectation(Check.BV_S3_READ.id(), "s3:GetObject on a sandbox bucket is allowed", "s3:GetObject",
                        "arn:aws:s3:::dev-sandbox-bucket/data/file.json", Map.of(), true),
                new Expectation(Check.BV_DYNAMODB.id(), "dynamodb:PutItem on a sandbox table is allowed", "dynamodb:PutItem",
                        "arn:aws:dynamodb:us-east-1:" + a + ":table/dev-sandbox", Map.of(), true),
                new Expectation(Check.BV_PROD_TAGGED.id(), "anything on a resource tagged Environment=production is denied",
                        "s3:GetObject", "arn:aws:s3:::prod-reports/q3.csv", Map.of("Environment", "production"), false),
                new Expectation(Check.BV_PROD_LAMBDA.id(), "lambda:InvokeFunction on a production-tagged function is denied",
                        "lambda:InvokeFunction", "arn:aws:lambda:us-east-1:" + a + ":function:orders",
                        Map.of("Environment", "production"), false));
        List<Checklist.Item> items = new ArrayList<>();
        Optional<ManagedPolicy> boundary = acct.findPolicy(boundaryName);
        String title = "boundary " + boundaryName + " caps an AdministratorAccess role";
        if (boundary.isEmpty()) {
            items.add(Checklist.Item.of(Check.BV_EXISTS.id(), "the boundary policy exists", CheckStatus.FAIL,
                    "account " + a + " has no managed policy " + boundaryName, "Create it before developers create roles."));
            return new Checklist(title, "policy", boundaryName, acct.asOf(), items);
        }
        RequestPrincipal probe = RequestPrincipal.role("arn:aws:iam::" + a + ":role/dev-boundary-probe");
        Layers layers = Layers.builder(PolicyCache.create())
                .identity("AdministratorAccess (attached to the hypothetical role dev-boundary-probe)", AssumeProbe.ALLOW_ALL)
                .boundary(boundary.get().name(), boundary.get().document())
                .note("hypothetical role dev-boundary-probe: AdministratorAccess attached, " + boundaryName + " as boundary")
                .build();
        for (Expectation x : cases) {
            Request.Builder b = Request.builder().principal(probe).action(x.action()).resource(x.resource()).at(acct.asOf())
                    .context("aws:SecureTransport", "true").context("aws:RequestedRegion", "us-east-1");
            x.tags().forEach(b::resourceTag);
            Decision d = PolicyEvaluator.evaluate(b.build(), layers);
            boolean ok = d.allowed() == x.allowed();
            items.add(new Checklist.Item(x.id(), x.requirement(), ok ? CheckStatus.PASS : CheckStatus.FAIL,
                    x.action() + " on " + x.resource() + (x.tags().isEmpty() ? "" : " tagged " + x.tags()) + " → " + d.verdict()
                            + (d.decidingStatementLabel().isEmpty() ? " (" + d.decidingLayerResult().name() + ")"
                            : " by " + d.decidingStatementLabel()),
                    ok ? "" : x.allowed() ? "Allow it in the boundary's AllowedServices statement."
                            : "Add it to the boundary's deny statements (or leave the service out of AllowedServices).",
                    Optional.of(d)));
        }
        return new Checklist(title, "policy", boundaryName, acct.asOf(), items);
    }
}
