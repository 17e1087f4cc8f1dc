package iamnb.kernel.protocol;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The content of every message this kernel reads or writes, one record per message type (messaging spec 5.3).
 * {@link MessageType} pairs each type with its record.
 *
 * <p>Components are camelCase here and snake_case on the wire: the {@link WireCodec}'s mapper does that
 * translation, and turns enums into lowercase strings, for every record. A {@code null} component is left out
 * of the JSON (e.g. {@code indent} of an is_complete_reply that is not incomplete). Request fields a client
 * may omit are boxed and given the spec's default in the compact constructor. User data (mime bundles) is
 * carried as {@link JsonNode}, so no naming strategy ever touches it.
 */
public sealed interface Content {

    /** The status of every reply. */
    enum ReplyStatus { OK, ERROR, ABORTED }

    // ---- shell: execute -------------------------------------------------------------------------------------

    record ExecuteRequest(String code, Boolean silent, Boolean storeHistory, Map<String, String> userExpressions,
            Boolean allowStdin, Boolean stopOnError) implements Content {
        public ExecuteRequest {
            code = code == null ? "" : code;
            silent = silent != null && silent;
            storeHistory = !silent && (storeHistory == null || storeHistory);
            userExpressions = userExpressions == null ? Map.of() : Map.copyOf(userExpressions);
            allowStdin = allowStdin == null || allowStdin;
            stopOnError = stopOnError == null || stopOnError;
        }
    }

    /**
     * ok: count, user expressions and payload; error: the error's fields too; aborted: status and count only
     * (the components that do not apply are null and so absent).
     */
    record ExecuteReply(ReplyStatus status, int executionCount, Map<String, UserExpression> userExpressions,
            List<Page> payload, String ename, String evalue, List<String> traceback) implements Content {

        public static ExecuteReply ok(int executionCount, Map<String, UserExpression> userExpressions,
                List<Page> payload) {
            return new ExecuteReply(ReplyStatus.OK, executionCount, userExpressions, payload, null, null, null);
        }

        public static ExecuteReply error(int executionCount, Error error) {
            return new ExecuteReply(ReplyStatus.ERROR, executionCount, Map.of(), List.of(), error.ename(),
                    error.evalue(), error.traceback());
        }

        public static ExecuteReply aborted(int executionCount) {
            return new ExecuteReply(ReplyStatus.ABORTED, executionCount, null, null, null, null, null);
        }
    }

    /** One user expression's value as a mime bundle, or the error evaluating it. */
    record UserExpression(ReplyStatus status, JsonNode data, JsonNode metadata, String ename, String evalue,
            List<String> traceback) {

        public static UserExpression ok(JsonNode data, JsonNode metadata) {
            return new UserExpression(ReplyStatus.OK, data, metadata, null, null, null);
        }

        public static UserExpression error(String ename, String evalue, List<String> traceback) {
            return new UserExpression(ReplyStatus.ERROR, null, null, ename, evalue, List.copyOf(traceback));
        }
    }

    /** The pager payload of an execute_reply (deprecated in the spec, still how front ends show help). */
    record Page(String source, Map<String, String> data, int start) {
        public static Page of(String plain, String html) {
            return new Page("page", Map.of("text/plain", plain, "text/html", html), 0);
        }
    }

    // ---- shell: completion, inspection, is_complete, history, comms, kernel info ------------------------------

    record CompleteRequest(String code, Integer cursorPos) implements Content {
        public CompleteRequest {
            code = code == null ? "" : code;
            cursorPos = cursorPos == null ? code.codePointCount(0, code.length()) : cursorPos;
        }
    }

    record CompleteReply(ReplyStatus status, List<String> matches, int cursorStart, int cursorEnd,
            CompletionMetadata metadata) implements Content {}

    /** {@code types} is null (absent) when the engine gave no types. */
    record CompletionMetadata(@JsonProperty("_jupyter_types_experimental") List<CompletionType> types) {}

    record CompletionType(int start, int end, String text, String type) {}

    record InspectRequest(String code, Integer cursorPos, Integer detailLevel) implements Content {
        public InspectRequest {
            code = code == null ? "" : code;
            cursorPos = cursorPos == null ? code.codePointCount(0, code.length()) : cursorPos;
            detailLevel = detailLevel == null ? 0 : detailLevel;
        }
    }

    record InspectReply(ReplyStatus status, boolean found, Map<String, String> data, Map<String, Object> metadata)
            implements Content {}

    record IsCompleteRequest(String code) implements Content {
        public IsCompleteRequest {
            code = code == null ? "" : code;
        }
    }

