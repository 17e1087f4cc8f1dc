package iamnb.source;

import iamnb.InvalidInputException;
import iamnb.internal.JsonInput;
import iamnb.model.AccountSnapshot;
import iamnb.model.OrgMember;
import iamnb.model.Organization;
import iamnb.source.codec.SnapshotCodecs;
import iamnb.source.codec.SnapshotFolder;
import iamnb.source.internal.JsonAt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An organization snapshot folder ({@link OrgSnapshotFiles}) opened for reading. Opening reads only the index and
 * the {@code organization/} folder; each member's folder is read when {@link #load} asks for it, so an
 * organization of thousands of accounts is audited one account at a time in bounded memory.
 */
public final class OrgSnapshotFolder implements OrgSource {
    private static final String ROOT = "OrganizationSnapshot", VERSION = "FormatVersion", AS_OF = "AsOf",
            ACCOUNTS = "Accounts", ID = "Id", NAME = "Name", EMAIL = "Email", STATUS = "Status", OU_PATH = "OuPath",
            COLLECTED = "Collected", WARNINGS = "Warnings", SHA256 = "Sha256";

    private final Path dir;
    private final long maxFileBytes;
    private final Organization organization;
    private final List<OrgMember> members;
    private final Instant asOf;
    private final String sha256;

    private OrgSnapshotFolder(Path dir, long maxFileBytes, Organization organization, List<OrgMember> members,
                              Instant asOf, String sha256) {
        this.dir = dir;
        this.maxFileBytes = maxFileBytes;
        this.organization = organization;
        this.members = List.copyOf(members);
        this.asOf = asOf;
        this.sha256 = sha256;
    }

    /** Opens {@code dir} with the default file size limit. */
    public static OrgSnapshotFolder open(Path dir) {
        return open(dir, SnapshotReader.DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * Opens {@code dir}: reads its index and its {@code organization/} folder.
     *
     * @throws InvalidInputException naming the file and place when the index or the organization is malformed, or
     *     the folder is not an organization snapshot
     */
    public static OrgSnapshotFolder open(Path dir, long maxFileBytes) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("organization snapshot folder " + dir + " does not exist or is not a folder");
        }
        SnapshotFolder folder = new SnapshotFolder(dir, JsonInput.fileMapper(), maxFileBytes);
        JsonAt index = folder.json(OrgSnapshotFiles.INDEX).orElseThrow(() -> new InvalidInputException(
                dir + " has no " + OrgSnapshotFiles.INDEX + ", so it is not an organization snapshot; write one with"
                        + " org.save(dir), or read a single account's folder with Iam.fromSnapshot"))
                .get(ROOT);
        int version = index.integer(VERSION, -1);
        if (version != OrgSnapshotFiles.FORMAT_VERSION) {
            throw index.get(VERSION).error(VERSION + " " + version + " is not supported; this library reads version "
                    + OrgSnapshotFiles.FORMAT_VERSION);
        }
        Organization org = SnapshotCodecs.readOrganization(folder).orElseThrow(() -> new InvalidInputException(
                dir + " has no " + OrgSnapshotFiles.ORGANIZATION + "/ folder; an organization snapshot needs the"
                        + " management account's view of the organization"));
        List<OrgMember> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonAt m : index.list(ACCOUNTS)) {
            String id = m.text(ID);
            if (!id.matches("\\d{12}")) {
                throw m.get(ID).error("account id must be 12 digits, got \"" + id + "\"");
            }
            if (!seen.add(id)) {
                throw m.get(ID).error("account " + id + " is listed twice");
            }
            if (org.account(id).isEmpty()) {
                throw m.get(ID).error("account " + id + " is not in organization " + org.id() + " ("
                        + OrgSnapshotFiles.ORGANIZATION + "/ does not list it)");
            }
            boolean collected = m.bool(COLLECTED, false);
            if (collected && !Files.isDirectory(dir.resolve(OrgSnapshotFiles.ACCOUNTS).resolve(id))) {
                throw m.get(COLLECTED).error("account " + id + " is marked collected but " + OrgSnapshotFiles.ACCOUNTS
                        + "/" + id + "/ is missing");
            }
            members.add(new OrgMember(id, m.optText(NAME), m.optText(EMAIL), m.optText(STATUS), m.optText(OU_PATH),
                    collected, m.strings(WARNINGS), m.optText(SHA256)));
        }
        return new OrgSnapshotFolder(dir, maxFileBytes, org, members, index.instant(AS_OF), index.optText(SHA256));
    }

    @Override
    public Organization organization() {
        return organization;
    }

    @Override
    public List<OrgMember> members() {
        return members;
    }

    @Override
    public Instant asOf() {
        return asOf;
    }

    /** The set digest the index records ({@link OrgSnapshotWriter#setDigest}). */
    public String recordedSha256() {
        return sha256;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public String description() {
        return "organization snapshot " + dir;
    }

    @Override
    public AccountSnapshot load(String accountId) {
        collectedMember(accountId);
        AccountSnapshot s = new SnapshotReader(maxFileBytes)
                .read(dir.resolve(OrgSnapshotFiles.ACCOUNTS).resolve(accountId));
        if (!s.accountId().equals(accountId)) {
            throw new InvalidInputException(OrgSnapshotFiles.ACCOUNTS + "/" + accountId + "/ in " + dir
                    + " holds account " + s.accountId());
        }
        return OrgSnapshots.withOrganization(s, organization);
    }

    /** Index keys, shared with the writer so a field is named once. */
    static final class Keys {
        private Keys() {}

        static final String ROOT = OrgSnapshotFolder.ROOT, VERSION = OrgSnapshotFolder.VERSION,
                AS_OF = OrgSnapshotFolder.AS_OF, ACCOUNTS = OrgSnapshotFolder.ACCOUNTS, ID = OrgSnapshotFolder.ID,
                NAME = OrgSnapshotFolder.NAME, EMAIL = OrgSnapshotFolder.EMAIL, STATUS = OrgSnapshotFolder.STATUS,
                OU_PATH = OrgSnapshotFolder.OU_PATH, COLLECTED = OrgSnapshotFolder.COLLECTED,
                WARNINGS = OrgSnapshotFolder.WARNINGS, SHA256 = OrgSnapshotFolder.SHA256;
    }
}
