package iamnb.audit;

/**
 * How urgent a finding is, most urgent first. The order of the constants is the sort order of every findings
 * table, so that a notebook shows the same rows in the same order on every run.
 */
public enum Severity {
    /** Exploitable now or account-wide: anyone may assume a role, root keys, an admin grant nobody intended. */
    CRITICAL("#b71c1c"),
    /** A principal can do (or become) far more than it should, or a credential control is missing. */
    HIGH("#e65100"),
    /** Hygiene that widens the attack surface: stale keys, unused principals, missing trust conditions. */
    MEDIUM("#f9a825"),
    /** Worth tidying; limited impact on its own (or a risk already capped by another layer). */
    LOW("#1565c0"),
    /** For the record: nothing to fix. */
    INFO("#616161");

    private final String colour;

    Severity(String colour) {
        this.colour = colour;
    }

    /** The colour the HTML rendering uses for this severity. */
    public String colour() {
        return colour;
    }

    /** "critical", "high", ... as written in captions. */
    public String lowerCase() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when this severity is at least as urgent as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
