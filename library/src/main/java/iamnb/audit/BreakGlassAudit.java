package iamnb.audit;

import iamnb.audit.internal.Actions;
import iamnb.model.AccountView;
import iamnb.model.Condition;
import iamnb.model.Role;
import iamnb.model.Statement;
import iamnb.policy.AccountSimulator;
import iamnb.policy.Decision;
import iamnb.policy.Request;
import iamnb.policy.RequestPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The break-glass runbook's requirements as a checklist. What IAM data can prove is checked twice: by reading
 * the trust policy and by simulating {@code sts:AssumeRole} with the policy engine (with MFA, without MFA, with
 * an MFA sign-in older than an hour, from an unrelated account). What it cannot prove (CloudTrail logging,
 * alerting, the written procedure) is listed as MANUAL with what to verify.
 */
final class BreakGlassAudit {
    static final long MAX_MFA_AGE_SECONDS = 3600;
    static final Duration MAX_SESSION = Duration.ofHours(1);

    private final AccountView acct;
    private final AccountSimulator sim;
    private final AdminAudit admins;

    BreakGlassAudit(AccountView acct, AccountSimulator sim, AdminAudit admins) {
        this.acct = acct;
        this.sim = sim;
        this.admins = admins;
    }

    Checklist run(String roleName, Set<String> intendedPrincipals) {
        List<Checklist.Item> items = new ArrayList<>();
        String title = "break-glass role " + roleName;
        Optional<Role> found = acct.findRole(roleName);
        if (found.isEmpty()) {
            items.add(Checklist.Item.of(Check.BG_EXISTS.id(), "the break-glass role exists", CheckStatus.FAIL,
                    "account " + acct.accountId() + " has no role " + roleName,
                    "Create it before you need it: Runbooks.breakGlassRole(...) plans the calls."));
            manual(items, roleName);
            return new Checklist(title, "role", roleName, acct.asOf(), items);
        }
        Role role = found.get();
        items.add(Checklist.Item.of(Check.BG_EXISTS.id(), "the break-glass role exists", CheckStatus.PASS, role.arn(), ""));
        List<Statement> allows = role.trustPolicy().statements().stream()
                .filter(s -> s.isAllow() && Actions.covers(s, "sts:AssumeRole")).toList();
        String probeArn = probePrincipal(intendedPrincipals, allows);
        RequestPrincipal probe = RequestPrincipal.fromArn(probeArn);

        Decision withMfa = assume(role, probe, Map.of("aws:MultiFactorAuthPresent", "true", "aws:MultiFactorAuthAge", "300"));
        Decision noMfa = assume(role, probe, Map.of("aws:MultiFactorAuthPresent", "false"));
        Decision oldMfa = assume(role, probe, Map.of("aws:MultiFactorAuthPresent", "true", "aws:MultiFactorAuthAge", "7200"));

        // MFA present
        boolean mfaStatic = !allows.isEmpty() && allows.stream().allMatch(BreakGlassAudit::requiresMfa);
        boolean mfaIfExists = allows.stream().anyMatch(s -> s.conditions().stream().anyMatch(c ->
                c.key().equalsIgnoreCase("aws:MultiFactorAuthPresent") && c.operator().toLowerCase(Locale.ROOT).contains("ifexists")));
        // Judged on what MFA changes: whether a principal the trust names gets in without it. Whether it gets in
        // with MFA depends on who is trusted, which BG-TRUST judges; failing here too would report one cause twice.
        CheckStatus mfa = mfaStatic && !noMfa.allowed()
                ? (mfaIfExists ? CheckStatus.WARN : CheckStatus.PASS) : CheckStatus.FAIL;
        items.add(Checklist.Item.of(Check.BG_MFA.id(), "MFA is required to assume the role (Bool aws:MultiFactorAuthPresent true)", mfa,
                "trust statements " + labels(allows) + (mfaStatic ? " require" : " do not all require")
                        + " aws:MultiFactorAuthPresent=true. Engine, sts:AssumeRole by " + probeArn + ": with MFA "
                        + withMfa.verdict() + ", without MFA " + noMfa.verdict() + " (" + noMfa.summary() + ")",
                "Add \"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}} to every Allow statement of the trust policy"
                        + (mfaIfExists ? " (Bool, not BoolIfExists: IfExists lets long-term keys without MFA through)" : "") + ".")
                .withDecision(noMfa));

        // MFA age
        Optional<Long> maxAge = allows.stream().map(BreakGlassAudit::mfaAgeLimit).reduce((a, b) -> a.isPresent() && b.isPresent()
                ? Optional.of(Math.max(a.get(), b.get())) : Optional.empty()).orElse(Optional.empty());
        boolean ageOk = maxAge.isPresent() && maxAge.get() <= MAX_MFA_AGE_SECONDS && !oldMfa.allowed();
        items.add(Checklist.Item.of(Check.BG_MFA_AGE.id(), "the MFA sign-in is at most an hour old (NumericLessThan aws:MultiFactorAuthAge <= 3600)",
                ageOk ? CheckStatus.PASS : CheckStatus.FAIL,
                (maxAge.map(a -> "trust allows MFA age below " + a + " s").orElse("no aws:MultiFactorAuthAge limit on every Allow statement"))
                        + ". Engine: MFA 7200 s old → " + oldMfa.verdict(),
                "Add \"NumericLessThan\": {\"aws:MultiFactorAuthAge\": \"3600\"} next to the MFA condition.").withDecision(oldMfa));

        // session length
        Duration max = role.maxSessionDuration();
        items.add(Checklist.Item.of(Check.BG_SESSION.id(), "sessions last at most 1 hour (MaxSessionDuration <= 3600 s)",
                max.compareTo(MAX_SESSION) <= 0 ? CheckStatus.PASS : CheckStatus.FAIL,
                "MaxSessionDuration " + max.toSeconds() + " s",
                "aws iam update-role --role-name " + roleName + " --max-session-duration 3600"));

        // trusted principals
        Set<String> trusted = new LinkedHashSet<>();
        for (Statement s : allows) {
            s.principal().ifPresent(p -> {
                if (p.anyone()) {
                    trusted.add("*");
                }
                p.values().forEach((type, vals) -> vals.forEach(v -> trusted.add(type.equals("AWS") ? v : type + ":" + v)));
            });
        }
        Set<String> unexpected = new LinkedHashSet<>(trusted);
        unexpected.removeAll(intendedPrincipals);
        Decision stranger = assume(role, RequestPrincipal.role("arn:aws:iam::" + TrustAudit.STRANGER_ACCOUNT + ":role/any-role"),
                Map.of("aws:MultiFactorAuthPresent", "true", "aws:MultiFactorAuthAge", "60"));
        items.add(Checklist.Item.of(Check.BG_TRUST.id(), "only the intended principal may assume it (" + String.join(", ", intendedPrincipals) + ")",
                unexpected.isEmpty() && !trusted.isEmpty() && !stranger.allowed() ? CheckStatus.PASS : CheckStatus.FAIL,
                "trust policy names " + trusted + (unexpected.isEmpty() ? "" : "; unexpected: " + unexpected)
                        + ". Engine: a role of another account with MFA → " + stranger.verdict(),
                "Trust only " + String.join(", ", intendedPrincipals) + " in the trust policy.").withDecision(stranger));

        // admin
        boolean admin = admins.isAdmin("role", roleName);
        List<Decision> probes = admins.probe(role.arn());
        List<String> denied = probes.stream().filter(d -> !d.allowed())
                .map(d -> d.request().action() + " (" + d.decidingLayerResult().name() + ")").toList();
        items.add(Checklist.Item.of(Check.BG_ADMIN.id(), "the role is admin (it must work when everything else is broken)",
                admin ? CheckStatus.PASS : CheckStatus.FAIL,
                admin ? "engine: all " + probes.size() + " admin probes ALLOWED on *" : "engine: denied " + denied,
                "Attach AdministratorAccess; make sure no boundary or SCP caps it (or exempt it in the SCP by aws:PrincipalArn).")
                .withDecision(probes.get(0)));

        // not used without reason
        items.add(Checklist.Item.of(Check.BG_LAST_USED.id(), "every use matches an incident", CheckStatus.MANUAL,
                role.lastUsed().map(l -> "last assumed " + l.date() + (l.region().isEmpty() ? "" : " in " + l.region()))
                        .orElse("never assumed (RoleLastUsed empty)") + "; match each use to an incident ticket",
                "Investigate any use without an incident."));
        manual(items, roleName);
        return new Checklist(title, "role", roleName, acct.asOf(), items);
    }

