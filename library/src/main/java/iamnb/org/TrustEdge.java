package iamnb.org;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One assume-role edge of an organization: {@code from} can call {@code sts:AssumeRole} (or the web-identity or SAML
 * variant) on {@code toRole}, as decided by the policy engine with both sides — the caller's identity policies,
 * boundary and SCPs, and the role's trust policy and RCPs.
 *
 * @param fromKind what the caller is
 * @param fromAccount the caller's account, or "" (services, identity providers, any principal)
 * @param fromPrincipal the user's or role's ARN for member principals (a role calls through a session of it); the
 *     account id, principal ARN, service name or provider for the others
 * @param toAccount the role's account
 * @param toRole the role's ARN
 * @param via how the trust policy names the caller: {@code account root}, {@code role ARN}, {@code user ARN},
 *     {@code session ARN}, {@code org condition}, {@code any principal (*)}, {@code NotPrincipal}, {@code service},
 *     {@code identity provider}
 * @param statement the trust policy statement that lets the caller in ({@code trust policy of deploy, statement S1})
 * @param conditions every condition of that statement, as written
 * @param externalIds the external ids the statement requires ({@code sts:ExternalId}), empty when none
 * @param mfa whether the statement requires MFA ({@code aws:MultiFactorAuthPresent} or {@code aws:MultiFactorAuthAge})
 * @param sourceIdentity whether it tests {@code sts:SourceIdentity}
 * @param wholeAccount whether the trust lets in every principal of an account (its root, or {@code *})
 * @param requiredContext the context keys the caller must send for the decision to allow (external id, MFA, ...)
 */
public record TrustEdge(NodeKind fromKind, String fromAccount, String fromPrincipal, String toAccount, String toRole,
                        String via, String statement, List<String> conditions, List<String> externalIds, boolean mfa,
                        boolean sourceIdentity, boolean wholeAccount, Map<String, List<String>> requiredContext) {
    public TrustEdge {
        Objects.requireNonNull(fromKind, "fromKind");
        Objects.requireNonNull(fromAccount, "fromAccount");
        Objects.requireNonNull(fromPrincipal, "fromPrincipal");
        Objects.requireNonNull(toAccount, "toAccount");
        Objects.requireNonNull(toRole, "toRole");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(statement, "statement");
        conditions = List.copyOf(conditions);
        externalIds = List.copyOf(externalIds);
        requiredContext = Map.copyOf(requiredContext);
    }

    /** Whether the edge crosses from one account to another. */
    public boolean crossAccount() {
        return !fromAccount.equals(toAccount);
    }

    @Override
    public String toString() {
        return fromPrincipal + " → " + toRole + " (" + via + (externalIds.isEmpty() ? "" : ", external id")
                + (mfa ? ", MFA" : "") + ")";
    }
}
