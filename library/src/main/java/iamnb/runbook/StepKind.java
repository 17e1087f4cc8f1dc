package iamnb.runbook;

/** Who carries out a {@link Step}, and whether {@link Plan#apply} runs it. */
public enum StepKind {
    /** An API call in this account that {@link Plan#apply} makes. */
    EXECUTABLE("runs on apply()"),
    /**
     * Something a person does: hand over a key, or an API call in another account. {@code apply()} never does
     * it; when executable steps follow, {@code apply()} stops here and {@link ApplyReport#resume} continues.
     */
    MANUAL("manual"),
    /** Recommended afterwards (alerting, later clean-up). Listed, never executed by {@code apply()}. */
    FOLLOW_UP("follow-up");

    private final String label;

    StepKind(String label) {
        this.label = label;
    }

    /** How plans show the kind. */
    public String label() {
        return label;
    }
}
