package iamnb.kernel.protocol;

/** Handles one request type on one channel. Runs on that channel's thread. */
@FunctionalInterface
public interface Handler {
    void handle(Request request);
}
