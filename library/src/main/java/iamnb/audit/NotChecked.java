package iamnb.audit;

import java.util.Objects;

/**
 * A check an audit could not run because the snapshot does not hold the data it needs. It is no finding and has
 * no severity: nothing is known to be wrong, and nothing is known to be right. The reason names the file (or
 * the call) that would let the check run, e.g. "unknown — add credential-report.csv".
 *
 * @param check the check id that did not run, e.g. {@code MFA-ROOT}
 * @param subject what it would have been about ({@code account}, {@code users}, a role name, ...)
 * @param reason why it did not run and what to add, one sentence
 */
public record NotChecked(String check, String subject, String reason) {
    public NotChecked {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
    }

    /** "MFA-ROOT (account): unknown — add credential-report.csv". */
    @Override
    public String toString() {
        return check + " (" + subject + "): " + reason;
    }
}
