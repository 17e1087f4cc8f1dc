package iamnb;

import iamnb.model.Account;
import iamnb.source.DemoAccount;
import iamnb.source.SnapshotReader;
import java.nio.file.Path;

/**
 * Entry points of the IAM library: where an account comes from.
 *
 * <pre>{@code
 * var acct = Iam.demo();                               // the embedded demo account, offline
 * var acct = Iam.fromSnapshot(Path.of("snap"));        // files written by the AWS CLI (or by acct.save)
 * }</pre>
 */
public final class Iam {
    private Iam() {}

    /**
     * The embedded demo account {@code 123456789012} as of 2026-11-01T00:00:00Z: the seed runbooks' principals,
     * buckets and organization, with one planted problem per audit (README, "Demo account"). Deterministic and
     * offline.
     */
    public static Account demo() {
        return new Account(DemoAccount.load(), "demo");
    }

    /**
     * Reads a snapshot folder: {@code gaad.json} from {@code aws iam get-account-authorization-details} and,
     * optionally, the other AWS CLI outputs the README's "Snapshot folder format" lists.
     *
     * @throws InvalidInputException naming the file, line or JSON path, and the problem, for a malformed file
     */
    public static Account fromSnapshot(Path dir) {
        return new Account(new SnapshotReader().read(dir), "snapshot " + dir);
    }

    /** {@link #fromSnapshot(Path)} for a folder given as text. */
    public static Account fromSnapshot(String dir) {
        return fromSnapshot(Path.of(dir));
    }
}
