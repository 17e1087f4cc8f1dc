package iamnb.kernel.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** An incoming request and the channel it arrived on, so the handler can reply. */
public record Request(Message message, ChannelServer channel) {

    public JsonNode content() {
        return message.content();
    }

    public String type() {
        return message.type();
    }

    public void reply(String msgType, JsonNode content) {
        channel.send(channel.session().reply(message, msgType, content));
    }
}
