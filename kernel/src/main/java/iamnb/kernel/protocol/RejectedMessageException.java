package iamnb.kernel.protocol;

/**
 * A genuine (correctly signed) message that cannot be handled, yet whose header could be read: too large, or
 * with parts that are not JSON. {@code sender} is the message without its unreadable parts, so the channel can
 * answer with an error reply instead of leaving the front end waiting.
 */
public final class RejectedMessageException extends InvalidMessageException {
    private final transient Message sender;
    private final String ename;

    public RejectedMessageException(Message sender, String ename, String message, Throwable cause) {
        super(message, cause);
        this.sender = sender;
        this.ename = ename;
    }

    /** Identities and header of the refused message; its content is empty. */
    public Message sender() {
        return sender;
    }

    /** The error name for the reply, e.g. {@code MessageTooLarge}. */
    public String ename() {
        return ename;
    }
}
