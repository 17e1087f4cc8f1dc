package iamnb.kernel.magics;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A MagicContext that records what magics ask of the session (no kernel needed). */
final class RecordingContext implements MagicContext {
    final List<String> evaluated = new ArrayList<>();
    final List<Path> classPath = new ArrayList<>();
    final List<Object> displayed = new ArrayList<>();
    final List<Variable> variables = new ArrayList<>();
    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    boolean evalSucceeds = true;
    Path workingDirectory = Path.of("").toAbsolutePath();

    @Override
    public boolean eval(String javaCode) {
        evaluated.add(javaCode);
        return evalSucceeds;
    }

    @Override
    public void addToClasspath(Path entry) {
        classPath.add(entry);
    }

    @Override
    public List<Variable> variables() {
        return variables;
    }

    @Override
    public void display(Object value) {
        displayed.add(value);
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public PrintStream err() {
        return err;
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    String printed() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }
}
