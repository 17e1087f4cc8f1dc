package iamnb.source.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.model.AccountSnapshot;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.JsonAt;

/**
 * {@code account.json}, our own file: {@code {"formatVersion", "accountId", "alias", "asOf",
 * "credentialReportGenerated", "warnings"}}. {@code aws sts get-caller-identity} output is accepted too
 * (its {@code Account}).
 */
final class AccountCodec extends FileCodec {
    private static final String FORMAT_VERSION = "formatVersion";
    private static final String ACCOUNT_ID = "accountId";
    /** {@code aws sts get-caller-identity}'s name for the account id. */
    private static final String CALLER_ACCOUNT = "Account", ALIAS = "alias", AS_OF = "asOf",
            REPORT_GENERATED = "credentialReportGenerated", WARNINGS = "warnings";

    AccountCodec() {
        super(SnapshotFiles.ACCOUNT);
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        folder.json(SnapshotFiles.ACCOUNT).ifPresent(a -> parts.account = new SnapshotParts.AccountInfo(
                accountId(a), a.optText(ALIAS), a.optInstant(AS_OF), a.optInstant(REPORT_GENERATED), a.strings(WARNINGS)));
    }

    private static String accountId(JsonAt a) {
        String id = a.optText(ACCOUNT_ID);
        return id.isEmpty() ? a.optText(CALLER_ACCOUNT) : id;
    }

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        ObjectNode o = Json.object();
        o.put(FORMAT_VERSION, 1);
        o.put(ACCOUNT_ID, s.accountId());
        o.put(ALIAS, s.alias());
        Json.putTime(o, AS_OF, s.asOf());
        s.credentialReport().ifPresent(r -> Json.putTime(o, REPORT_GENERATED, r.generated()));
        Json.putStrings(o, WARNINGS, s.warnings());
        out.json(SnapshotFiles.ACCOUNT, o);
    }
}
