package iamnb.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.Account;
import iamnb.policy.Decision;
import iamnb.policy.LayerKind;
import iamnb.policy.LayerOutcome;
import iamnb.policy.Verdict;
import java.util.Map;

/**
 * Checks one hop of a role chain (an {@code sts:AssumeRole} across accounts) with {@code Account.simulate} on each
 * side. A simulation in one account answers "implicit deny" for a request that crosses accounts, since the other
 * account's part is not in its snapshot; the two sides together are the cross-account decision.
 */
final class AssumeHops {
    private AssumeHops() {}

    /** One side, simulated in one account: that account's {@code part} allows and no layer denies. */
    static boolean sideAllows(Decision d, LayerKind part) {
        return d.outcome(part) == LayerOutcome.ALLOW && d.verdict() != Verdict.EXPLICIT_DENY
                && d.outcome(LayerKind.SCP) != LayerOutcome.DENY && d.outcome(LayerKind.SCP) != LayerOutcome.SILENT
                && d.outcome(LayerKind.RCP) != LayerOutcome.DENY
                && d.outcome(LayerKind.PERMISSIONS_BOUNDARY) != LayerOutcome.DENY
                && d.outcome(LayerKind.PERMISSIONS_BOUNDARY) != LayerOutcome.SILENT;
    }

    /**
     * Whether {@code principal} of account {@code from} may assume {@code roleArn} of account {@code to}: its
     * identity side in {@code from} (identity policies, boundary, its SCPs) and the role's trust side in {@code to}
     * (trust policy, the role account's RCPs, the caller's SCPs) both allow.
     */
    static boolean canAssume(Account from, String principal, Account to, String roleArn, Map<String, ?> context) {
        Decision own = from.simulate(principal, "sts:AssumeRole", roleArn, context);
        Decision trust = to.simulate(principalArn(from, principal), "sts:AssumeRole", roleArn, context);
        return sideAllows(own, LayerKind.IDENTITY) && sideAllows(trust, LayerKind.RESOURCE_POLICY);
    }

    static void assertCanAssume(Account from, String principal, Account to, String roleArn, Map<String, ?> context) {
        assertTrue(canAssume(from, principal, to, roleArn, context), principal + " → " + roleArn + ":\n"
                + from.simulate(principal, "sts:AssumeRole", roleArn, context) + "\n"
                + to.simulate(principalArn(from, principal), "sts:AssumeRole", roleArn, context));
    }

    private static String principalArn(Account from, String principal) {
        return from.simulator().principal(principal).arn();
    }
}
