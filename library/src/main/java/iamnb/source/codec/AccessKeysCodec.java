package iamnb.source.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.InvalidInputException;
import iamnb.model.AccessKey;
import iamnb.model.AccountSnapshot;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.JsonAt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code access-keys.json}: the {@code AccessKeyMetadata} of {@code aws iam list-access-keys} for every user in
 * one list (or a bare list), or the folder {@code access-keys/*.json} of per-user outputs. Metadata only: the
 * model has no field for a secret access key, so one in the input is never kept.
 */
final class AccessKeysCodec extends FileCodec {
    private static final String METADATA = "AccessKeyMetadata", USER_NAME = "UserName", KEY_ID = "AccessKeyId",
            STATUS = "Status", CREATED = "CreateDate";

    AccessKeysCodec() {
        super(SnapshotFiles.ACCESS_KEYS, SnapshotFiles.ACCESS_KEYS_DIR);
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        List<AccessKey> keys = new ArrayList<>();
        for (JsonAt file : folder.jsonFileAndFolder(SnapshotFiles.ACCESS_KEYS, SnapshotFiles.ACCESS_KEYS_DIR)) {
            for (JsonAt k : file.node().isArray() ? file.elements() : file.list(METADATA)) {
                keys.add(key(k));
            }
        }
        parts.accessKeys = keys;
    }

    private static AccessKey key(JsonAt k) {
        try {
            return new AccessKey(k.text(USER_NAME), k.text(KEY_ID), AccessKey.Status.parse(k.text(STATUS)),
                    k.instant(CREATED), Optional.empty());
        } catch (InvalidInputException e) {
            throw e.getMessage().startsWith(k.file()) ? e : k.error(e.getMessage());
        }
    }

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        List<AccessKey> keys = s.users().stream().flatMap(u -> u.accessKeys().stream()).toList();
        if (keys.isEmpty()) {
            return;
        }
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray(METADATA);
        for (AccessKey k : keys) {
            ObjectNode n = list.addObject().put(USER_NAME, k.userName()).put(KEY_ID, k.accessKeyId())
                    .put(STATUS, k.status().json());
            Json.putTime(n, CREATED, k.created());
        }
        out.json(SnapshotFiles.ACCESS_KEYS, o);
    }
}
