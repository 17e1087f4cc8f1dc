package iamnb.kernel.protocol;

import java.util.List;
import java.util.Optional;

/**
 * The language side of the kernel, as the protocol handlers see it (ipykernel's {@code do_*} methods).
 *
 * <p>{@link ShellHandlers} parse requests, count executions, keep history, publish execute_input/error and
 * build replies; an engine only evaluates, completes and inspects. Cursor positions here are UTF-16 indexes
 * into {@code code}; the handlers convert from and to the protocol's code points.
 */
public interface Engine {

    LanguageInfo languageInfo();

    /**
     * Runs a cell. Publishes streams, display data and the execute_result through {@code context}; returns
     * how it ended. Must not throw for errors in user code.
     */
    ExecuteOutcome execute(String code, ExecutionContext context);

    /** Evaluates one user expression after a successful cell: its mime bundle, or the error. */
    Content.UserExpression userExpression(String expression, ExecutionContext context);

    Completion complete(String code, int cursor);

    Optional<Inspection> inspect(String code, int cursor, int detailLevel);

    Completeness isComplete(String code);

    /** Stops the running cell, if any. Called from the control thread. */
    void interrupt();

    /** Language metadata for kernel_info_reply. */
    record LanguageInfo(String name, String version, String mimetype, String fileExtension, String pygmentsLexer,
            String codemirrorMode, String banner, List<HelpLink> helpLinks) {
        public LanguageInfo {
            helpLinks = List.copyOf(helpLinks);
        }
    }

    record HelpLink(String text, String url) {}

    /**
     * How a cell ended. {@code resultText} is the text/plain of the execute_result, kept in history;
     * {@code page} is help for the pager (a {@code String?} cell), sent as the execute_reply's "page" payload.
     */
    sealed interface ExecuteOutcome {
        record Ok(Optional<String> resultText, Optional<Inspection> page) implements ExecuteOutcome {
            public Ok(Optional<String> resultText) {
                this(resultText, Optional.empty());
            }
        }

        record Failed(String ename, String evalue, List<String> traceback) implements ExecuteOutcome {
            public Failed {
                traceback = List.copyOf(traceback);
            }
        }
    }

    /** Completion matches replacing {@code code[start, end)}; {@code types} as _jupyter_types_experimental. */
    record Completion(List<String> matches, int start, int end, List<String> types) {
        public Completion {
            matches = List.copyOf(matches);
            types = List.copyOf(types);
        }
    }

    /** What inspection found: plain text and HTML renderings of signature and documentation. */
    record Inspection(String plain, String html) {}

    /** is_complete: the status, and for incomplete code the indent of the next line (else empty). */
    record Completeness(IsCompleteStatus status, String indent) {
        public Completeness {
            java.util.Objects.requireNonNull(status, "status");
            indent = indent == null ? "" : indent;
        }

        public static Completeness complete() {
            return new Completeness(IsCompleteStatus.COMPLETE, "");
        }

        public static Completeness incomplete(String indent) {
            return new Completeness(IsCompleteStatus.INCOMPLETE, indent);
        }

        public static Completeness invalid() {
            return new Completeness(IsCompleteStatus.INVALID, "");
        }

        public static Completeness unknown() {
            return new Completeness(IsCompleteStatus.UNKNOWN, "");
        }
    }
}
