package iamnb.kernel.eval;

import iamnb.kernel.protocol.Engine.ExecuteOutcome.Failed;

/** How evaluating some Java code ended. */
public sealed interface EvalResult {
    /** The code ended in an expression; {@code value} is its live value (may be null). */
    record Value(Object value) implements EvalResult {}

    /** The code ran and has nothing to show (declarations, statements). */
    record NoValue() implements EvalResult {}

    /** Compile error, exception, unresolved reference or interrupt. */
    record Error(Failed failure) implements EvalResult {}
}
