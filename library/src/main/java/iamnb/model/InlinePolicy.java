package iamnb.model;

import java.util.Objects;

/**
 * A policy embedded in one user, group or role (IAM's "inline" policy): a name and a document.
 *
 * @param name the policy name, unique within its principal
 * @param document the parsed policy document
 */
public record InlinePolicy(String name, PolicyDocument document) {
    public InlinePolicy {
        Checks.notBlank(name, "inline policy name");
        Objects.requireNonNull(document, "document");
    }
}
