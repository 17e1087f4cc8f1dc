package iamnb.source.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.model.AccountSnapshot;
import iamnb.model.LoginProfile;
import iamnb.model.User;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.JsonAt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code login-profiles.json}: a JSON list of {@code aws iam get-login-profile} outputs (or one), or the folder
 * {@code login-profiles/U.json}. Only that a console password exists, and its dates: never the password.
 */
final class LoginProfilesCodec extends FileCodec {
    private static final String PROFILE = "LoginProfile", USER_NAME = "UserName", CREATED = "CreateDate",
            RESET_REQUIRED = "PasswordResetRequired";

    LoginProfilesCodec() {
        super(SnapshotFiles.LOGIN_PROFILES, SnapshotFiles.LOGIN_PROFILES_DIR);
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        Map<String, LoginProfile> profiles = new HashMap<>();
        for (JsonAt file : folder.jsonFileAndFolder(SnapshotFiles.LOGIN_PROFILES, SnapshotFiles.LOGIN_PROFILES_DIR)) {
            for (JsonAt doc : file.node().isArray() ? file.elements() : List.of(file)) {
                JsonAt p = doc.get(PROFILE);
                if (p.isMissing()) {
                    throw doc.error("expected the output of `aws iam get-login-profile`, {\"LoginProfile\": {...}}");
                }
                profiles.put(p.text(USER_NAME), new LoginProfile(p.instant(CREATED), p.bool(RESET_REQUIRED, false)));
            }
        }
        parts.loginProfiles = profiles;
    }

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        if (s.users().stream().noneMatch(u -> u.loginProfile().isPresent())) {
            return;
        }
        ArrayNode list = Json.array();
        for (User u : s.users()) {
            u.loginProfile().ifPresent(p -> {
                ObjectNode n = list.addObject().putObject(PROFILE).put(USER_NAME, u.name());
                Json.putTime(n, CREATED, p.created());
                n.put(RESET_REQUIRED, p.passwordResetRequired());
            });
        }
        out.json(SnapshotFiles.LOGIN_PROFILES, list);
    }
}
