package iamnb.runbook;

import iamnb.model.AccountView;
import java.util.Objects;
import java.util.Optional;

/**
 * The write workflows of the seed runbooks, as {@link Plan}s: nothing is written to AWS until
 * {@code plan.apply(iamClient)}. Each entry point returns a small builder; {@code plan()} ends it.
 *
 * <pre>{@code
 * Runbooks.crossAccountRole("cross-account-deploy").trusting("arn:aws:iam::111111111111:role/ci-pipeline")
 *         .externalId("prod-deploy-2024").attach("arn:aws:iam::aws:policy/AmazonECS_FullAccess").plan();
 * Runbooks.breakGlassRole(acct, "break-glass-admin").plan();
 * Runbooks.rotateKeys(acct, "svc-deploy").plan();
 * Runbooks.developerSandbox(acct).grantToGroup("developers").plan();
 * Runbooks.conditionalMfa().document();
 * }</pre>
 *
 * <p>The {@code Account} variants take the account id from the account and warn when the plan collides with
 * what the account already holds (a role that exists, a group that does not).
 */
public final class Runbooks {
    private Runbooks() {}

    /** A role another account assumes with an external id; say where it lives with {@code inAccount(...)}. */
    public static CrossAccountRole crossAccountRole(String roleName) {
        return new CrossAccountRole(roleName, Optional.empty());
    }

    /** A cross-account role in {@code acct}. */
    public static CrossAccountRole crossAccountRole(AccountView acct, String roleName) {
        return new CrossAccountRole(roleName, Optional.of(Objects.requireNonNull(acct, "acct")));
    }

    /** An MFA-only, one-hour, administrator role for incidents; say whose root it trusts with {@code inAccount}. */
    public static BreakGlassRole breakGlassRole(String roleName) {
        return new BreakGlassRole(roleName, Optional.empty());
    }

    /** A break-glass role in {@code acct}, trusting its root with MFA. */
    public static BreakGlassRole breakGlassRole(AccountView acct, String roleName) {
        return new BreakGlassRole(roleName, Optional.of(Objects.requireNonNull(acct, "acct")));
    }

    /**
     * Rotation of a user's access key, from the keys {@code acct} shows.
     *
     * @throws iamnb.InvalidInputException when the account has no such user (naming close matches)
     */
    public static KeyRotation rotateKeys(AccountView acct, String userName) {
        return new KeyRotation(Objects.requireNonNull(acct, "acct"), userName);
    }

    /** The developer sandbox boundary and developer policy for an account id. */
    public static DeveloperSandbox developerSandbox(String accountId) {
        return new DeveloperSandbox(accountId, Optional.empty());
    }

    /** The developer sandbox of {@code acct}, warning about policies that exist and groups that do not. */
    public static DeveloperSandbox developerSandbox(AccountView acct) {
        return new DeveloperSandbox(Objects.requireNonNull(acct, "acct").accountId(), Optional.of(acct));
    }

    /** Reads without MFA, writes only with MFA; the seed's actions unless given. */
    public static ConditionalMfaPolicy conditionalMfa() {
        return new ConditionalMfaPolicy();
    }
}
