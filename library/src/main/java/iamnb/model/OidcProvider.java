package iamnb.model;

import iamnb.internal.Arns;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenID Connect identity provider, e.g. an EKS cluster's issuer for IRSA.
 *
 * @param arn provider ARN ({@code arn:aws:iam::ACCOUNT:oidc-provider/oidc.eks.REGION.amazonaws.com/id/ID})
 * @param url issuer URL without scheme, as IAM stores it ({@code oidc.eks.us-east-1.amazonaws.com/id/...})
 * @param clientIds audiences allowed ({@code sts.amazonaws.com} for IRSA)
 * @param thumbprints server certificate thumbprints
 * @param created creation time, when known
 * @param tags the provider's tags
 */
public record OidcProvider(String arn, String url, List<String> clientIds, List<String> thumbprints,
                           Optional<Instant> created, Map<String, String> tags) {
    public OidcProvider {
        Checks.notBlank(arn, "OIDC provider arn");
        url = url == null || url.isBlank() ? urlFromArn(arn) : stripScheme(url);
        clientIds = List.copyOf(clientIds);
        thumbprints = List.copyOf(thumbprints);
        Objects.requireNonNull(created, "created");
        tags = Checks.sortedCopy(Sanitiser.tags(tags));
    }

    /** The issuer URL an ARN names: everything after {@code oidc-provider/}. */
    public static String urlFromArn(String arn) {
        String resource = Arns.resource(arn);
        return resource.startsWith("oidc-provider/") ? resource.substring("oidc-provider/".length()) : "";
    }

    private static String stripScheme(String url) {
        return url.startsWith("https://") ? url.substring("https://".length()) : url;
    }
}
