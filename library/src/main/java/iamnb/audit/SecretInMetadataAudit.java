package iamnb.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.model.AccountSnapshot;
import iamnb.model.Bucket;
import iamnb.model.CloudTrailEvent;
import iamnb.model.InlinePolicy;
import iamnb.model.ManagedPolicy;
import iamnb.model.OidcProvider;
import iamnb.model.PolicyDocument;
import iamnb.model.Role;
import iamnb.model.Sanitiser;
import iamnb.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code SECRET-IN-METADATA}: a secret kept where anyone who may list IAM can read it: a tag value, a
 * description, a policy document, or the request parameters of a CloudTrail event. The {@link Sanitiser} has
 * already replaced such values by its marker when the account was loaded; this audit says where they were.
 * A finding names the place, never the value.
 */
final class SecretInMetadataAudit {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REMEDIATION = "Treat the secret as leaked: rotate or revoke it, then remove it from"
            + " the place named here; keep secrets in Secrets Manager or Parameter Store, not in IAM metadata.";

    private final AccountSnapshot s;
    private final List<Finding> out = new ArrayList<>();

    private SecretInMetadataAudit(AccountSnapshot s) {
        this.s = s;
    }

    static Findings run(AccountSnapshot snapshot) {
        SecretInMetadataAudit a = new SecretInMetadataAudit(snapshot);
        a.scan();
        return new Findings("secrets in metadata", snapshot.asOf(), a.out);
    }

    private void scan() {
        for (User u : s.users()) {
            tags("user", u.name(), u.tags());
            u.inlinePolicies().forEach(p -> inline("user", u.name(), p));
        }
        for (Role r : s.roles()) {
            tags("role", r.name(), r.tags());
            text("role", r.name(), "the description", r.description());
            document("role", r.name(), "the trust policy", r.trustPolicy());
            r.inlinePolicies().forEach(p -> inline("role", r.name(), p));
        }
        s.groups().forEach(g -> g.inlinePolicies().forEach(p -> inline("group", g.name(), p)));
        for (ManagedPolicy p : s.policies()) {
            text("policy", p.name(), "the description", p.description());
            p.versions().forEach(v -> document("policy", p.name(), "version " + v.versionId(), v.document()));
        }
        for (OidcProvider p : s.oidcProviders()) {
            tags("oidc provider", p.arn(), p.tags());
        }
        for (Bucket b : s.buckets()) {
            b.policy().ifPresent(d -> document("bucket", b.name(), "the bucket policy", d));
        }
        for (CloudTrailEvent e : s.cloudTrailEvents()) {
            markedPaths(e.requestParameters()).forEach(path -> add("event", e.eventName() + " " + e.eventId(),
                    "the request parameters (" + path + ") of a " + e.eventName() + " call recorded by CloudTrail"));
        }
    }

    private void tags(String type, String name, Map<String, String> tags) {
        tags.forEach((k, v) -> text(type, name, "tag \"" + k + "\"", v));
    }

    private void inline(String type, String name, InlinePolicy p) {
        document(type, name, "inline policy " + p.name(), p.document());
    }

    private void text(String type, String name, String where, String value) {
        if (value.contains(Sanitiser.MARKER) || Sanitiser.looksSecret(value)) {
            add(type, name, where);
        }
    }

    private void document(String type, String name, String where, PolicyDocument d) {
        if (Sanitiser.looksSecret(d.json())) {
            add(type, name, where);
        }
    }

    private void add(String type, String name, String where) {
        out.add(new Finding(Check.SECRET_IN_METADATA.severity(), type, name, Check.SECRET_IN_METADATA.id(), "a secret-shaped value is stored in " + where,
                "found in " + where + " of " + type + " " + name + " (the value was removed when the account was"
                        + " loaded and is never shown)", REMEDIATION));
    }

    /** JSON paths inside request parameters where the sanitiser left its marker. */
    private static List<String> markedPaths(String json) {
        List<String> paths = new ArrayList<>();
        if (!json.contains(Sanitiser.MARKER)) {
            return paths;
        }
        try {
            collect(JSON.readTree(json), "requestParameters", paths);
        } catch (JsonProcessingException e) {
            paths.add("requestParameters");
        }
        return paths;
    }

    private static void collect(JsonNode n, String path, List<String> into) {
        if (n.isTextual() && n.asText().contains(Sanitiser.MARKER)) {
            into.add(path);
        }
        n.properties().forEach(e -> collect(e.getValue(), path + "." + e.getKey(), into));
        for (int i = 0; n.isArray() && i < n.size(); i++) {
            collect(n.get(i), path + "[" + i + "]", into);
        }
    }
}
