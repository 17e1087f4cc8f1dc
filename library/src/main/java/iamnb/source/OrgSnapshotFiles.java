package iamnb.source;

/**
 * The layout of an organization snapshot folder: the management account's view of the organization beside one
 * ordinary snapshot folder per member account.
 *
 * <pre>
 * DIR/organization-snapshot.json   the index: members, OU paths, collected or not and why, a digest per account
 *                                  and one for the set
 * DIR/organization/                AWS Organizations as the CLI prints it (the same files as in an account folder)
 * DIR/accounts/ID/                 one account snapshot folder per collected member (Iam.fromSnapshot reads it)
 * </pre>
 */
public final class OrgSnapshotFiles {
    private OrgSnapshotFiles() {}

    public static final String INDEX = "organization-snapshot.json";
    public static final String ORGANIZATION = SnapshotFiles.ORGANIZATION;
    public static final String ACCOUNTS = "accounts";
    /** The version of the index format this library writes and reads. */
    public static final int FORMAT_VERSION = 1;
}
