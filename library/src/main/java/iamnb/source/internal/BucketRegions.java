package iamnb.source.internal;

/** A bucket's region from S3's GetBucketLocation answer, which keeps two historical spellings. */
public final class BucketRegions {
    private BucketRegions() {}

    /**
     * @param locationConstraint the LocationConstraint: empty or absent for us-east-1, {@code EU} for eu-west-1
     *                           (buckets created with the old alias), else the region itself
     */
    public static String fromLocationConstraint(String locationConstraint) {
        if (locationConstraint == null || locationConstraint.isBlank()
                || locationConstraint.equals("null")) {
            return "us-east-1";
        }
        return locationConstraint.equals("EU") ? "eu-west-1" : locationConstraint;
    }
}
