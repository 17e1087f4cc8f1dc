package iamnb.source.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.model.AccountSnapshot;
import iamnb.model.OidcProvider;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.JsonAt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code oidc-providers.json}: an object keyed by provider ARN, each value an {@code aws iam
 * get-open-id-connect-provider} output; {@code aws iam list-open-id-connect-providers} output is accepted too
 * (ARNs only).
 */
final class OidcProvidersCodec extends FileCodec {
    private static final String LIST = "OpenIDConnectProviderList", ARN = "Arn", URL = "Url",
            CLIENT_IDS = "ClientIDList", THUMBPRINTS = "ThumbprintList", CREATED = "CreateDate";

    OidcProvidersCodec() {
        super(SnapshotFiles.OIDC_PROVIDERS);
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        folder.json(SnapshotFiles.OIDC_PROVIDERS).ifPresent(f -> parts.oidcProviders = providers(f));
    }

    private static List<OidcProvider> providers(JsonAt f) {
        if (f.has(LIST)) {
            return f.list(LIST).stream()
                    .map(p -> new OidcProvider(p.text(ARN), "", List.of(), List.of(), Optional.empty(), Map.of())).toList();
        }
        List<OidcProvider> out = new ArrayList<>();
        f.fields().forEach((arn, p) -> {
            if (!arn.startsWith("arn:")) {
                throw p.error("keys of " + SnapshotFiles.OIDC_PROVIDERS + " must be provider ARNs, each mapped to an"
                        + " `aws iam get-open-id-connect-provider` output");
            }
            out.add(new OidcProvider(arn, p.optText(URL), p.strings(CLIENT_IDS), p.strings(THUMBPRINTS),
                    p.optInstant(CREATED), Json.readTags(p)));
        });
        return out;
    }

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        if (s.oidcProviders().isEmpty()) {
            return;
        }
        ObjectNode o = Json.object();
        for (OidcProvider p : s.oidcProviders()) {
            ObjectNode n = o.putObject(p.arn()).put(URL, p.url());
            Json.putStrings(n, CLIENT_IDS, p.clientIds());
            Json.putStrings(n, THUMBPRINTS, p.thumbprints());
            Json.putTime(n, CREATED, p.created());
            Json.writeTags(n, p.tags());
        }
        out.json(SnapshotFiles.OIDC_PROVIDERS, o);
    }
}
