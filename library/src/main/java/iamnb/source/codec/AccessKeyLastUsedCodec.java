package iamnb.source.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.model.AccessKey;
import iamnb.model.AccountSnapshot;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.JsonAt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code access-key-last-used.json}: an object keyed by access key id, each value the output of {@code aws iam
 * get-access-key-last-used} (which does not repeat the id), or the folder {@code access-key-last-used/ID.json}.
 * {@code ServiceName} and {@code Region} {@code N/A} without a date mean the key was never used.
 */
final class AccessKeyLastUsedCodec extends FileCodec {
    private static final String USER_NAME = "UserName", LAST_USED = "AccessKeyLastUsed", DATE = "LastUsedDate",
            SERVICE = "ServiceName", REGION = "Region", NEVER = "N/A";

    AccessKeyLastUsedCodec() {
        super(SnapshotFiles.ACCESS_KEY_LAST_USED, SnapshotFiles.ACCESS_KEY_LAST_USED_DIR);
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        Map<String, AccessKey.KeyLastUsed> lastUsed = new HashMap<>();
        folder.json(SnapshotFiles.ACCESS_KEY_LAST_USED).ifPresent(m -> m.fields().forEach((id, doc) -> put(lastUsed, id, doc)));
        for (SnapshotFolder.Named f : folder.jsonFiles(SnapshotFiles.ACCESS_KEY_LAST_USED_DIR)) {
            put(lastUsed, f.name(), f.json());
        }
        parts.keyLastUsed = lastUsed;
    }

    private static void put(Map<String, AccessKey.KeyLastUsed> into, String keyId, JsonAt doc) {
        JsonAt last = doc.get(LAST_USED);
        if (last.isMissing() || !last.has(DATE)) {
            into.remove(keyId);
            return;
        }
        into.put(keyId, new AccessKey.KeyLastUsed(last.instant(DATE), last.optText(SERVICE), last.optText(REGION)));
    }

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        List<AccessKey> keys = s.users().stream().flatMap(u -> u.accessKeys().stream()).toList();
        if (keys.isEmpty()) {
            return;
        }
        ObjectNode o = Json.object();
        for (AccessKey k : keys) {
            ObjectNode n = o.putObject(k.accessKeyId()).put(USER_NAME, k.userName());
            ObjectNode last = n.putObject(LAST_USED);
            if (k.lastUsed().isPresent()) {
                Json.putTime(last, DATE, k.lastUsed().get().date());
                last.put(SERVICE, k.lastUsed().get().service()).put(REGION, k.lastUsed().get().region());
            } else {
                last.put(SERVICE, NEVER).put(REGION, NEVER);
            }
        }
        out.json(SnapshotFiles.ACCESS_KEY_LAST_USED, o);
    }
}
