package iamnb.kernel.eval;

/** The evaluator itself failed (not user code): JShell could not start, a class path entry is unusable. */
public class EvaluationException extends RuntimeException {
    public EvaluationException(String message) {
        super(message);
    }

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
