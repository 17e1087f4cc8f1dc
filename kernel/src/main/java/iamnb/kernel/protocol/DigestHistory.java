package iamnb.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The signatures of messages already accepted, so that a signed message sent again unchanged (a replay, from the
 * same socket or another one) is refused instead of run twice, as ipykernel's {@code Session.digest_history}
 * does.
 *
 * <p>Memory is bounded: past {@code capacity} signatures the oldest are forgotten (ipykernel keeps 2^16 and
 * culls at random; oldest-first forgets only what is least likely to come back). Every genuine message has a
 * fresh header (msg_id, date), so its signature is unique and never collides with an earlier one. Thread-safe:
 * shell, control and stdin decode on their own threads.
 */
final class DigestHistory {
    /** As many signatures as ipykernel keeps: about 8 MB at most. */
    static final int DEFAULT_CAPACITY = 1 << 16;

    private final int capacity;
    private final Set<String> seen = new LinkedHashSet<>();

    DigestHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("digest history capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records {@code signature}; false when it was already there (the message is a replay). */
    synchronized boolean firstSighting(byte[] signature) {
        String digest = new String(signature, StandardCharsets.US_ASCII);
        if (!seen.add(digest)) {
            return false;
        }
        if (seen.size() > capacity) {
            Iterator<String> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    synchronized int size() {
        return seen.size();
    }
}
