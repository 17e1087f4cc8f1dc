package iamnb.kernel.eval;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The method JShell's local engine actually invokes for every snippet, so the kernel gets the snippet's live
 * value (the stock engine keeps only its string form) while JShell's own thread, stop and stack-trace
 * machinery stay untouched.
 *
 * <p>{@link KernelExecutionControl#invoke(Method)} parks the snippet's {@code do_it$} as a pending
 * {@link Invocation} and asks JShell to invoke {@link #run}, a public static no-arg method: that is the only
 * shape JShell can call, which is why the hand-over is a static (one JShell runs one snippet at a time, so
 * there is never more than one pending invocation). Exceptions, including the {@code ThreadDeath} of a stop,
 * propagate unwrapped.
 */
public final class Trampoline {
    static final Method RUN;
    private static final AtomicReference<Invocation> PENDING = new AtomicReference<>();

    static {
        try {
            RUN = Trampoline.class.getMethod("run");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Trampoline() {}

    /** Invoked by JShell on its snippet thread. Not for user code. */
    public static Object run() throws Throwable {
        Invocation invocation = PENDING.getAndSet(null);
        if (invocation == null) {
            throw new IllegalStateException("iamnb trampoline called without a pending snippet");
        }
        return invocation.call();
    }

    static void park(Invocation invocation) {
        PENDING.set(invocation);
    }

    /** One snippet execution: the target, what to do on the snippet thread first, and the live result. */
    static final class Invocation {
        private static final MethodType OBJECT = MethodType.methodType(Object.class);

        private final MethodHandle target;
        private final Runnable onSnippetThread;
        private volatile Object result;

        Invocation(MethodHandle target, Runnable onSnippetThread) {
            this.target = target.asType(OBJECT);
            this.onSnippetThread = onSnippetThread;
        }

        Object call() throws Throwable {
            onSnippetThread.run();
            Object value = (Object) target.invokeExact();
            result = value;
            return value;
        }

        Object result() {
            return result;
        }
    }
}
