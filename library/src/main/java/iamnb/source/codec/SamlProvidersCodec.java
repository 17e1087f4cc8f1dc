package iamnb.source.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.model.AccountSnapshot;
import iamnb.model.SamlProvider;
import iamnb.source.SnapshotFiles;

/** {@code saml-providers.json}: {@code aws iam list-saml-providers}. */
final class SamlProvidersCodec extends FileCodec {
    private static final String LIST = "SAMLProviderList", ARN = "Arn", VALID_UNTIL = "ValidUntil",
            CREATED = "CreateDate";

    SamlProvidersCodec() {
        super(SnapshotFiles.SAML_PROVIDERS);
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        folder.json(SnapshotFiles.SAML_PROVIDERS).ifPresent(f -> parts.samlProviders = f.list(LIST).stream()
                .map(p -> new SamlProvider(p.text(ARN), p.optInstant(CREATED), p.optInstant(VALID_UNTIL))).toList());
    }

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        if (s.samlProviders().isEmpty()) {
            return;
        }
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray(LIST);
        for (SamlProvider p : s.samlProviders()) {
            ObjectNode n = list.addObject().put(ARN, p.arn());
            Json.putTime(n, VALID_UNTIL, p.validUntil());
            Json.putTime(n, CREATED, p.created());
        }
        out.json(SnapshotFiles.SAML_PROVIDERS, o);
    }
}
