package iamnb.kernel.protocol;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The one table from message type to handler for a channel (shell or control). */
public record HandlerTable(MessageType.Channel channel, Map<MessageType, Handler> handlers) {

    public HandlerTable {
        handlers = Map.copyOf(handlers);
    }

    public Optional<Handler> find(MessageType type) {
        return Optional.ofNullable(handlers.get(type));
    }

    /** The channel's name as logs and error replies show it. */
    public String name() {
        return channel.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        TreeSet<String> types = new TreeSet<>();
        handlers.keySet().forEach(t -> types.add(t.wireName()));
        return name() + " " + types;
    }
}
