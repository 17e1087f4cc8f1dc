package iamnb.model;

/**
 * A managed policy attached to a user, group or role, as IAM lists it: name and ARN. The document lives in
 * the account's {@link ManagedPolicy} with the same ARN ({@code acct.policy(arn)}).
 *
 * @param name the policy name
 * @param arn the policy ARN ({@code arn:aws:iam::aws:policy/...} for AWS managed policies)
 */
public record AttachedPolicy(String name, String arn) {
    public AttachedPolicy {
        Checks.notBlank(name, "attached policy name");
        Checks.notBlank(arn, "attached policy arn");
    }

    public boolean isAwsManaged() {
        return ManagedPolicy.isAwsManagedArn(arn);
    }
}