    private void manual(List<Checklist.Item> items, String roleName) {
        Decision stop = sim.simulate(Request.builder().principal(sim.principal(acct.findRole(roleName).map(Role::arn)
                .orElse("arn:aws:iam::" + acct.accountId() + ":role/" + roleName))).action("cloudtrail:StopLogging").resource("*").build());
        items.add(Checklist.Item.of(Check.BG_CLOUDTRAIL.id(), "CloudTrail logging is always on", CheckStatus.MANUAL,
                "Verify: aws cloudtrail get-trail-status shows IsLogging=true for a multi-region trail. Engine: "
                        + "cloudtrail:StopLogging by the role → " + stop.verdict()
                        + (stop.decidingStatementLabel().isEmpty() ? "" : " (" + stop.decidingStatementLabel() + ")"),
                "Protect the trail with an SCP denying cloudtrail:StopLogging/DeleteTrail.").withDecision(stop));
        items.add(Checklist.Item.of(Check.BG_ALERT.id(), "an alert fires every time the role is assumed", CheckStatus.MANUAL,
                "Verify an EventBridge rule on CloudTrail AssumeRole events with requestParameters.roleArn = the role's ARN, "
                        + "targeting PagerDuty/Slack, and that a test assumption pages someone",
                "Create the rule (source aws.sts, detail-type \"AWS API Call via CloudTrail\", eventName AssumeRole)."));
        items.add(Checklist.Item.of(Check.BG_RUNBOOK.id(), "documented in the runbook: when to use it, who can authorize, post-incident review",
                CheckStatus.MANUAL, "Verify the runbook page exists and names the approvers and the review process",
                "Write it before the incident."));
    }

