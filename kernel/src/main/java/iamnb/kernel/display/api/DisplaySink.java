package iamnb.kernel.display.api;

import java.util.Set;

/**
 * Where {@link Notebook}'s calls go: the kernel's display publisher for the running cell.
 * Kernel-facing; cells use {@link Notebook}'s static methods.
 */
public interface DisplaySink {

    /** Shows a value as display_data and returns its display id. */
    String display(Object value, Set<String> mimeTypes);

    /** Replaces, wherever it is shown, the output displayed under {@code displayId}. */
    void update(String displayId, Object value, Set<String> mimeTypes);

    /** clear_output; with {@code wait} the front end clears when the next output arrives. */
    void clearOutput(boolean wait);

    /** True when progress should be drawn as text on stderr (a console) instead of an HTML bar. */
    boolean textProgress();

    /** A sink for code running outside a kernel (tests, plain JShell): prints text/plain. */
    DisplaySink CONSOLE = new DisplaySink() {
        @Override
        public String display(Object value, Set<String> mimeTypes) {
            System.out.println(value);
            return "console-" + Integer.toHexString(System.identityHashCode(value));
        }

        @Override
        public void update(String displayId, Object value, Set<String> mimeTypes) {
            System.out.println(value);
        }

        @Override
        public void clearOutput(boolean wait) {
        }

        @Override
        public boolean textProgress() {
            return true;
        }
    };
}
