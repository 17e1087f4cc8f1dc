package iamnb;

/** An account source could not be reached or refused us (network, credentials, permissions). */
public class SourceUnavailableException extends IamnbException {
    private static final long serialVersionUID = 1L;

    public SourceUnavailableException(String message) {
        super(message);
    }

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
