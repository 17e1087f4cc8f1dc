package iamnb.kernel.protocol;

/**
 * An incoming request, its content bound to the type's record, and the channel it arrived on, so the handler
 * can reply. Remembers whether a reply was sent, so the channel can answer for a handler that failed first.
 */
public final class Request {
    private final Message message;
    private final MessageType type;
    private final Content content;
    private final ChannelServer channel;
    private volatile boolean answered;

    Request(Message message, MessageType type, Content content, ChannelServer channel) {
        this.message = message;
        this.type = type;
        this.content = content;
        this.channel = channel;
    }

    public Message message() {
        return message;
    }

    public MessageType type() {
        return type;
    }

    /** The content as the record {@code recordClass} (the record of this request's type). */
    public <T extends Content> T content(Class<T> recordClass) {
        return recordClass.cast(content);
    }

    public ChannelServer channel() {
        return channel;
    }

    /** Sends {@code content} as this request's reply; its type follows from the record. */
    public void reply(Content content) {
        send(MessageType.of(content), content);
    }

    /** Sends this request's reply type with status error, {@code ename} and {@code evalue}. */
    public void fail(String ename, String evalue) {
        MessageType replyType = type.reply().orElseThrow(() -> new IllegalStateException(
                type + " has no reply type; cannot answer it with an error"));
        send(replyType, Content.ErrorReply.of(ename, evalue));
    }

    boolean answered() {
        return answered;
    }

    private void send(MessageType replyType, Content content) {
        channel.send(channel.session().reply(message, replyType, channel.codec().toJson(content)));
        answered = true;
    }
}
