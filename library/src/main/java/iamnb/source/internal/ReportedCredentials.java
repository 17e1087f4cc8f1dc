package iamnb.source.internal;

import iamnb.model.AccessKey;
import iamnb.model.CredentialReportRow;
import iamnb.model.LoginProfile;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What a user's credential report row already says, so that the live source need not ask IAM per user: whether
 * there is a key in a slot and its last use, whether MFA is active, and the console password's login profile.
 */
public final class ReportedCredentials {
    private ReportedCredentials() {}

    /** A key exists in slot 1 or 2 (IAM writes {@code N/A} as the rotation date of an empty slot). */
    public static boolean hasKey(CredentialReportRow row) {
        return Times.parse(row.get("access_key_1_last_rotated")).isPresent()
                || Times.parse(row.get("access_key_2_last_rotated")).isPresent();
    }

    public static boolean mfaActive(CredentialReportRow row) {
        return "true".equalsIgnoreCase(row.get("mfa_active"));
    }

    /**
     * The login profile the report implies: present when {@code password_enabled}, created when the password was
     * last changed (else when the user was). The report does not carry PasswordResetRequired: it reads false.
     */
    public static Optional<LoginProfile> loginProfile(CredentialReportRow row, Instant userCreated) {
        if (!"true".equalsIgnoreCase(row.get("password_enabled"))) {
            return Optional.empty();
        }
        return Optional.of(new LoginProfile(Times.parse(row.get("password_last_changed")).orElse(userCreated), false));
    }

    /**
     * The last use of a key, from the one slot whose rotation date is the key's creation instant and whose
     * active flag is the key's status. The outer optional is empty when no slot, or both, match (two keys created
     * in the same second): then only GetAccessKeyLastUsed can tell. The inner one is empty for a key never used.
     */
    public static Optional<Optional<AccessKey.KeyLastUsed>> lastUse(CredentialReportRow row, Instant keyCreated,
                                                                    boolean keyActive) {
        Instant created = keyCreated.truncatedTo(ChronoUnit.SECONDS);
        Optional<Optional<AccessKey.KeyLastUsed>> found = Optional.empty();
        for (int slot = 1; slot <= 2; slot++) {
            String p = "access_key_" + slot + "_";
            Optional<Instant> rotated = Times.parse(row.get(p + "last_rotated"));
            boolean active = "true".equalsIgnoreCase(row.get(p + "active"));
            if (rotated.isPresent() && rotated.get().truncatedTo(ChronoUnit.SECONDS).equals(created) && active == keyActive) {
                if (found.isPresent()) {
                    return Optional.empty();
                }
                found = Optional.of(Times.parse(row.get(p + "last_used_date")).map(date -> new AccessKey.KeyLastUsed(date,
                        row.get(p + "last_used_service"), row.get(p + "last_used_region"))));
            }
        }
        return found;
    }
}
