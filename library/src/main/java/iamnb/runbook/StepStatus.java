package iamnb.runbook;

/** What happened to one step when a plan was applied. */
public enum StepStatus {
    /** The call was made and succeeded (for a check: the expectation held). */
    DONE("done"),
    /** The call failed, or a check did not hold; the run stopped here. */
    FAILED("FAILED"),
    /** Not reached: an earlier step failed or the run stopped at a manual step. */
    NOT_RUN("not run"),
    /** The run stopped here: a person must do this before the next steps; then {@code report.resume(iam)}. */
    WAITING_FOR_YOU("waiting for you"),
    /** A manual step at the end of the plan, for a person to do (nothing after it depends on apply()). */
    TO_DO("to do (manual)"),
    /** A follow-up, listed and never executed. */
    FOLLOW_UP("follow-up (not executed)"),
    /** Dry run: this write would be made. */
    WOULD_RUN("would run (dry run)"),
    /** Before the step the run started at. */
    SKIPPED("skipped (before start)");

    private final String label;

    StepStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
