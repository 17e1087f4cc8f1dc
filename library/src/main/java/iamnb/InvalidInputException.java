package iamnb;

/**
 * Input the library cannot accept: a malformed policy document, snapshot file or request.
 * The message names the place (file, line, JSON path) and the problem.
 */
public class InvalidInputException extends IamnbException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
