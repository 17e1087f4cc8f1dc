package iamnb.audit;

import iamnb.audit.internal.Actions;
import iamnb.audit.internal.StatementText;
import iamnb.internal.Arns;
import iamnb.model.AccountView;
import iamnb.model.Condition;
import iamnb.model.OrgAccount;
import iamnb.model.Principal;
import iamnb.model.Role;
import iamnb.model.Statement;
import iamnb.policy.AccountSimulator;
import iamnb.policy.Decision;
import iamnb.policy.Request;
import iamnb.policy.RequestPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Roles whose trust policy lets in too much: {@code "*"} or {@code {"AWS": "*"}} (any principal of any account),
 * another account's root (every principal of that account) without conditions, cross-account principals without
 * an {@code sts:ExternalId} or MFA condition, and accounts outside a known list.
 *
 * <p>Conditions that make a trust safe: {@code sts:ExternalId}, {@code aws:MultiFactorAuthPresent},
 * {@code aws:PrincipalOrgID}/{@code aws:PrincipalOrgPaths}, {@code aws:PrincipalAccount}, {@code aws:PrincipalArn},
 * {@code aws:SourceAccount}/{@code aws:SourceArn}. Every wide trust is confirmed by the policy engine: it simulates
 * {@code sts:AssumeRole} by a principal of an unrelated account (whose own policies are assumed to allow it) and
 * quotes the decision.
 */
final class TrustAudit {
    /** An account no one knows, standing for "any AWS account" in the engine's confirmation. */
    static final String STRANGER_ACCOUNT = "210987654321";
    private static final Set<String> SCOPING = Set.of("aws:principalorgid", "aws:principalorgpaths",
            "aws:principalaccount", "aws:principalarn", "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid");
    private static final Set<String> CROSS_ACCOUNT_SAFE = Set.of("sts:externalid", "aws:multifactorauthpresent",
            "aws:multifactorauthage", "aws:principalorgid", "aws:principalorgpaths", "aws:principalarn");

    private final AccountView acct;
    private final AccountSimulator sim;
    private final AdminAudit admins;

    TrustAudit(AccountView acct, AccountSimulator sim, AdminAudit admins) {
        this.acct = acct;
        this.sim = sim;
        this.admins = admins;
    }

    /** Own account plus the organization's accounts, when the organization is known; empty set otherwise means "don't check". */
    Optional<Set<String>> defaultKnownAccounts() {
        return acct.organization().map(o -> {
            Set<String> s = new LinkedHashSet<>();
            s.add(acct.accountId());
            o.accounts().stream().map(OrgAccount::id).forEach(s::add);
            return s;
        });
    }

    Findings run(Optional<Set<String>> knownAccounts) {
        List<Finding> out = new ArrayList<>();
        for (Role role : acct.snapshot().roles()) {
            if (role.isServiceLinked()) {
                continue;
            }
            boolean admin = admins.isAdmin("role", role.name());
            for (Statement st : role.trustPolicy().statements()) {
                if (!st.isAllow() || st.principal().isEmpty() || !assumes(st)) {
                    continue;
                }
                check(role, st, admin, knownAccounts, out);
            }
        }
        String title = knownAccounts.isPresent() && !knownAccounts.equals(defaultKnownAccounts())
                ? "wide trust (known accounts " + knownAccounts.get() + ")" : "wide trust";
        return new Findings(title, acct.asOf(), out);
    }

    private static boolean assumes(Statement st) {
        return Actions.covers(st, "sts:AssumeRole") || Actions.covers(st, "sts:AssumeRoleWithWebIdentity")
                || Actions.covers(st, "sts:AssumeRoleWithSAML");
    }

