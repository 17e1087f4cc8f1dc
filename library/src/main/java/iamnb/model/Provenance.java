package iamnb.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an account came from, so a reviewer can tell two investigations ran on the same data.
 *
 * @param source {@code demo}, {@code snapshot DIR}, {@code live profile NAME}, ...
 * @param sha256 hex SHA-256 of the account's canonical saved form (equal snapshots, equal digests)
 * @param asOf the instant the account describes
 */
public record Provenance(String source, String sha256, Instant asOf) {
    public Provenance {
        Checks.notBlank(source, "provenance source");
        Checks.notBlank(sha256, "provenance digest");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** One line for a notebook: {@code demo · 2026-11-01T00:00:00Z · sha256 3f2a…}. */
    public String line() {
        return source + " · as of " + asOf + " · sha256 " + sha256.substring(0, Math.min(12, sha256.length()));
    }

    @Override
    public String toString() {
        return line();
    }
}
