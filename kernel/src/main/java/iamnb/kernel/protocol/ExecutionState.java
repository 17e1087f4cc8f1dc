package iamnb.kernel.protocol;

/** The kernel's state as a {@code status} message on iopub announces it (lowercase on the wire). */
public enum ExecutionState {
    /** Sent once when the kernel process has started. */
    STARTING,
    /** A request is being handled; sent before its first output. */
    BUSY,
    /** The request's handler has returned; nothing more will be published for it. */
    IDLE
}
