package iamnb.kernel.display;

/** The mime types our renderers produce, as front ends spell them. */
public final class MimeTypes {
    private MimeTypes() {}

    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String MARKDOWN = "text/markdown";
    public static final String JSON = "application/json";
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
}