    /** {@code indent} only when incomplete. */
    record IsCompleteReply(IsCompleteStatus status, String indent) implements Content {}

    enum HistAccessType { RANGE, TAIL, SEARCH }

    record HistoryRequest(Boolean output, Boolean raw, HistAccessType histAccessType, Integer session, Integer start,
            Integer stop, Integer n, String pattern, Boolean unique) implements Content {
        public HistoryRequest {
            output = output != null && output;
            raw = raw == null || raw;
            histAccessType = histAccessType == null ? HistAccessType.TAIL : histAccessType;
            session = session == null ? 0 : session;
            start = start == null ? 1 : start;
            stop = stop == null ? 0 : stop;
            pattern = pattern == null ? "*" : pattern;
            unique = unique != null && unique;
        }
    }

    record HistoryReply(ReplyStatus status, List<HistoryRow> history) implements Content {}

    /** A history row is a JSON array: {@code [session, line, input]} or {@code [session, line, [input, output]]}. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record HistoryRow(int session, int line, Object entry) {
        public static HistoryRow input(int session, int line, String input) {
            return new HistoryRow(session, line, input);
        }

        public static HistoryRow withOutput(int session, int line, String input, String output) {
            return new HistoryRow(session, line, java.util.Arrays.asList(input, output));
        }
    }

    record CommInfoRequest(String targetName) implements Content {}

    /** {@code comms}: comm id to {@code {target_name}}; this kernel registers no comm targets. */
    record CommInfoReply(ReplyStatus status, Map<String, Object> comms) implements Content {}

    record CommOpen(String commId, String targetName, JsonNode data) implements Content {}

    record CommMsg(String commId, JsonNode data) implements Content {}

    record CommClose(String commId, JsonNode data) implements Content {}

    record KernelInfoRequest() implements Content {}

    record KernelInfoReply(ReplyStatus status, String protocolVersion, String implementation,
            String implementationVersion, String banner, boolean debugger, LanguageInfo languageInfo,
            List<HelpLink> helpLinks) implements Content {}

    record LanguageInfo(String name, String version, String mimetype, String fileExtension, String pygmentsLexer,
            String codemirrorMode, String nbconvertExporter) {}

    record HelpLink(String text, String url) {}

    // ---- control ----------------------------------------------------------------------------------------------

    record ShutdownRequest(Boolean restart) implements Content {
        public ShutdownRequest {
            restart = restart != null && restart;
        }
    }

    record ShutdownReply(ReplyStatus status, boolean restart) implements Content {}

    record InterruptRequest() implements Content {}

    record InterruptReply(ReplyStatus status) implements Content {}

    /**
     * The reply of any request that could not be handled (its content was unreadable, it was too large, its
     * handler failed, or it came on the wrong channel): the reply type of the request, with this content.
     */
    record ErrorReply(ReplyStatus status, String ename, String evalue, List<String> traceback) implements Content {
        public static ErrorReply of(String ename, String evalue) {
            return new ErrorReply(ReplyStatus.ERROR, ename, evalue, List.of());
        }
    }

    // ---- iopub ------------------------------------------------------------------------------------------------

    record Status(ExecutionState executionState) implements Content {}

    enum StreamName { STDOUT, STDERR }

    record Stream(StreamName name, String text) implements Content {}

    record ExecuteInput(String code, int executionCount) implements Content {}

    /** {@code data} and {@code metadata} are the mime bundle as JSON, passed through untouched. */
    record ExecuteResult(int executionCount, JsonNode data, JsonNode metadata) implements Content {}

    /** {@code displayTransient} is null (absent) without a display id. */
    record DisplayData(JsonNode data, JsonNode metadata, @JsonProperty("transient") DisplayId displayTransient)
            implements Content {}

    record UpdateDisplayData(JsonNode data, JsonNode metadata, @JsonProperty("transient") DisplayId displayTransient)
            implements Content {}

    record DisplayId(String displayId) {}

    /** {@code wait} is a method of every object, so the component has another name. */
    record ClearOutput(@JsonProperty("wait") boolean waitForNext) implements Content {}

    record Error(String ename, String evalue, List<String> traceback) implements Content {
        public Error {
            traceback = List.copyOf(traceback);
        }
    }

    record IopubWelcome(String subscription) implements Content {}

    // ---- stdin ------------------------------------------------------------------------------------------------

    record InputRequest(String prompt, boolean password) implements Content {}

    record InputReply(String value) implements Content {
        public InputReply {
            value = value == null ? "" : value;
        }
    }
}
