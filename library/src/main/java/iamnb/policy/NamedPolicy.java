package iamnb.policy;

import iamnb.model.PolicyDocument;
import java.util.Objects;

/**
 * A policy document with the name a person knows it by: a managed policy's name or ARN, "user/alice inline
 * deploy", "bucket policy of prod-data".
 */
public record NamedPolicy(String name, PolicyDocument document) {
    public NamedPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }
}
