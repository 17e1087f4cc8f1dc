package iamnb.audit;

import iamnb.audit.internal.PolicySource;
import iamnb.model.AccountView;
import iamnb.model.Group;
import iamnb.model.ManagedPolicy;
import iamnb.model.Role;
import iamnb.model.User;
import iamnb.policy.AccountSimulator;
import iamnb.policy.Decision;
import iamnb.policy.Request;
import iamnb.policy.RequestPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Principals that are not admin but can make themselves admin through a known privilege-escalation path. Every
 * step of a path is a request simulated by the policy engine (every layer, boundary and SCPs included); a path is
 * reported only when every step is allowed, with the statements that allow each step.
 *
 * <p>Paths: {@code iam:CreatePolicyVersion} / {@code iam:SetDefaultPolicyVersion} on a customer managed policy
 * attached to oneself; {@code iam:Attach|Put(User|Role|Group)Policy} on oneself or one's group;
 * {@code iam:CreateAccessKey}, {@code iam:CreateLoginProfile}, {@code iam:UpdateLoginProfile} on an admin user;
 * {@code iam:UpdateAssumeRolePolicy} on an admin role; {@code iam:PassRole} of an admin role that trusts the
 * service, with {@code lambda:CreateFunction}+{@code lambda:InvokeFunction}, {@code ec2:RunInstances},
 * {@code cloudformation:CreateStack}, {@code glue:CreateDevEndpoint} or
 * {@code codebuild:CreateProject}+{@code codebuild:StartBuild}; {@code iam:AddUserToGroup} into an admin group.
 */
final class PrivilegeEscalation {
    private record Step(String action, String resource, Map<String, String> context) {
        static Step of(String action, String resource) {
            return new Step(action, resource, Map.of());
        }
    }

    private record Path(String id, String description, List<Step> steps) {}

    /** Service → the actions that run code as a passed role. */
    private static final List<String[]> PASS_ROLE_SERVICES = List.of(
            new String[] {"lambda.amazonaws.com", "lambda:CreateFunction", "lambda:InvokeFunction"},
            new String[] {"ec2.amazonaws.com", "ec2:RunInstances"},
            new String[] {"cloudformation.amazonaws.com", "cloudformation:CreateStack"},
            new String[] {"glue.amazonaws.com", "glue:CreateDevEndpoint"},
            new String[] {"codebuild.amazonaws.com", "codebuild:CreateProject", "codebuild:StartBuild"});

    private final AccountView acct;
    private final AccountSimulator sim;
    private final AdminAudit admins;

    PrivilegeEscalation(AccountView acct, AccountSimulator sim, AdminAudit admins) {
        this.acct = acct;
        this.sim = sim;
        this.admins = admins;
    }

    Findings run() {
        List<User> adminUsers = acct.snapshot().users().stream().filter(u -> admins.isAdmin("user", u.name())).toList();
        List<Role> adminRoles = acct.snapshot().roles().stream().filter(r -> admins.isAdmin("role", r.name())).toList();
        List<Group> adminGroups = acct.snapshot().groups().stream()
                .filter(g -> !AdminAudit.adminStatements(PolicySource.forGroup(acct, g, "")).isEmpty()).toList();
        List<Finding> out = new ArrayList<>();
        for (User u : acct.snapshot().users()) {
            if (admins.isAdmin("user", u.name())) {
                continue;
            }
            List<Path> paths = new ArrayList<>();
            paths.add(new Path(Check.PRIVESC_SELF_POLICY.id(), "attach a managed policy to itself",
                    List.of(Step.of("iam:AttachUserPolicy", u.arn()))));
            paths.add(new Path(Check.PRIVESC_SELF_POLICY.id(), "write an inline policy on itself",
                    List.of(Step.of("iam:PutUserPolicy", u.arn()))));
            for (Group g : acct.groupsOf(u)) {
                paths.add(new Path(Check.PRIVESC_GROUP_POLICY.id(), "attach a managed policy to its group " + g.name(),
                        List.of(Step.of("iam:AttachGroupPolicy", g.arn()))));
                paths.add(new Path(Check.PRIVESC_GROUP_POLICY.id(), "write an inline policy on its group " + g.name(),
                        List.of(Step.of("iam:PutGroupPolicy", g.arn()))));
            }
            policyVersionPaths(PolicySource.forUser(acct, u), paths);
            for (Group g : adminGroups) {
                if (!u.groups().contains(g.name())) {
                    paths.add(new Path(Check.PRIVESC_ADD_TO_GROUP.id(), "add itself to the admin group " + g.name(),
                            List.of(Step.of("iam:AddUserToGroup", g.arn()))));
                }
            }
            commonPaths(u.name(), adminUsers, adminRoles, paths);
            out.addAll(evaluate("user", u.name(), u.arn(), paths));
        }
        for (Role r : acct.snapshot().roles()) {
            if (admins.isAdmin("role", r.name()) || r.isServiceLinked()) {
                continue;
            }
            List<Path> paths = new ArrayList<>();
            paths.add(new Path(Check.PRIVESC_SELF_POLICY.id(), "attach a managed policy to itself",
                    List.of(Step.of("iam:AttachRolePolicy", r.arn()))));
            paths.add(new Path(Check.PRIVESC_SELF_POLICY.id(), "write an inline policy on itself",
                    List.of(Step.of("iam:PutRolePolicy", r.arn()))));
            policyVersionPaths(PolicySource.forRole(acct, r), paths);
            commonPaths(r.name(), adminUsers, adminRoles, paths);
            out.addAll(evaluate("role", r.name(), r.arn(), paths));
        }
        return new Findings("privilege escalation", acct.asOf(), out);
    }

