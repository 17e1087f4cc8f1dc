package iamnb.kernel;

import iamnb.kernel.display.DisplayPublisher;
import iamnb.kernel.eval.CellStreams;
import iamnb.kernel.eval.EvalResult;
import iamnb.kernel.eval.JShellEvaluator;
import iamnb.kernel.eval.OutputRouter;
import iamnb.kernel.magics.MagicContext;
import iamnb.kernel.protocol.Engine.ExecuteOutcome.Failed;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The session as a magic sees it, for one magic call in one cell: code it evaluates runs as part of the cell
 * (output, display, errors), and the first failure becomes the cell's error.
 */
final class KernelMagicContext implements MagicContext {
    private final JShellEvaluator evaluator;
    private final CellStreams streams;
    private final DisplayPublisher display;
    private final int executionCount;
    private final int line;
    private Failed failure;

    KernelMagicContext(JShellEvaluator evaluator, CellStreams streams, DisplayPublisher display, int executionCount,
            int line) {
        this.evaluator = evaluator;
        this.streams = streams;
        this.display = display;
        this.executionCount = executionCount;
        this.line = line;
    }

    @Override
    public boolean eval(String javaCode) {
        EvalResult result = evaluator.evaluate(javaCode, line - 1, executionCount, streams);
        if (result instanceof EvalResult.Value value) {
            display.display(value.value());
        }
        if (result instanceof EvalResult.Error error) {
            if (failure == null) {
                failure = error.failure();
            }
            return false;
        }
        return true;
    }

    @Override
    public boolean interrupted() {
        return evaluator.interruptRequested();
    }

    @Override
    public void addToClasspath(Path entry) {
        evaluator.jshell().addToClasspath(entry.toAbsolutePath().toString());
    }

    @Override
    public List<Variable> variables() {
        var jshell = evaluator.jshell();
        return jshell.variables()
                .filter(v -> jshell.status(v).isActive())
                // varValue runs the value's toString(): user code, guarded like any rendering
                .map(v -> new Variable(v.name(), v.typeName(), display.displayer().guardedText(() -> jshell.varValue(v))))
                .toList();
    }

    @Override
    public void display(Object value) {
        display.display(value);
    }

    @Override
    public PrintStream out() {
        return stream(OutputRouter.Stream.STDOUT);
    }

    @Override
    public PrintStream err() {
        return stream(OutputRouter.Stream.STDERR);
    }

    /** The first evaluation failure, which the kernel reports as the cell's error. */
    Optional<Failed> failure() {
        return Optional.ofNullable(failure);
    }

    private PrintStream stream(OutputRouter.Stream which) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                streams.write(which, bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8);
    }
}
