package iamnb.runbook;

import java.time.Clock;
import java.util.Objects;

/**
 * How {@link Plan#apply(software.amazon.awssdk.services.iam.IamClient, java.util.function.Consumer)} runs a plan.
 *
 * @param dryRun when true, no write is made: read-only check steps still run (they change nothing and tell
 *               whether the plan's assumptions hold), every write is reported as "would run"
 * @param startAt the 1-based step to start from (to continue after a manual step or retry a failed one)
 * @param clock the clock checks compare dates with (key last use against a grace period)
 */
public record ApplyOptions(boolean dryRun, int startAt, Clock clock) {

    public ApplyOptions {
        if (startAt < 1) {
            throw new IllegalArgumentException("startAt is a 1-based step number, got " + startAt);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** Apply every step from the first, for real, on the system clock. */
    public static ApplyOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().dryRun(dryRun).startAt(startAt).clock(clock);
    }

    /** Builds {@link ApplyOptions}; defaults: not a dry run, from step 1, system UTC clock. */
    public static final class Builder {
        private boolean dryRun;
        private int startAt = 1;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        public Builder dryRun(boolean v) { this.dryRun = v; return this; }
        public Builder startAt(int stepNumber) { this.startAt = stepNumber; return this; }
        public Builder clock(Clock v) { this.clock = v; return this; }

        public ApplyOptions build() {
            return new ApplyOptions(dryRun, startAt, clock);
        }
    }
}
