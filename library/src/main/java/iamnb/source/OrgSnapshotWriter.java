package iamnb.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.InvalidInputException;
import iamnb.SourceUnavailableException;
import iamnb.model.AccountSnapshot;
import iamnb.model.OrgMember;
import iamnb.model.Organization;
import iamnb.source.OrgSnapshotFolder.Keys;
import iamnb.source.codec.SnapshotCodecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes an organization snapshot folder ({@link OrgSnapshotFiles}). A whole set is written from an {@link
 * OrgSource} one member at a time ({@link #write}); a collection in progress writes each member as it arrives
 * ({@link #writeMember}) and rewrites the index after each ({@link #writeIndex}), so a run stopped half-way keeps
 * what it fetched and a second run fetches only the rest.
 *
 * <p>Member folders are ordinary snapshot folders without {@code organization/}: the set keeps one copy of it.
 */
public final class OrgSnapshotWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Writes every member of {@code source} to {@code dir}, loading one member at a time.
     *
     * @return the digest of the set ({@link #setDigest})
     */
    public String write(OrgSource source, Path dir) {
        prepare(dir);
        writeOrganization(source.organization(), dir);
        List<OrgMember> written = new ArrayList<>();
        for (OrgMember m : source.members()) {
            if (m.collected()) {
                AccountSnapshot s = source.load(m.accountId());
                written.add(m.collected(writeMember(s, dir), m.warnings()));
            } else {
                written.add(m);
            }
        }
        return writeIndex(dir, source.organization(), written, source.asOf());
    }

    /**
     * Makes {@code dir} ready: a new or empty folder, or an organization snapshot (kept, so a collection can resume).
     *
     * @throws InvalidInputException when {@code dir} is a file or a non-empty folder of something else
     */
    public static void prepare(Path dir) {
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                return;
            }
            if (!Files.isDirectory(dir)) {
                throw new InvalidInputException(dir + " is a file; an organization snapshot needs a folder");
            }
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve(OrgSnapshotFiles.INDEX))) {
                throw new InvalidInputException(dir + " is not empty and is not an organization snapshot (no "
                        + OrgSnapshotFiles.INDEX + "); choose an empty or new folder");
            }
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code dir/organization/} with the organization's files. */
    public static void writeOrganization(Organization org, Path dir) {
        Path target = dir.resolve(OrgSnapshotFiles.ORGANIZATION);
        try {
            SnapshotWriter.deleteRecursively(target);
            for (Map.Entry<String, byte[]> e : SnapshotCodecs.renderOrganization(org).entrySet()) {
                Path file = dir.resolve(e.getKey()).normalize();
                if (!file.startsWith(target)) {
                    throw new InvalidInputException("organization file " + e.getKey() + " would leave " + target);
                }
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes one member's folder, {@code dir/accounts/ID/}, replacing an older one, without the organization.
     *
     * @return the digest of the member's folder
     */
    public static String writeMember(AccountSnapshot snapshot, Path dir) {
        Path target = dir.resolve(OrgSnapshotFiles.ACCOUNTS).resolve(snapshot.accountId());
        try {
            SnapshotWriter.deleteRecursively(target);
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot replace " + target + ": " + e.getMessage(), e);
        }
        return new SnapshotWriter().write(OrgSnapshots.withoutOrganization(snapshot), target);
    }

    /**
     * Writes the index atomically (a new file moved over the old one), so a reader never sees half an index.
     *
     * @return the set digest written into it
     */
    public static String writeIndex(Path dir, Organization org, List<OrgMember> members, Instant asOf) {
        List<OrgMember> sorted = members.stream().sorted(Comparator.comparing(OrgMember::accountId)).toList();
        String digest = setDigest(org, sorted);
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode index = root.putObject(Keys.ROOT);
        index.put(Keys.VERSION, OrgSnapshotFiles.FORMAT_VERSION);
        index.put(Keys.AS_OF, asOf.toString());
        index.put(Keys.SHA256, digest);
        ArrayNode list = index.putArray(Keys.ACCOUNTS);
        for (OrgMember m : sorted) {
            ObjectNode n = list.addObject();
            n.put(Keys.ID, m.accountId()).put(Keys.NAME, m.name()).put(Keys.EMAIL, m.email())
                    .put(Keys.STATUS, m.status()).put(Keys.OU_PATH, m.ouPath()).put(Keys.COLLECTED, m.collected());
            ArrayNode w = n.putArray(Keys.WARNINGS);
            m.warnings().forEach(w::add);
            n.put(Keys.SHA256, m.sha256());
        }
        Path target = dir.resolve(OrgSnapshotFiles.INDEX);
        Path tmp = dir.resolve(OrgSnapshotFiles.INDEX + ".tmp");
        try {
            Files.write(tmp, (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return digest;
    }

    /**
     * SHA-256 (hex) of the set: the organization's canonical files, then each member's id, whether it was
     * collected and its folder's digest, in account id order. Two sets with the same digest hold the same data.
     */
    public static String setDigest(Organization org, List<OrgMember> members) {
        SortedMap<String, byte[]> files = new TreeMap<>(SnapshotCodecs.renderOrganization(org));
        for (OrgMember m : members) {
            files.put(OrgSnapshotFiles.ACCOUNTS + "/" + m.accountId(),
                    ((m.collected() ? "collected " : "not collected ") + m.sha256()).getBytes(StandardCharsets.UTF_8));
        }
        return SnapshotWriter.digest(files);
    }
}
