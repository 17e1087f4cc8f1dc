package iamnb.kernel.magics;

/** A magic was misused or failed in a way the user can fix; the message says how. */
public class MagicException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MagicException(String message) {
        super(message);
    }

    public MagicException(String message, Throwable cause) {
        super(message, cause);
    }
}
