package iamnb.kernel.protocol;

/** A problem with the Jupyter wire protocol or its configuration; unchecked, message names the cause. */
public class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
