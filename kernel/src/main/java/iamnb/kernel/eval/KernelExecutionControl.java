package iamnb.kernel.eval;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Consumer;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's in-process engine with these additions: the live value of each snippet (through the
 * {@link Trampoline}), a record of whether the last invocation was stopped or abandoned, snippets run on a
 * cell thread that can be abandoned when it ignores the stop ({@link Trampoline.Invocation}), exceptions of the
 * cell's threads reported ({@link CellThreadGroup}), and exit calls redirected in every class JShell loads
 * ({@link ExitCallRewriter}).
 *
 * <p>Everything else &mdash; the snippet thread group, {@code stop()} (ThreadGroup.stop on 17, the woven
 * cancel checks on 25), class loading and stack-trace trimming &mdash; is the stock {@link LocalExecutionControl}.
 */
final class KernelExecutionControl extends LocalExecutionControl {
    private final Consumer<Class<?>> onSnippetThread;
    private final Thread.UncaughtExceptionHandler uncaught;
    private final ThreadGroup cellThreadParent = Thread.currentThread().getThreadGroup();
    private volatile Trampoline.Invocation last;
    private volatile boolean stopped;

    /**
     * @param onSnippetThread runs on the cell thread before the snippet, given the snippet's class
     * @param uncaught told about exceptions that end threads the cell started
     */
    KernelExecutionControl(Consumer<Class<?>> onSnippetThread, Thread.UncaughtExceptionHandler uncaught) {
        this.onSnippetThread = onSnippetThread;
        this.uncaught = uncaught;
    }

    /** Every class JShell defines (snippet wrappers, their lambdas and nested types) loses its exit calls. */
    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] rewritten = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            rewritten[i] = new ClassBytecodes(classes[i].name(), ExitCallRewriter.rewrite(classes[i].bytecodes()));
        }
        super.load(rewritten);
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        Class<?> snippetClass = doit.getDeclaringClass();
        Trampoline.Invocation invocation = new Trampoline.Invocation(MethodHandles.lookup().unreflect(doit),
                () -> onSnippetThread.accept(snippetClass), uncaught, cellThreadParent);
        last = invocation;
        Trampoline.park(invocation);
        return super.invoke(Trampoline.RUN);
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        try {
            return super.invoke(className, methodName);
        } catch (StoppedException e) {
            stopped = true;
            throw e;
        }
    }

    /** Forgets the previous snippet's value and stop flag; call before each eval. */
    void reset() {
        last = null;
        stopped = false;
    }

    /** The live value of the last snippet run since {@link #reset}, or null. */
    Object lastValue() {
        Trampoline.Invocation invocation = last;
        return invocation == null ? null : invocation.result();
    }

    /** The live exception the last snippet run since {@link #reset} threw, or null. */
    Throwable lastThrown() {
        Trampoline.Invocation invocation = last;
        return invocation == null ? null : invocation.thrown();
    }

    boolean wasStopped() {
        return stopped;
    }

    /** True when the last snippet was given up on by {@link #abandonIfStillRunning}. */
    boolean wasAbandoned() {
        Trampoline.Invocation invocation = last;
        return invocation != null && invocation.wasAbandoned();
    }

    /** The snippet now running (or last run), for a later {@link #abandonIfStillRunning}; may be null. */
    Trampoline.Invocation current() {
        return last;
    }

    /** Releases JShell from waiting for {@code invocation} if it has not finished; its thread is left behind. */
    static void abandonIfStillRunning(Trampoline.Invocation invocation, String why) {
        if (invocation != null && !invocation.isDone()) {
            invocation.abandon(why);
        }
    }

    /** Applies {@code --class-path}/{@code -cp} from remote VM options (JDK 17 ignores them for local). */
    void addClassPathOptions(List<String> options) {
        for (int i = 0; i + 1 < options.size(); i++) {
            String option = options.get(i);
            if (option.equals("--class-path") || option.equals("-cp") || option.equals("-classpath")) {
                try {
                    addToClasspath(options.get(i + 1));
                } catch (InternalException | EngineTerminationException e) {
                    throw new EvaluationException("cannot add " + options.get(i + 1) + " to the class path", e);
                }
            }
        }
    }
}
