package iamnb.org;

import iamnb.audit.Check;
import iamnb.audit.Finding;
import iamnb.audit.Findings;
import iamnb.audit.Severity;
import iamnb.internal.Arns;
import iamnb.model.AccountView;
import iamnb.model.Effect;
import iamnb.model.OrgAccount;
import iamnb.model.Organization;
import iamnb.model.PolicyDocument;
import iamnb.model.Principal;
import iamnb.model.Role;
import iamnb.model.Statement;
import iamnb.policy.AccountSimulator;
import iamnb.policy.ConditionResult;
import iamnb.policy.Decision;
import iamnb.policy.LayerKind;
import iamnb.policy.Layers;
import iamnb.policy.PolicyEvaluator;
import iamnb.policy.PrincipalMatch;
import iamnb.policy.Request;
import iamnb.policy.RequestPrincipal;
import iamnb.policy.StatementMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The organization's view of one account's role trusts: which roles let in principals of another account, and
 * whether that account is a member. Every trust is decided by the policy engine, not by reading the JSON: for each
 * other account a trust policy names, it simulates {@code sts:AssumeRole} on the role by a principal of that
 * account (an arbitrary role of it, then each principal the policy names there), with that principal's own policies
 * assumed to allow, and reads the answer: whether the trust policy's Principal took the principal in as its whole
 * account ({@link PrincipalMatch#ACCOUNT}) or by name, which conditions of the matching statements held or
 * failed, and the verdict. A trust is <i>open</i> when a matching Allow statement applies as the request stands
 * (every condition held with no context the caller would have to add); the caller's own SCPs are its account's
 * business, not the role's trust, so they do not make a trust closed.
 *
 * <ul>
 *   <li>{@code ORG-TRUST-OUTSIDE}: the account is not a member. High when any of its principals may assume the role
 *       with no condition to meet; medium when one named principal may, or when only conditions that do not narrow
 *       who (MFA, source IP, ...) stand in the way; low when {@code sts:ExternalId}, {@code aws:PrincipalArn},
 *       {@code aws:PrincipalOrgID}/{@code aws:PrincipalOrgPaths} or a principal tag narrows it.
 *   <li>{@code ORG-TRUST-NO-EXTERNALID}: the account is not a member (a third party) and some statement letting it
 *       in does not require {@code sts:ExternalId}, the confused-deputy guard AWS prescribes for third parties.
 *   <li>{@code ORG-TRUST-MEMBER-ROOT}: the account is another member, the trust names its root, and the engine lets
 *       an arbitrary principal of it in with no extra condition. {@code aws:PrincipalOrgID} does not narrow here:
 *       every principal of a member carries the organization's id.
 * </ul>
 * A trust that an explicit Deny stops for the probe (in the trust policy or an RCP) is not reported; principals
 * given as {@code "*"} are the account audit's {@code TRUST-WILDCARD}.
 */
public final class CrossAccountTrust {
    /** Conditions that narrow which principals of the other account get in. */
    private static final Set<String> NARROWING = Set.of("sts:externalid", "aws:principalarn", "aws:principalorgid",
            "aws:principalorgpaths", "aws:userid", "aws:username", "aws:sourceidentity", "sts:sourceidentity");
    private static final PolicyDocument CALLER_ALLOWS = PolicyDocument.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
    /** The role name of the probe that stands for "any principal of that account". */
    static final String PROBE_ROLE = "iamnb-any-principal";

    private final AccountView acct;
    private final AccountSimulator sim;
    private final Organization org;

    public CrossAccountTrust(AccountView acct, AccountSimulator sim, Organization org) {
        this.acct = acct;
        this.sim = sim;
        this.org = org;
    }

    /** The findings about this account's roles. */
    public Findings run() {
        List<Finding> out = new ArrayList<>();
        for (Role role : acct.snapshot().roles()) {
            if (role.isServiceLinked()) {
                continue;
            }
            trustedAccounts(role).forEach((account, named) -> judge(role, account, named, out));
        }
        return new Findings("organization trust checks", acct.asOf(), out);
    }

    /** Other accounts the trust policy's Allow statements name, each with the principal values naming it. */
    private Map<String, List<String>> trustedAccounts(Role role) {
        Map<String, List<String>> byAccount = new LinkedHashMap<>();
        for (Statement st : role.trustPolicy().statements()) {
            if (!st.isAllow() || st.notPrincipal() || st.principal().isEmpty()) {
                continue;
            }
            Principal p = st.principal().get();
            for (String v : p.aws()) {
                String account = v.trim().matches("\\d{12}") ? v.trim() : Arns.account(v);
                if (!account.isEmpty() && !account.equals(acct.accountId())) {
                    byAccount.computeIfAbsent(account, k -> new ArrayList<>()).add(v.trim());
                }
            }
        }
        return byAccount;
    }

    /** What the engine says about one trusted account, probed by an arbitrary principal first, then by name. */
    private void judge(Role role, String account, List<String> named, List<Finding> out) {
        List<RequestPrincipal> probes = new ArrayList<>();
        probes.add(RequestPrincipal.role("arn:aws:iam::" + account + ":role/" + PROBE_ROLE));
        for (String v : new LinkedHashSet<>(named)) {
            if (v.startsWith("arn:") && !v.endsWith(":root")) {
                probes.add(RequestPrincipal.fromArn(v));
            }
        }
        for (RequestPrincipal probe : probes) {
            Probe result = probe(role, probe);
            if (result.matched().isEmpty()) {
                continue;   // the Principal does not take this principal in; try the next
            }
            if (result.deniedOnRoleSide()) {
                return;     // a Deny of the trust policy or an RCP stops it for this principal: nothing to report
            }
            report(role, account, result, out);
            return;
        }
    }

    private record Probe(RequestPrincipal principal, Decision decision, List<StatementMatch> matched) {
        /**
         * True when a statement letting the principal in applies with the request as it stands: every condition
         * held, none was needed beyond what the account knows. The caller's own side (its SCPs, which may deny by
         * region or time) is not the role's trust, so it does not count here; the evidence quotes the full verdict.
         */
        boolean open() {
            return matched.stream().anyMatch(StatementMatch::applies);
        }

        /** True when the role's side (trust policy Deny, RCP) explicitly denies the probe. */
        boolean deniedOnRoleSide() {
            return decision.layerResults().stream()
                    .filter(l -> l.kind() == LayerKind.RESOURCE_POLICY || l.kind() == LayerKind.RCP)
                    .anyMatch(l -> !l.denies().isEmpty());
        }

        boolean wholeAccount() {
            return matched.stream().anyMatch(s -> s.principalMatch().orElseThrow() == PrincipalMatch.ACCOUNT);
        }

        /** True when every matching statement tests this key (so no way in skips it). */
        boolean everyStatementTests(Set<String> keys) {
            return matched.stream().allMatch(s -> s.conditions().stream()
                    .anyMatch(c -> keys.contains(key(c)) || key(c).startsWith("aws:principaltag/")));
        }

        String conditions() {
            Set<String> parts = new LinkedHashSet<>();
            for (StatementMatch s : matched) {
                for (ConditionResult c : s.conditions()) {
                    parts.add(c.condition().operator() + " " + c.condition().key() + (c.held() ? " (held)" : " (not met)"));
                }
            }
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }
    }

    private static String key(ConditionResult c) {
        return c.condition().key().toLowerCase(Locale.ROOT);
    }

    private Probe probe(Role role, RequestPrincipal principal) {
        Request request = sim.prepare(Request.builder().principal(principal).action("sts:AssumeRole")
                .resource(role.arn()).build());
        Layers layers = sim.layersFor(request).toBuilder()
                .identity("(assumed) the caller's own policies allow it", CALLER_ALLOWS).build();
        Decision d = PolicyEvaluator.evaluate(request, layers);
        List<StatementMatch> matched = d.layerResults().stream().filter(l -> l.kind() == LayerKind.RESOURCE_POLICY)
                .flatMap(l -> l.statements().stream())
                .filter(s -> s.effect() == Effect.ALLOW && s.resourceMatched())
                .filter(s -> s.principalMatch().filter(m -> m != PrincipalMatch.NOT_CHECKED).isPresent())
                .toList();
        return new Probe(principal, d, matched);
    }

    private void report(Role role, String account, Probe p, List<Finding> out) {
        boolean member = org.account(account).isPresent();
        String who = p.wholeAccount() ? "every principal of account " + account : "principal " + p.principal().arn();
        String statements = p.matched().stream().map(s -> s.label()).distinct().collect(Collectors.joining(", "));
        String evidence = "trust policy of " + role.name() + ", statement(s) " + statements + "; conditions: "
                + p.conditions() + ". Engine: sts:AssumeRole by " + p.principal().arn() + " (its own policies "
                + "assumed to allow) is " + p.decision().verdict() + " with every layer, SCPs of its account included"
                + (p.decision().decidingStatementLabel().isEmpty() ? "" : " (" + p.decision().decidingStatementLabel() + ")");
        if (!member) {
            boolean narrowed = p.everyStatementTests(NARROWING);
            Severity sev = p.open() ? (p.wholeAccount() ? Severity.HIGH : Severity.MEDIUM)
                    : narrowed ? Severity.LOW : Severity.MEDIUM;
            String how = p.open() ? who + " can assume it with no condition to meet"
                    : narrowed ? "narrowed by conditions on who may come in (" + p.conditions() + ")"
                    : "only conditions that do not narrow who (" + p.conditions() + ") stand in the way";
            out.add(new Finding(sev, "role", role.name(), Check.ORG_TRUST_OUTSIDE.id(),
                    "role " + role.name() + " trusts account " + account + ", which is not a member of organization "
                            + org.id() + ": " + how,
                    evidence,
                    "Confirm who owns account " + account + " and why it needs " + role.name() + "; name its role "
                            + "ARN rather than its root, require sts:ExternalId if it is a third party, and remove "
                            + "the statement if nobody uses it (CloudTrail AssumeRole events)."));
            if (!p.everyStatementTests(Set.of("sts:externalid"))) {
                out.add(new Finding(Check.ORG_TRUST_NO_EXTERNALID.severity(), "role", role.name(),
                        Check.ORG_TRUST_NO_EXTERNALID.id(),
                        "role " + role.name() + " lets " + who + " (outside the organization) in without "
                                + "requiring sts:ExternalId, so a third party's service can be tricked into using "
                                + "it for someone else (the confused deputy)",
                        evidence,
                        "Add \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"<id the third party gave "
                                + "you>\"}} to every statement trusting account " + account + "."));
            }
            return;
        }
        if (p.wholeAccount() && p.open()) {
            OrgAccount other = org.account(account).orElseThrow();
            out.add(new Finding(Check.ORG_TRUST_MEMBER_ROOT.severity(), "role", role.name(),
                    Check.ORG_TRUST_MEMBER_ROOT.id(),
                    "every principal of member account " + account
                            + (other.name().isEmpty() ? "" : " (" + other.name() + ")") + " whose own policies allow "
                            + "it can assume " + role.name() + ": the trust names the account's root and no "
                            + "condition narrows who",
                    evidence,
                    "Name the role(s) of account " + account + " that need " + role.name() + " in the Principal, or "
                            + "add an aws:PrincipalArn condition listing them; aws:PrincipalOrgID does not help "
                            + "here, every principal of a member has it."));
        }
    }
}