    private void check(Role role, Statement st, boolean admin, Optional<Set<String>> known, List<Finding> out) {
        Principal p = st.principal().get();
        String where = "trust policy of " + role.name() + " statement " + st.label() + " [" + StatementText.of(st) + "]";
        Set<String> keys = conditionKeys(st);
        if (st.notPrincipal()) {
            out.add(new Finding(Check.TRUST_NOTPRINCIPAL.severity(), "role", role.name(), Check.TRUST_NOTPRINCIPAL.id(),
                    "trust policy allows everyone except the NotPrincipal list", where,
                    "Replace NotPrincipal with the exact principals that may assume the role."));
            return;
        }
        if (p.isWildcard()) {
            boolean scoped = keys.stream().anyMatch(SCOPING::contains);
            if (scoped) {
                return;   // "*" narrowed to an organization, account or ARN: the recommended pattern
            }
            boolean externalId = keys.contains("sts:externalid");
            String engine = confirm(role, RequestPrincipal.role("arn:aws:iam::" + STRANGER_ACCOUNT + ":role/any-role"));
            out.add(new Finding(externalId ? Severity.HIGH : Severity.CRITICAL, "role", role.name(), Check.TRUST_WILDCARD.id(),
                    externalId ? "any AWS principal who knows the external id can assume the role"
                            : "any principal of any AWS account can assume the role" + (admin ? " (and the role is admin)" : ""),
                    where + ". " + engine,
                    "Name the exact principals in the trust policy, or keep \"*\" only with an aws:PrincipalOrgID "
                            + "condition; then check what the role was used for (CloudTrail AssumeRole events)."));
            return;
        }
        for (String v : p.aws()) {
            String account = accountOf(v);
            if (account.isEmpty() || account.equals(acct.accountId())) {
                continue;
            }
            boolean root = v.matches("\\d{12}") || v.endsWith(":root");
            boolean safe = keys.stream().anyMatch(CROSS_ACCOUNT_SAFE::contains);
            if (!safe) {
                RequestPrincipal probe = root ? RequestPrincipal.role("arn:aws:iam::" + account + ":role/any-role-in-" + account)
                        : RequestPrincipal.fromArn(v);
                String engine = confirm(role, probe);
                Severity sev = root ? (admin ? Severity.CRITICAL : Severity.HIGH) : (admin ? Severity.HIGH : Severity.MEDIUM);
                out.add(new Finding(sev, "role", role.name(), root ? Check.TRUST_ACCOUNT_ROOT.id() : Check.TRUST_NO_EXTERNALID.id(),
                        (root ? "every principal of account " + account + " can assume the role"
                                : "cross-account principal " + v + " can assume the role")
                                + " without sts:ExternalId or MFA conditions",
                        where + ". " + engine,
                        "Add \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"<secret agreed with the other party>\"}} "
                                + "for third parties (or aws:MultiFactorAuthPresent for people), and name a role rather "
                                + "than the account root."));
            }
            if (known.isPresent() && !known.get().contains(account)) {
                out.add(new Finding(Check.TRUST_UNKNOWN_ACCOUNT.severity(), "role", role.name(), Check.TRUST_UNKNOWN_ACCOUNT.id(),
                        "trusts account " + account + ", which is not in the known accounts", where
                                + ". Known accounts: " + known.get(),
                        "Confirm who owns account " + account + " and why it needs this role; add it to the known "
                                + "list (wideTrust(knownAccounts)) or remove it from the trust policy."));
            }
        }
    }

    /** The engine's verdict on sts:AssumeRole by a principal from elsewhere, its own policies assumed to allow. */
    private String confirm(Role role, RequestPrincipal probe) {
        Decision d = AssumeProbe.evaluate(sim, Request.builder().principal(probe).action("sts:AssumeRole")
                .resource(role.arn()).build());
        return "Engine: sts:AssumeRole by " + probe.arn() + " is " + d.verdict()
                + (d.decidingStatementLabel().isEmpty() ? "" : " (" + d.decidingStatementLabel() + ")");
    }

    static Set<String> conditionKeys(Statement st) {
        Set<String> keys = new LinkedHashSet<>();
        for (Condition c : st.conditions()) {
            keys.add(c.key().toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    static String accountOf(String principal) {
        String v = principal.trim();
        if (v.matches("\\d{12}")) {
            return v;
        }
        return Arns.account(v);
    }
}
