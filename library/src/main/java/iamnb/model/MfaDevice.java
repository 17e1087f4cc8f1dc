package iamnb.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An MFA device enabled for a user ({@code aws iam list-mfa-devices}).
 *
 * @param userName the user
 * @param serialNumber the device serial: an ARN ({@code arn:aws:iam::...:mfa/NAME}) for virtual devices
 * @param enabled when the device was enabled
 */
public record MfaDevice(String userName, String serialNumber, Instant enabled) {
    public MfaDevice {
        Checks.notBlank(userName, "MFA user name");
        Checks.notBlank(serialNumber, "MFA serial number");
        Objects.requireNonNull(enabled, "enabled");
    }

    /** Virtual (and passkey) devices are named by an ARN; hardware tokens by a vendor serial. */
    public boolean isVirtual() {
        return serialNumber.startsWith("arn:");
    }
}
