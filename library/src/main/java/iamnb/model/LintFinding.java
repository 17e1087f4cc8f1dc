package iamnb.model;

import java.util.Objects;

/**
 * One problem {@link PolicyLint} found in a policy document.
 *
 * @param check the rule that found it
 * @param statement the statement's label (its Sid, or {@code #N})
 * @param subject what is wrong: the action, resource, condition key or operator as written
 * @param message what is wrong and why, one or two sentences, with "did you mean" where there is a close name
 */
public record LintFinding(LintCheck check, String statement, String subject, String message) {
    public LintFinding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return check.id() + " " + statement + " " + subject + ": " + message;
    }
}
