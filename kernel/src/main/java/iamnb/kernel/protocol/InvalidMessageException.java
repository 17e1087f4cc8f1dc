package iamnb.kernel.protocol;

/** An incoming message that must not be acted on: malformed frames, bad JSON, or a bad/missing signature. */
public class InvalidMessageException extends ProtocolException {
    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
