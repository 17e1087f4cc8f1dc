package iamnb.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every user's access keys from whichever source the snapshot holds: the key metadata ({@code access-keys.json},
 * with ids) when it lists the user's keys, otherwise the two key slots of the credential report, which name no
 * id but carry each key's state, rotation date and last use. Audits, tables and charts read keys from here, so
 * a folder with only {@code gaad.json} and {@code credential-report.csv} sees the same keys as a full one.
 */
public final class UserKeys {
    private UserKeys() {}

    /**
     * One access key of a user.
     *
     * @param userName the owner
     * @param slot the credential report slot (1 or 2), or 0 when the key metadata does not match a slot
     * @param accessKeyId the key id, when the key metadata was collected
     * @param status Active or Inactive (inactive keys keep their dates in the report), or Expired
     * @param created when the key was created (the report's {@code access_key_N_last_rotated})
     * @param lastUsed the last use, empty when never used
     */
    public record Key(String userName, int slot, Optional<String> accessKeyId, AccessKey.Status status, Instant created,
                      Optional<AccessKey.KeyLastUsed> lastUsed) {
        public Key {
            Checks.notBlank(userName, "user name");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(lastUsed, "lastUsed");
        }

        /** The key id, or "key 1" / "key 2" (its credential report slot) when the id is unknown. */
        public String label() {
            return accessKeyId.orElse("key " + slot);
        }

        public boolean active() {
            return status == AccessKey.Status.ACTIVE;
        }

        /** True when the key is known only from the credential report. */
        public boolean fromReport() {
            return accessKeyId.isEmpty();
        }
    }

    /** Every user's keys, in user order, then as listed (metadata) or by slot (report). */
    public static List<Key> of(AccountSnapshot s) {
        List<Key> out = new ArrayList<>();
        for (User u : s.users()) {
            out.addAll(of(s, u));
        }
        return List.copyOf(out);
    }

    /** One user's keys: from the key metadata when it lists any, else from the user's credential report row. */
    public static List<Key> of(AccountSnapshot s, User u) {
        Optional<CredentialReportRow> row = s.credentialReport().flatMap(r -> r.row(u.name()));
        if (!u.accessKeys().isEmpty()) {
            return u.accessKeys().stream().map(k -> new Key(u.name(), row.map(r -> slotOf(r, k)).orElse(0),
                    Optional.of(k.accessKeyId()), k.status(), k.created(), k.lastUsed())).toList();
        }
        return row.map(UserKeys::fromReport).orElse(List.of());
    }

    /** The keys of a credential report row: a slot holds a key when its last-rotated cell is a date. */
    public static List<Key> fromReport(CredentialReportRow row) {
        List<Key> out = new ArrayList<>();
        for (int slot = 1; slot <= 2; slot++) {
            String p = "access_key_" + slot + "_";
            Optional<Instant> rotated = instant(row.get(p + "last_rotated"));
            if (rotated.isEmpty()) {
                continue;
            }
            Optional<AccessKey.KeyLastUsed> used = instant(row.get(p + "last_used_date")).map(d -> new AccessKey.KeyLastUsed(d,
                    notApplicableToEmpty(row.get(p + "last_used_service")), notApplicableToEmpty(row.get(p + "last_used_region"))));
            out.add(new Key(row.user(), slot, Optional.empty(), "true".equalsIgnoreCase(row.get(p + "active"))
                    ? AccessKey.Status.ACTIVE : AccessKey.Status.INACTIVE,
                    rotated.get(), used));
        }
        return out;
    }

    /**
     * A credential report time cell as an instant; empty for IAM's special values ({@code N/A},
     * {@code no_information}, {@code not_supported}). Accepts {@code 2026-01-02T03:04:05+00:00} (what IAM writes)
     * and {@code 2026-01-02T03:04:05Z}.
     */
    public static Optional<Instant> instant(String cell) {
        if (cell == null || cell.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(cell.trim()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(cell.trim()));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /** The slot whose last-rotated date is the key's creation (to the second), or 0. */
    private static int slotOf(CredentialReportRow row, AccessKey k) {
        for (int slot = 1; slot <= 2; slot++) {
            Optional<Instant> rotated = instant(row.get("access_key_" + slot + "_last_rotated"));
            if (rotated.isPresent() && rotated.get().truncatedTo(ChronoUnit.SECONDS)
                    .equals(k.created().truncatedTo(ChronoUnit.SECONDS))) {
                return slot;
            }
        }
        return 0;
    }

    private static String notApplicableToEmpty(String v) {
        return v == null || v.equals("N/A") ? "" : v;
    }
}
