package iamnb.kernel.display;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import iamnb.kernel.protocol.Content;
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
        publish(new Content.DisplayData(data(bundle), metadata(bundle), transientId(displayId)));
    }

    /** Replaces every output shown earlier with {@code displayId}. */
    public void update(String displayId, MimeBundle bundle) {
        publish(new Content.UpdateDisplayData(data(bundle), metadata(bundle),
                transientId(Objects.requireNonNull(displayId, "displayId"))));
    }

    /** Clears the cell's output; with {@code wait}, only when the next output arrives (no flicker). */
    public void clearOutput(boolean wait) {
        publish(new Content.ClearOutput(wait));
    }

    /** The cell's result, shown as Out[count]. */
    public void executeResult(int executionCount, MimeBundle bundle) {
        publish(new Content.ExecuteResult(executionCount, data(bundle), metadata(bundle)));
    }

    /** The bundle as JSON by the display's own mapper: user data never meets the protocol's naming rules. */
    private JsonNode data(MimeBundle bundle) {
        return json.valueToTree(bundle.data());
    }

    private JsonNode metadata(MimeBundle bundle) {
        return json.valueToTree(bundle.metadata());
    }

    private static Content.DisplayId transientId(String displayId) {
        return displayId == null ? null : new Content.DisplayId(displayId);
    }

    private void publish(Content content) {
        if (silent) {
            return;
        }
        flushStreams.run();
        iopub.publish(parent, content);
    }
}
