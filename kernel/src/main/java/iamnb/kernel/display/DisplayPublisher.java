package iamnb.kernel.display;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.kernel.protocol.IopubPublisher;
import iamnb.kernel.protocol.Message;
import java.util.Objects;

/**
 * A cell's way to put rich output on iopub: display_data, update_display_data, clear_output and the
 * execute_result, all with the cell's execute_request as parent.
 *
 * <p>One per executed cell. Before each message it flushes the cell's buffered stdout/stderr
 * ({@code flushStreams}) so text and displays appear in the order they were produced. A silent cell
 * publishes nothing. User code reaches the publisher of the cell it runs in through {@link Notebook}.
 */
public final class DisplayPublisher {
    private final IopubPublisher iopub;
    private final Message parent;
    private final boolean silent;
    private final Displayer displayer;
    private final ObjectMapper json;
    private final Runnable flushStreams;

    public DisplayPublisher(IopubPublisher iopub, Message parent, boolean silent, Displayer displayer,
            ObjectMapper json, Runnable flushStreams) {
        this.iopub = iopub;
        this.parent = parent;
        this.silent = silent;
        this.displayer = displayer;
        this.json = json;
        this.flushStreams = flushStreams;
    }

    public Displayer displayer() {
        return displayer;
    }

    /** Renders and shows {@code value} now. */
    public void display(Object value) {
        display(displayer.render(value), null);
    }

    /** Shows a bundle; with a non-null {@code displayId} it can later be replaced by {@link #update}. */
    public void display(MimeBundle bundle, String displayId) {
        publish("display_data", content(bundle, displayId));
    }

    /** Replaces every output shown earlier with {@code displayId}. */
    public void update(String displayId, MimeBundle bundle) {
        publish("update_display_data", content(bundle, Objects.requireNonNull(displayId, "displayId")));
    }

    /** Clears the cell's output; with {@code wait}, only when the next output arrives (no flicker). */
    public void clearOutput(boolean wait) {
        publish("clear_output", json.createObjectNode().put("wait", wait));
    }

    /** The cell's result, shown as Out[count]. */
    public void executeResult(int executionCount, MimeBundle bundle) {
        ObjectNode content = content(bundle, null);
        content.put("execution_count", executionCount);
        publish("execute_result", content);
    }

    private ObjectNode content(MimeBundle bundle, String displayId) {
        ObjectNode content = json.createObjectNode();
        content.set("data", json.valueToTree(bundle.data()));
        content.set("metadata", json.valueToTree(bundle.metadata()));
        if (displayId != null) {
            content.putObject("transient").put("display_id", displayId);
        }
        return content;
    }

    private void publish(String msgType, ObjectNode content) {
        if (silent) {
            return;
        }
        flushStreams.run();
        iopub.publish(parent, msgType, content);
    }
}