    private void policyVersionPaths(List<PolicySource> sources, List<Path> paths) {
        Set<String> seen = new LinkedHashSet<>();
        for (PolicySource src : sources) {
            if (src.isInline() || src.isAwsManaged() || !seen.add(src.arn())) {
                continue;
            }
            paths.add(new Path(Check.PRIVESC_POLICY_VERSION.id(), "create a new default version of its own policy " + src.name(),
                    List.of(Step.of("iam:CreatePolicyVersion", src.arn()))));
            ManagedPolicy mp = acct.policy(src.arn());
            if (mp.versions().size() > 1) {
                paths.add(new Path(Check.PRIVESC_POLICY_VERSION.id(), "switch its own policy " + src.name() + " to another of its "
                        + mp.versions().size() + " versions", List.of(Step.of("iam:SetDefaultPolicyVersion", src.arn()))));
            }
        }
    }

    private void commonPaths(String self, List<User> adminUsers, List<Role> adminRoles, List<Path> paths) {
        for (User a : adminUsers) {
            if (a.name().equals(self)) {
                continue;
            }
            paths.add(new Path(Check.PRIVESC_CREDENTIALS.id(), "create an access key for the admin user " + a.name(),
                    List.of(Step.of("iam:CreateAccessKey", a.arn()))));
            paths.add(new Path(Check.PRIVESC_CREDENTIALS.id(), (a.hasConsoleAccess() ? "reset the console password of"
                    : "create a console password for") + " the admin user " + a.name(),
                    List.of(Step.of(a.hasConsoleAccess() ? "iam:UpdateLoginProfile" : "iam:CreateLoginProfile", a.arn()))));
        }
        for (Role a : adminRoles) {
            if (a.name().equals(self)) {
                continue;
            }
            paths.add(new Path(Check.PRIVESC_TRUST.id(), "rewrite the trust policy of the admin role " + a.name() + " and assume it",
                    List.of(Step.of("iam:UpdateAssumeRolePolicy", a.arn()))));
            Set<String> trusted = new LinkedHashSet<>();
            a.trustPolicy().statements().stream().filter(s -> s.isAllow() && s.principal().isPresent())
                    .forEach(s -> trusted.addAll(s.principal().get().service()));
            for (String[] svc : PASS_ROLE_SERVICES) {
                if (!trusted.contains(svc[0])) {
                    continue;
                }
                List<Step> steps = new ArrayList<>();
                steps.add(new Step("iam:PassRole", a.arn(), Map.of("iam:PassedToService", svc[0])));
                for (int i = 1; i < svc.length; i++) {
                    steps.add(Step.of(svc[i], "*"));
                }
                paths.add(new Path(Check.PRIVESC_PASSROLE.id(), "pass the admin role " + a.name() + " to " + svc[0]
                        + " and run code as it", steps));
            }
        }
    }

    private List<Finding> evaluate(String type, String name, String arn, List<Path> paths) {
        RequestPrincipal p = sim.principal(arn);
        List<Finding> out = new ArrayList<>();
        for (Path path : paths) {
            List<String> evidence = new ArrayList<>();
            boolean all = true;
            for (Step step : path.steps()) {
                Request.Builder b = Request.builder().principal(p).action(step.action()).resource(step.resource());
                step.context().forEach(b::context);
                Decision d = sim.simulate(b.build());
                if (!d.allowed()) {
                    all = false;
                    break;
                }
                evidence.add(step.action() + " on " + step.resource() + " ALLOWED by " + d.decidingStatementLabel());
            }
            if (all) {
                out.add(new Finding(Severity.HIGH, type, name, path.id(), "can make itself admin: " + path.description(),
                        String.join("; ", evidence),
                        "Remove or scope the statement(s) named in the evidence (Resource, conditions such as "
                                + "iam:PermissionsBoundary / iam:PassedToService), or cap the " + type
                                + " with a permissions boundary that denies it."));
            }
        }
        return out;
    }
}
