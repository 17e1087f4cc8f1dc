package iamnb.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's console password ({@code aws iam get-login-profile}); the password itself is never read.
 *
 * @param created when the console password was created
 * @param passwordResetRequired whether the user must change it at next sign-in
 */
public record LoginProfile(Instant created, boolean passwordResetRequired) {
    public LoginProfile {
        Objects.requireNonNull(created, "created");
    }
}
