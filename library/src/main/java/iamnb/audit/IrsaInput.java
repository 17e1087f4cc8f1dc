package iamnb.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * What an IRSA check knows: the role, the Kubernetes service account, and optionally what the analyst pasted
 * from the cluster — {@code kubectl get sa NAME -n NS -o json}, {@code kubectl get pod POD -n NS -o json}, the
 * projected token ({@code cat /var/run/secrets/eks.amazonaws.com/serviceaccount/token}) and the cluster's OIDC
 * issuer ({@code aws eks describe-cluster --query cluster.identity.oidc.issuer}).
 *
 * <pre>{@code
 * acct.audit().irsa(IrsaInput.of("my-app-role", "default", "my-app-sa").withServiceAccountJson(saJson).withToken(jwt));
 * }</pre>
 */
public record IrsaInput(String roleName, String namespace, String serviceAccount, Optional<String> serviceAccountJson,
                        Optional<String> podJson, Optional<String> token, Optional<String> clusterIssuer) {
    public IrsaInput {
        requireText(roleName, "role name");
        requireText(namespace, "namespace");
        requireText(serviceAccount, "service account");
        Objects.requireNonNull(serviceAccountJson, "serviceAccountJson");
        Objects.requireNonNull(podJson, "podJson");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(clusterIssuer, "clusterIssuer");
    }

    private static void requireText(String v, String what) {
        if (v == null || v.isBlank()) {
            throw new iamnb.InvalidInputException("irsa: the " + what + " is missing");
        }
    }

    public static IrsaInput of(String roleName, String namespace, String serviceAccount) {
        return new IrsaInput(roleName, namespace, serviceAccount, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The output of {@code kubectl get sa NAME -n NS -o json} (a list of service accounts is accepted too). */
    public IrsaInput withServiceAccountJson(String json) {
        return new IrsaInput(roleName, namespace, serviceAccount, Optional.of(json), podJson, token, clusterIssuer);
    }

    /** The output of {@code kubectl get pod POD -n NS -o json}. */
    public IrsaInput withPodJson(String json) {
        return new IrsaInput(roleName, namespace, serviceAccount, serviceAccountJson, Optional.of(json), token, clusterIssuer);
    }

    /** The projected service account token (a JWT); its payload is decoded, its signature is not verified. */
    public IrsaInput withToken(String jwt) {
        return new IrsaInput(roleName, namespace, serviceAccount, serviceAccountJson, podJson, Optional.of(jwt.trim()), clusterIssuer);
    }

    /** The cluster's OIDC issuer URL, e.g. {@code https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE...}. */
    public IrsaInput withClusterIssuer(String url) {
        return new IrsaInput(roleName, namespace, serviceAccount, serviceAccountJson, podJson, token, Optional.of(url.trim()));
    }

    /** {@code system:serviceaccount:NAMESPACE:NAME}, what the token's sub must be. */
    public String expectedSubject() {
        return "system:serviceaccount:" + namespace + ":" + serviceAccount;
    }
}
