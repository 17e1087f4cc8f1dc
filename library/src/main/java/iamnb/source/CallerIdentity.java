package iamnb.source;

/**
 * Who the credentials belong to ({@code aws sts get-caller-identity}): the first question of every Access
 * Denied investigation.
 *
 * @param account the 12-digit account id
 * @param arn the caller's ARN (a user, or an assumed-role session)
 * @param userId the unique id ({@code AIDA...} or {@code AROA...:session})
 */
public record CallerIdentity(String account, String arn, String userId) {
    /** True when the caller is a role session rather than a user. */
    public boolean isAssumedRole() {
        return arn.contains(":assumed-role/");
    }

    @Override
    public String toString() {
        return arn + " (account " + account + ", " + userId + ")";
    }
}
