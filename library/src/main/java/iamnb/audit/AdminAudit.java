package iamnb.audit;

import iamnb.audit.internal.Actions;
import iamnb.audit.internal.PolicySource;
import iamnb.model.AccountView;
import iamnb.model.Group;
import iamnb.model.Role;
import iamnb.model.Statement;
import iamnb.model.User;
import iamnb.policy.AccountSimulator;
import iamnb.policy.Decision;
import iamnb.policy.LayerKind;
import iamnb.policy.LayerOutcome;
import iamnb.policy.Request;
import iamnb.policy.RequestPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is admin-equivalent, and through what.
 *
 * <p>The method, so that a reviewer can explain every row: a principal is <b>admin-equivalent</b> when the policy
 * engine allows every one of {@link #PROBES} on {@code "*"} for it, with every layer the account knows (identity
 * policies of the principal and its groups, permissions boundary, SCPs of the account's organization levels).
 * Separately each identity policy is read for admin-shaped statements: {@code Action "*"} on {@code "*"},
 * {@code NotAction} with a short exclusion list on {@code "*"}, and the service-wide {@code iam:*} on {@code "*"}.
 * A principal with an admin-shaped statement that the engine does <em>not</em> find admin is reported with the
 * layer that caps it (a boundary, an SCP) at a lowered severity, never as a false positive. Principals that can
 * make themselves admin are found by {@link PrivilegeEscalation}.
 */
public final class AdminAudit {
    /** Sensitive actions on "*" that an administrator can perform; all must be allowed. */
    public static final List<String> PROBES = List.of("iam:CreateUser", "iam:AttachRolePolicy", "iam:PutUserPolicy",
            "iam:CreatePolicyVersion", "iam:PassRole", "s3:PutBucketPolicy", "s3:DeleteBucket", "ec2:RunInstances",
            "ec2:TerminateInstances", "kms:ScheduleKeyDeletion", "lambda:CreateFunction");
    /** A NotAction list this short on "*" still grants nearly everything. */
    static final int SMALL_EXCLUSION = 5;
    private static final String IAM_WILDCARD = "iam:* on *";

    /** What the engine and the policies say about one principal. */
    record Status(String type, String name, String arn, boolean admin, List<Decision> denied, List<Decision> allowed,
                  List<String> adminStatements, boolean viaInline, boolean iamWildcard) {
        String label() {
            return type + " " + name;
        }
    }

    private final AccountView acct;
    private final AccountSimulator sim;
    private final String breakGlassRole;
    private volatile Map<String, Status> statuses;

    AdminAudit(AccountView acct, AccountSimulator sim, String breakGlassRole) {
        this.acct = acct;
        this.sim = sim;
        this.breakGlassRole = breakGlassRole;
    }

    /** Every user and role, keyed "user NAME" / "role NAME", computed once. */
    Map<String, Status> statuses() {
        Map<String, Status> s = statuses;
        if (s == null) {
            s = new LinkedHashMap<>();
            for (User u : acct.snapshot().users()) {
                s.put("user " + u.name(), status("user", u.name(), u.arn(), PolicySource.forUser(acct, u)));
            }
            for (Role r : acct.snapshot().roles()) {
                s.put("role " + r.name(), status("role", r.name(), r.arn(), PolicySource.forRole(acct, r)));
            }
            statuses = s;
        }
        return s;
    }

    boolean isAdmin(String type, String name) {
        Status st = statuses().get(type + " " + name);
        return st != null && st.admin();
    }

    /** Admin decisions for one principal (user or role name, or ARN) on every probe. */
    List<Decision> probe(String principal) {
        RequestPrincipal p = sim.principal(principal);
        List<Decision> out = new ArrayList<>();
        for (String a : PROBES) {
            out.add(sim.simulate(Request.builder().principal(p).action(a).resource("*").build()));
        }
        return out;
    }

    private Status status(String type, String name, String arn, List<PolicySource> sources) {
        List<Decision> decisions = probe(arn);
        List<Decision> denied = decisions.stream().filter(d -> !d.allowed()).toList();
        List<Decision> allowed = decisions.stream().filter(Decision::allowed).toList();
        List<String> adminStatements = new ArrayList<>();
        boolean viaInline = false;
        boolean iamWildcard = false;
        for (PolicySource src : sources) {
            for (Statement st : src.document().statements()) {
                Optional<String> shape = adminShape(st);
                if (shape.isPresent()) {
                    adminStatements.add(src.describe(st));
                    viaInline |= src.isInline() && src.via().isEmpty();
                    iamWildcard |= shape.get().equals(IAM_WILDCARD);
                }
            }
        }
        return new Status(type, name, arn, denied.isEmpty(), denied, allowed, adminStatements, viaInline, iamWildcard);
    }

    /** "Action * on *", "NotAction [...] on *", "iam:* on *", or empty when the statement is not admin-shaped. */
    static Optional<String> adminShape(Statement st) {
        if (!st.isAllow() || !Actions.onEveryResource(st) || !st.conditions().isEmpty()) {
            return Optional.empty();
        }
        if (!st.notAction() && Actions.isFullWildcard(st.actions())) {
            return Optional.of("Action * on *");
        }
        if (st.notAction() && st.actions().size() <= SMALL_EXCLUSION) {
            return Optional.of("NotAction " + st.actions() + " on *");
        }
        if (!st.notAction() && st.actions().stream().anyMatch(a -> a.equalsIgnoreCase("iam:*"))) {
            return Optional.of(IAM_WILDCARD);
        }
        return Optional.empty();
    }

    Findings run() {
        List<Finding> out = new ArrayList<>();
        for (Status st : statuses().values()) {
            if (st.admin()) {
                out.add(adminFinding(st));
            } else if (!st.adminStatements().isEmpty()) {
                out.add(notAdminFinding(st));
            }
        }
        for (Group g : acct.snapshot().groups()) {
            List<String> stmts = adminStatements(PolicySource.forGroup(acct, g, ""));
            if (!stmts.isEmpty()) {
                List<String> members = acct.membersOf(g.name()).stream().map(User::name).toList();
                out.add(new Finding(members.isEmpty() ? Severity.LOW : Severity.HIGH, "group", g.name(), Check.ADMIN_GROUP.id(),
                        "group grants admin-shaped permissions to its " + members.size() + " member(s)"
                                + (members.isEmpty() ? "" : ": " + String.join(", ", members)),
                        String.join("; ", stmts),
                        "Keep admin groups tiny and reviewed; prefer the break-glass role or SSO permission sets "
                                + "over a standing admin group."));
            }
        }
        return new Findings("admins", acct.asOf(), out);
    }

    static List<String> adminStatements(List<PolicySource> sources) {
        List<String> out = new ArrayList<>();
        for (PolicySource src : sources) {
            for (Statement st : src.document().statements()) {
                adminShape(st).ifPresent(x -> out.add(src.describe(st)));
            }
        }
        return out;
    }

    private Finding adminFinding(Status st) {
        String through = st.adminStatements().isEmpty()
                ? "granted by: " + grantingStatements(st.allowed())
                : String.join("; ", st.adminStatements());
        String evidence = through + ". Engine: all " + PROBES.size() + " probes (" + String.join(", ", PROBES.subList(0, 3))
                + ", ...) ALLOWED on * with every layer (identity, boundary, SCPs).";
        if (st.type().equals("role") && st.name().equals(breakGlassRole)) {
            return new Finding(Check.ADMIN_BREAK_GLASS.severity(), st.type(), st.name(), Check.ADMIN_BREAK_GLASS.id(),
                    "admin-equivalent by design (break-glass role)", evidence,
                    "Nothing, if breakGlass() passes: MFA on assumption, 1-hour sessions, alerting on every use.");
        }
        Severity sev = st.viaInline() ? Severity.CRITICAL : Severity.HIGH;
        String how = st.adminStatements().isEmpty() ? "through a combination of policies"
                : st.viaInline() ? "through an inline policy on the " + st.type()
                : st.adminStatements().get(0).contains("via group ") ? "through a group"
                : "through a managed policy attached to the " + st.type();
        return new Finding(sev, st.type(), st.name(), Check.ADMIN_EFFECTIVE.id(), "admin-equivalent " + how, evidence,
                st.viaInline()
                        ? "Remove the inline *:* policy; grant the tasks the " + st.type() + " needs, or use the break-glass role."
                        : "Confirm the " + st.type() + " needs admin; otherwise replace the admin policy with scoped ones"
                        + (st.type().equals("user") ? " and prefer role assumption with MFA over a standing admin user." : "."));
    }

    private Finding notAdminFinding(Status st) {
        Set<String> caps = new LinkedHashSet<>();
        boolean identityDenies = false;
        for (Decision d : st.denied()) {
            LayerKind k = d.decidingLayer();
            if (d.outcome(LayerKind.IDENTITY) == LayerOutcome.ALLOW && (k == LayerKind.PERMISSIONS_BOUNDARY
                    || k == LayerKind.SCP || k == LayerKind.RCP || k == LayerKind.SESSION_POLICY)) {
                String by = k == LayerKind.PERMISSIONS_BOUNDARY
                        ? "boundary " + d.layers().boundary().map(b -> b.name()).orElse(d.decidingLayerResult().name())
                        : d.decidingLayerResult().name() + (d.decidingStatementLabel().isEmpty() ? "" : " (" + d.decidingStatementLabel() + ")");
                caps.add(by);
            } else {
                identityDenies = true;
            }
        }
        String deniedList = st.denied().stream().map(d -> d.request().action() + " " + d.verdict()).toList().toString();
        if (!caps.isEmpty() && !identityDenies) {
            return new Finding(Check.ADMIN_CAPPED.severity(), st.type(), st.name(), Check.ADMIN_CAPPED.id(),
                    "admin policy attached but capped by " + String.join(", ", caps),
                    String.join("; ", st.adminStatements()) + ". Engine: denied " + deniedList + " by "
                            + String.join(", ", caps) + ".",
                    "Keep the cap in place; better still, attach only what the " + st.type() + " needs so the cap is "
                            + "not the only control.");
        }
        boolean iamWide = st.iamWildcard();
        return new Finding(iamWide ? Severity.HIGH : Severity.MEDIUM, st.type(), st.name(),
                iamWide ? Check.ADMIN_IAM_WILDCARD.id() : Check.ADMIN_BROAD.id(),
                iamWide ? "service-wide iam:* on *: can grant itself any permission"
                        : "admin-shaped statement that falls short of admin",
                String.join("; ", st.adminStatements()) + ". Engine: not admin-equivalent, denied " + deniedList
                        + (caps.isEmpty() ? "" : "; capped by " + String.join(", ", caps)) + ".",
                iamWide ? "Replace iam:* with the IAM actions the " + st.type() + " needs, on its own resources."
                        : "Replace the broad grant with the actions the " + st.type() + " needs.");
    }

    private static String grantingStatements(List<Decision> allowed) {
        Set<String> s = new LinkedHashSet<>();
        allowed.forEach(d -> s.add(d.decidingStatementLabel()));
        return String.join(", ", s);
    }
}
