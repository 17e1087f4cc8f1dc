package iamnb.kernel.display;

/** A value could not be rendered; the registry reports it and falls back to text/plain. */
public final class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
