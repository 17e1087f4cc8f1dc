package iamnb;

/** Entry points of the IAM library: where an account comes from. */
public final class Iam {
    private Iam() {}
}
