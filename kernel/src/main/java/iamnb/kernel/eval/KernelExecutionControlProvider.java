package iamnb.kernel.eval;

import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Hands JShell a {@link KernelExecutionControl} (JDK 17 has no public factory for a LocalExecutionControl
 * subclass) and keeps it, so the evaluator can read live values and stop flags.
 */
final class KernelExecutionControlProvider implements ExecutionControlProvider {
    private final Consumer<Class<?>> onSnippetThread;
    private final Thread.UncaughtExceptionHandler uncaught;
    private volatile KernelExecutionControl created;

    KernelExecutionControlProvider(Consumer<Class<?>> onSnippetThread, Thread.UncaughtExceptionHandler uncaught) {
        this.onSnippetThread = onSnippetThread;
        this.uncaught = uncaught;
    }

    @Override
    public String name() {
        return "iamnb-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        KernelExecutionControl control = new KernelExecutionControl(onSnippetThread, uncaught);
        control.addClassPathOptions(env.extraRemoteVMOptions());
        created = control;
        return control;
    }

    KernelExecutionControl control() {
        if (created == null) {
            throw new IllegalStateException("JShell has not created its execution control yet");
        }
        return created;
    }
}