    private Decision assume(Role role, RequestPrincipal probe, Map<String, String> context) {
        return AssumeProbe.evaluate(sim, Request.builder().principal(probe).action("sts:AssumeRole").resource(role.arn()), context);
    }

    /**
     * Who assumes the role in the MFA probes: a principal the trust policy names (an intended one when it names
     * one), so that the probes test the MFA conditions and not whether the probe is trusted at all. An account
     * (root ARN or id) stands for its principals, represented by a user of that account.
     */
    private String probePrincipal(Set<String> intended, List<Statement> allows) {
        List<String> named = allows.stream().flatMap(s -> s.principal().stream())
                .flatMap(p -> p.values().getOrDefault("AWS", List.of()).stream()).filter(v -> !v.equals("*")).toList();
        String chosen = named.stream().filter(intended::contains).findFirst()
                .or(() -> named.stream().findFirst()).orElse(intended.iterator().next());
        if (chosen.endsWith(":root") || chosen.matches("\\d{12}")) {
            return "arn:aws:iam::" + TrustAudit.accountOf(chosen) + ":user/break-glass-operator";
        }
        return chosen;
    }

    static boolean requiresMfa(Statement s) {
        for (Condition c : s.conditions()) {
            if (c.key().equalsIgnoreCase("aws:MultiFactorAuthPresent") && c.operator().toLowerCase(Locale.ROOT).startsWith("bool")
                    && c.values().stream().allMatch(v -> v.equalsIgnoreCase("true"))) {
                return true;
            }
        }
        return false;
    }

    /** The MultiFactorAuthAge upper bound of a statement, in seconds. */
    static Optional<Long> mfaAgeLimit(Statement s) {
        for (Condition c : s.conditions()) {
            String op = c.operator().toLowerCase(Locale.ROOT);
            if (c.key().equalsIgnoreCase("aws:MultiFactorAuthAge") && (op.startsWith("numericlessthan"))) {
                try {
                    return c.values().stream().map(Long::parseLong).max(Long::compare);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String labels(List<Statement> statements) {
        return statements.stream().map(Statement::label).toList().toString();
    }
}
