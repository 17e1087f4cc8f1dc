package iamnb.org;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs a pass's tasks on a pool and collects their results in order; a task's own exception comes out unwrapped. */
final class Tasks {
    private Tasks() {}

    /**
     * @param what names the pass in the error when it is interrupted or a task fails with a checked exception
     */
    static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks, String what) {
        try {
            List<T> out = new ArrayList<>(tasks.size());
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        }
    }
}
