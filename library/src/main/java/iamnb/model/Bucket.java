package iamnb.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An S3 bucket and the three layers that decide access to it besides IAM: bucket policy, ACL and
 * public access block, plus the Object Ownership setting that disables ACLs.
 *
 * @param name bucket name
 * @param region the bucket's region ({@code us-east-1} when S3 answers with no location constraint)
 * @param created creation time, when known
 * @param policy the bucket policy, if any
 * @param acl the bucket ACL, when it was read
 * @param publicAccessBlock the bucket's public access block, if configured
 * @param objectOwnership the Object Ownership rule ({@code BucketOwnerEnforced} means ACLs are disabled), if set
 */
public record Bucket(String name, String region, Optional<Instant> created, Optional<PolicyDocument> policy,
                     Optional<Acl> acl, Optional<PublicAccessBlock> publicAccessBlock,
                     Optional<String> objectOwnership) {
    public Bucket {
        Checks.notBlank(name, "bucket name");
        region = region == null || region.isBlank() ? "us-east-1" : region;
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(acl, "acl");
        Objects.requireNonNull(publicAccessBlock, "publicAccessBlock");
        Objects.requireNonNull(objectOwnership, "objectOwnership");
    }

    public String arn() {
        return "arn:aws:s3:::" + name;
    }

    /** True when Object Ownership is {@code BucketOwnerEnforced}: ACLs no longer grant anything. */
    public boolean aclsDisabled() {
        return objectOwnership.filter("BucketOwnerEnforced"::equals).isPresent();
    }

    /**
     * A bucket ACL ({@code aws s3api get-bucket-acl}).
     *
     * @param ownerId canonical id of the owner, or the empty string
     * @param grants the grants in order
     */
    public record Acl(String ownerId, List<Grant> grants) {
        public Acl {
            ownerId = Checks.orEmpty(ownerId);
            grants = List.copyOf(grants);
        }
    }

    /**
     * One ACL grant.
     *
     * @param granteeType {@code CanonicalUser}, {@code Group} or {@code AmazonCustomerByEmail}
     * @param grantee the canonical id, group URI or e-mail address
     * @param permission {@code FULL_CONTROL}, {@code READ}, {@code WRITE}, {@code READ_ACP} or {@code WRITE_ACP}
     */
    public record Grant(String granteeType, String grantee, String permission) {
        public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
        public static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

        public Grant {
            Checks.notBlank(granteeType, "grantee type");
            grantee = Checks.orEmpty(grantee);
            Checks.notBlank(permission, "grant permission");
        }

        /** Grants to everyone or to every AWS account holder are public. */
        public boolean isPublic() {
            return ALL_USERS.equals(grantee) || AUTHENTICATED_USERS.equals(grantee);
        }
    }

    /**
     * The four public-access-block switches ({@code aws s3api get-public-access-block}).
     */
    public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                    boolean restrictPublicBuckets) {
        public boolean blocksEverything() {
            return blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets;
        }
    }
}
