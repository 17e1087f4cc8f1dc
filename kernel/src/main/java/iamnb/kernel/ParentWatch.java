package iamnb.kernel;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Ends the kernel when the Jupyter client that started it is gone, as ipykernel does: a kernel whose client was
 * killed (a closed terminal running {@code jupyter console}, a crashed script) has nobody left to shut it down,
 * and would otherwise keep its memory, and its CPU if a cell was running, for ever.
 *
 * <p>Who the client is: jupyter_client names itself in {@code JPY_PARENT_PID} when it launches a kernel that
 * should not outlive it; an "independent" kernel, or one started by hand, gets no such variable and is not
 * watched. The launcher {@code exec}s java, so the client is normally also our parent. It counts as gone when
 * <ul>
 *   <li>our parent changed since start-up: we were re-parented to PID 1 or to a subreaper ({@code systemd
 *       --user}, a container's init). This is ipykernel's test ({@code getppid() == 1}) made to work under
 *       subreapers too, and it fires the moment the client dies, even before anyone reaps it; or</li>
 *   <li>the process {@code JPY_PARENT_PID} names no longer runs, or its pid now belongs to a process started
 *       later (for a client that is not our parent, say a wrapper script in between).</li>
 * </ul>
 *
 * <p>Why a poll: Java has no notification for the exit of a process that is not its child
 * ({@link ProcessHandle#onExit()} on a non-child polls too, with a period growing to 5 s). Reading
 * {@code /proc} twice every {@link #PERIOD_MS} ms costs nothing measurable, and the kernel ends within a second.
 */
final class ParentWatch {
    static final long PERIOD_MS = 500;
    private static final System.Logger LOG = System.getLogger("iamnb.kernel");

    private final long clientPid;
    private final Optional<Instant> clientStart;
    private final long originalParent;

    private ParentWatch(long clientPid, Optional<Instant> clientStart, long originalParent) {
        this.clientPid = clientPid;
        this.clientStart = clientStart;
        this.originalParent = originalParent;
    }

    /**
     * The watch for the client that {@code JPY_PARENT_PID} names, or empty when none is named or the value is
     * 1 (init never exits; ipykernel does not watch it either). A value that is not a pid is logged.
     */
    static Optional<ParentWatch> fromEnvironment(Map<String, String> env) {
        String named = env.get("JPY_PARENT_PID");
        if (named == null || named.isBlank()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(named.strip());
        } catch (NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "JPY_PARENT_PID='" + named + "' is not a process id; this kernel"
                    + " will not notice when its client exits");
            return Optional.empty();
        }
        if (pid <= 1) {
            return Optional.empty();
        }
        Optional<Instant> start = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant());
        return Optional.of(new ParentWatch(pid, start, parentPid()));
    }

    /** Why the client counts as gone, or empty while it is there. */
    Optional<String> clientGone() {
        long parent = parentPid();
        if (parent != originalParent) {
            return Optional.of("the kernel's parent process " + originalParent + " exited (the kernel now belongs to "
                    + "pid " + parent + ")");
        }
        Optional<ProcessHandle> client = ProcessHandle.of(clientPid).filter(ProcessHandle::isAlive);
        if (client.isEmpty()) {
            return Optional.of("its client process " + clientPid + " (JPY_PARENT_PID) exited");
        }
        Optional<Instant> start = client.get().info().startInstant();
        if (clientStart.isPresent() && start.isPresent() && !clientStart.equals(start)) {
            return Optional.of("its client process " + clientPid + " (JPY_PARENT_PID) exited; the pid now belongs to"
                    + " a newer process");
        }
        return Optional.empty();
    }

    /** Checks every {@link #PERIOD_MS} ms on a daemon thread; calls {@code onGone} once, with the reason. */
    void start(Consumer<String> onGone) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "iamnb-parent-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> clientGone().ifPresent(reason -> {
            timer.shutdown();
            onGone.accept(reason);
        }), PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }
}
