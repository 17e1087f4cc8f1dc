package iamnb;

/**
 * Root of every error the library raises. Unchecked, like the AWS SDK's exceptions: a notebook cell
 * should not need try/catch to stay readable. Messages say what was wrong, where, and how to fix it.
 */
public class IamnbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IamnbException(String message) {
        super(message);
    }

    public IamnbException(String message, Throwable cause) {
        super(message, cause);
    }
}
