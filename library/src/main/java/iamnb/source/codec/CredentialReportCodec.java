package iamnb.source.codec;

import iamnb.model.AccountSnapshot;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.CredentialReportCsv;
import java.util.Optional;

/**
 * {@code credential-report.csv}: {@code aws iam get-credential-report}'s Content, base64-decoded. The CSV
 * itself (columns by header name, cells verbatim) is {@link CredentialReportCsv}; when it was generated is
 * kept in {@code account.json}, and joined in {@link SnapshotParts#assemble}.
 */
final class CredentialReportCodec extends FileCodec {
    CredentialReportCodec() {
        super(SnapshotFiles.CREDENTIAL_REPORT);
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        parts.credentialReport = folder.text(SnapshotFiles.CREDENTIAL_REPORT)
                .map(csv -> CredentialReportCsv.parse(csv, SnapshotFiles.CREDENTIAL_REPORT, Optional.empty()));
    }

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        s.credentialReport().ifPresent(r -> out.text(SnapshotFiles.CREDENTIAL_REPORT, CredentialReportCsv.write(r)));
    }
}
