package iamnb;

import iamnb.source.CallerIdentity;
import iamnb.source.DemoAccount;
import iamnb.source.DemoOrganization;
import iamnb.source.LiveOptions;
import iamnb.source.LiveSource;
import iamnb.source.OrgCollector;
import iamnb.source.OrgOptions;
import iamnb.source.OrgSnapshotFolder;
import iamnb.source.SnapshotReader;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Entry points of the IAM library: where an account comes from.
 *
 * <pre>{@code
 * var acct = Iam.demo();                               // the embedded demo account, offline
 * var acct = Iam.fromSnapshot(Path.of("snap"));        // files written by the AWS CLI (or by acct.save)
 * var acct = Iam.live(o -> o.profile("audit"));        // AWS itself, read-only
 * Iam.whoami(o -> o.profile("audit"));                 // sts get-caller-identity
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

    /**
     * {@link #fromSnapshot(Path)} with another file size limit than the default 256 MiB ({@link
     * SnapshotReader#DEFAULT_MAX_FILE_BYTES}): a file larger than {@code maxFileBytes} is refused before it is read.
     */
    public static Account fromSnapshot(Path dir, long maxFileBytes) {
        return new Account(new SnapshotReader(maxFileBytes).read(dir), "snapshot " + dir);
    }

    /**
     * Opens an organization snapshot folder written by {@code org.save(dir)} or by {@code Iam.organization(..)}:
     * reads its index and the organization now, each member account when a question needs it.
     *
     * @throws InvalidInputException naming the file and place, for a malformed index or organization
     */
    public static Org fromOrganizationSnapshot(Path dir) {
        return new Org(OrgSnapshotFolder.open(dir));
    }

    /** {@link #fromOrganizationSnapshot(Path)} for a folder given as text. */
    public static Org fromOrganizationSnapshot(String dir) {
        return fromOrganizationSnapshot(Path.of(dir));
    }

    /** {@link #fromSnapshot(Path)} for a folder given as text. */
    public static Account fromSnapshot(String dir) {
        return fromSnapshot(Path.of(dir));
    }

    /**
     * Reads the account from AWS (read-only) with the default credential chain and the default region, every
     * optional part included. Denied optional parts become {@code acct.warnings()}.
     *
     * @throws SourceUnavailableException when AWS cannot be reached or refuses GetAccountAuthorizationDetails
     */
    public static Account live() {
        return live(LiveOptions.defaults());
    }

    /** {@link #live()} with options, e.g. {@code Iam.live(o -> o.profile("audit").region("eu-west-1"))}. */
    public static Account live(Consumer<LiveOptions.Builder> options) {
        LiveOptions.Builder b = LiveOptions.builder();
        options.accept(b);
        return live(b.build());
    }

    public static Account live(LiveOptions options) {
        LiveSource.Result r = new LiveSource(options).collect();
        return new Account(r.snapshot(), r.source());
    }

    /** Options naming a profile, for {@code Iam.live(Iam.profile("audit"))}. */
    public static LiveOptions profile(String name) {
        return LiveOptions.builder().profile(name).build();
    }

    /** Who the default credentials belong to ({@code aws sts get-caller-identity}). */
    public static CallerIdentity whoami() {
        return whoami(LiveOptions.defaults());
    }

    public static CallerIdentity whoami(Consumer<LiveOptions.Builder> options) {
        LiveOptions.Builder b = LiveOptions.builder();
        options.accept(b);
        return whoami(b.build());
    }

    public static CallerIdentity whoami(LiveOptions options) {
        return new LiveSource(options).whoami();
    }

    // ---- demo organization (issue 13 item 6) -----------------------------------------------------------------

    /**
     * The embedded demo organization as of 2026-11-01T00:00:00Z: the demo account's organization (root →
     * Production / Shared / Sandbox) with all five members collected. Member {@code 123456789012} is {@link #demo()};
     * the management account, example-staging, tools-ci and sandbox-dev are small accounts with cross-account
     * trusts, a chained path to admin and planted problems (README, "Demo organization"). Deterministic, offline.
     */
    public static Org demoOrganization() {
        return new Org(DemoOrganization.source());
    }

    // ---- collecting an organization (issue 13 item 1) ----

    /**
     * Collects a whole AWS Organization, read-only, from its management (or a delegated administrator) account:
     * lists it with Organizations, assumes {@code memberRole} in each selected member account and reads it as
     * {@link #live(LiveOptions)} does, a few accounts at a time. An account that cannot be entered is listed with
     * the reason in {@code org.accounts()}; with {@code saveTo(dir)} every account is saved as it arrives and a
     * second run on the same folder fetches only what is missing.
     *
     * <pre>{@code
     * var org = Iam.organization(o -> o.profile("org-audit").parallelism(4).saveTo(Path.of("org-2026-11")));
     * }</pre>
     *
     * @throws SourceUnavailableException when the organization cannot be listed
     */
    public static Org organization(Consumer<OrgOptions.Builder> options) {
        OrgOptions.Builder b = OrgOptions.builder();
        options.accept(b);
        return organization(b.build());
    }

    public static Org organization(OrgOptions options) {
        return new Org(new OrgCollector(options).collect());
    }
}
