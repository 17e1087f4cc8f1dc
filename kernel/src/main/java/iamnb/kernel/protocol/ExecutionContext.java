package iamnb.kernel.protocol;

/**
 * What an engine needs to know about the execute request it is running: the count to show, the request (the
 * parent of everything the cell publishes), whether to be silent, and whether it may ask for input.
 */
public record ExecutionContext(int executionCount, Message request, boolean silent, boolean allowStdin,
        IopubPublisher iopub, StdinChannel stdin) {}
