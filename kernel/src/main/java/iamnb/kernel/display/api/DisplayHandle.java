package iamnb.kernel.display.api;

import java.util.Objects;

/**
 * A shown output that can be replaced in place: {@code var h = display(table); ...
 * h.update(newTable);} or {@code updateDisplay(h.id(), newTable)}.
 */
public final class DisplayHandle {

    private final String id;
    private final DisplaySink sink;

    DisplayHandle(String id, DisplaySink sink) {
        this.id = Objects.requireNonNull(id, "id");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    public String id() {
        return id;
    }

    public DisplayHandle update(Object value) {
        sink.update(id, value, java.util.Set.of());
        return this;
    }

    @Override
    public String toString() {
        return "DisplayHandle[" + id + "]";
    }
}
