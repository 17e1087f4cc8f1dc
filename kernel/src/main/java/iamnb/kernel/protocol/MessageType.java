package iamnb.kernel.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every message type this kernel reads or writes: its wire name (the constant in lowercase), the channel the
 * messaging spec puts it on, the record of its content, and for a request the type of its reply.
 *
 * <p>Replies are listed before their requests because a constant can only name one declared above it.
 * kernel_info_request and shutdown_request are answered on both shell and control (older clients send
 * shutdown on shell); their channel here is the one the spec names.
 */
public enum MessageType {
    // shell
    EXECUTE_REPLY(Channel.SHELL, Content.ExecuteReply.class, null),
    EXECUTE_REQUEST(Channel.SHELL, Content.ExecuteRequest.class, EXECUTE_REPLY),
    COMPLETE_REPLY(Channel.SHELL, Content.CompleteReply.class, null),
    COMPLETE_REQUEST(Channel.SHELL, Content.CompleteRequest.class, COMPLETE_REPLY),
    INSPECT_REPLY(Channel.SHELL, Content.InspectReply.class, null),
    INSPECT_REQUEST(Channel.SHELL, Content.InspectRequest.class, INSPECT_REPLY),
    IS_COMPLETE_REPLY(Channel.SHELL, Content.IsCompleteReply.class, null),
    IS_COMPLETE_REQUEST(Channel.SHELL, Content.IsCompleteRequest.class, IS_COMPLETE_REPLY),
    HISTORY_REPLY(Channel.SHELL, Content.HistoryReply.class, null),
    HISTORY_REQUEST(Channel.SHELL, Content.HistoryRequest.class, HISTORY_REPLY),
    COMM_INFO_REPLY(Channel.SHELL, Content.CommInfoReply.class, null),
    COMM_INFO_REQUEST(Channel.SHELL, Content.CommInfoRequest.class, COMM_INFO_REPLY),
    KERNEL_INFO_REPLY(Channel.SHELL, Content.KernelInfoReply.class, null),
    KERNEL_INFO_REQUEST(Channel.SHELL, Content.KernelInfoRequest.class, KERNEL_INFO_REPLY),
    /** Comm messages go both ways: on shell from the front end, on iopub from the kernel. */
    COMM_OPEN(Channel.SHELL, Content.CommOpen.class, null),
    COMM_MSG(Channel.SHELL, Content.CommMsg.class, null),
    COMM_CLOSE(Channel.SHELL, Content.CommClose.class, null),
    // control
    SHUTDOWN_REPLY(Channel.CONTROL, Content.ShutdownReply.class, null),
    SHUTDOWN_REQUEST(Channel.CONTROL, Content.ShutdownRequest.class, SHUTDOWN_REPLY),
    INTERRUPT_REPLY(Channel.CONTROL, Content.InterruptReply.class, null),
    INTERRUPT_REQUEST(Channel.CONTROL, Content.InterruptRequest.class, INTERRUPT_REPLY),
    // iopub
    STATUS(Channel.IOPUB, Content.Status.class, null),
    STREAM(Channel.IOPUB, Content.Stream.class, null),
    EXECUTE_INPUT(Channel.IOPUB, Content.ExecuteInput.class, null),
    EXECUTE_RESULT(Channel.IOPUB, Content.ExecuteResult.class, null),
    DISPLAY_DATA(Channel.IOPUB, Content.DisplayData.class, null),
    UPDATE_DISPLAY_DATA(Channel.IOPUB, Content.UpdateDisplayData.class, null),
    CLEAR_OUTPUT(Channel.IOPUB, Content.ClearOutput.class, null),
    ERROR(Channel.IOPUB, Content.Error.class, null),
    IOPUB_WELCOME(Channel.IOPUB, Content.IopubWelcome.class, null),
    // stdin
    INPUT_REPLY(Channel.STDIN, Content.InputReply.class, null),
    INPUT_REQUEST(Channel.STDIN, Content.InputRequest.class, INPUT_REPLY);

    /** The five sockets; heartbeat carries no messages. */
    public enum Channel { SHELL, CONTROL, IOPUB, STDIN }

    private static final Map<String, MessageType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MessageType::wireName, Function.identity()));
    private static final Map<Class<? extends Content>, MessageType> BY_CONTENT = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MessageType::contentClass, Function.identity()));

    private final Channel channel;
    private final Class<? extends Content> contentClass;
    private final MessageType reply;
    private final String wireName;

    MessageType(Channel channel, Class<? extends Content> contentClass, MessageType reply) {
        this.channel = channel;
        this.contentClass = contentClass;
        this.reply = reply;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    /** The type as it appears in {@code header.msg_type}. */
    public String wireName() {
        return wireName;
    }

    public Channel channel() {
        return channel;
    }

    public Class<? extends Content> contentClass() {
        return contentClass;
    }

    /** The reply this request is answered with; empty for replies, broadcasts and comm messages. */
    public Optional<MessageType> reply() {
        return Optional.ofNullable(reply);
    }

    /** The type named {@code msgType} on the wire; empty for a type this kernel does not know. */
    public static Optional<MessageType> fromWire(String msgType) {
        return Optional.ofNullable(BY_WIRE_NAME.get(msgType));
    }

    /** The type whose content {@code content} is ({@link Content.ErrorReply} belongs to every reply, so none). */
    public static MessageType of(Content content) {
        MessageType type = BY_CONTENT.get(content.getClass());
        if (type == null) {
            throw new IllegalArgumentException(content.getClass().getSimpleName()
                    + " is the content of no single message type; send it with an explicit reply type");
        }
        return type;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
