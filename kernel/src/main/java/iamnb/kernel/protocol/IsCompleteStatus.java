package iamnb.kernel.protocol;

/** The answer to an is_complete_request (lowercase on the wire). */
public enum IsCompleteStatus {
    /** The code is ready to run. */
    COMPLETE,
    /** More lines are needed (the reply then carries an indent for the next line). */
    INCOMPLETE,
    /** The code can never become valid by adding lines. */
    INVALID,
    /** The kernel cannot tell. */
    UNKNOWN
}
