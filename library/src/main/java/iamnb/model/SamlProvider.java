package iamnb.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A SAML identity provider ({@code aws iam list-saml-providers}).
 *
 * @param arn provider ARN ({@code arn:aws:iam::ACCOUNT:saml-provider/NAME})
 * @param created creation time, when known
 * @param validUntil expiry of the provider's metadata, when known
 */
public record SamlProvider(String arn, Optional<Instant> created, Optional<Instant> validUntil) {
    public SamlProvider {
        Checks.notBlank(arn, "SAML provider arn");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    /** The provider name, the part of the ARN after {@code saml-provider/}. */
    public String name() {
        return arn.substring(arn.indexOf('/') + 1);
    }
}
