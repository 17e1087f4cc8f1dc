package iamnb.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * IAM's credential report as generated: one row per user plus the root account.
 *
 * @param generated when IAM generated it, when known
 * @param rows the rows in report order
 */
public record CredentialReport(Optional<Instant> generated, List<CredentialReportRow> rows) {
    public CredentialReport {
        Objects.requireNonNull(generated, "generated");
        rows = List.copyOf(rows);
    }

    public Optional<CredentialReportRow> row(String user) {
        return rows.stream().filter(r -> r.user().equals(user)).findFirst();
    }
}
