package iamnb.source.internal;

import iamnb.SourceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition by asking at a fixed interval until a deadline: the one place the library sleeps.
 * Like the SDK's waiters, it reports how many attempts it took.
 */
public final class Poll {
    private final Duration interval;
    private final Duration timeout;
    private final Clock clock;

    public Poll(Duration interval, Duration timeout, Clock clock) {
        this.interval = interval;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** @return the number of attempts when {@code ready} said yes, or -1 when the timeout passed first */
    public int until(BooleanSupplier ready) {
        Instant deadline = clock.instant().plus(timeout);
        int attempts = 0;
        while (true) {
            attempts++;
            if (ready.getAsBoolean()) {
                return attempts;
            }
            if (!clock.instant().isBefore(deadline)) {
                return -1;
            }
            try {
                Thread.sleep(Math.max(1, interval.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceUnavailableException("interrupted while waiting", e);
            }
        }
    }
}
