package iamnb.kernel.protocol;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The one table from message type to handler for a channel (shell or control). */
public record HandlerTable(String channel, Map<String, Handler> handlers) {

    public HandlerTable {
        handlers = Map.copyOf(handlers);
    }

    public Optional<Handler> find(String msgType) {
        return Optional.ofNullable(handlers.get(msgType));
    }

    @Override
    public String toString() {
        return channel + " " + new TreeSet<>(handlers.keySet());
    }
}
