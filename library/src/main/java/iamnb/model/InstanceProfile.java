package iamnb.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An EC2 instance profile that carries a role.
 *
 * @param name instance profile name
 * @param id instance profile id ({@code AIPA...})
 * @param arn instance profile ARN
 * @param path IAM path, {@code /} by default
 * @param created creation time
 */
public record InstanceProfile(String name, String id, String arn, String path, Instant created) {
    public InstanceProfile {
        Checks.notBlank(name, "instance profile name");
        id = Checks.orEmpty(id);
        Checks.notBlank(arn, "instance profile arn");
        path = path == null || path.isEmpty() ? "/" : path;
        Objects.requireNonNull(created, "created");
    }
}
