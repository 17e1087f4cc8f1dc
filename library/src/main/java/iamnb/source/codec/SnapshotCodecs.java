package iamnb.source.codec;

import iamnb.model.Organization;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** Every codec of the snapshot folder format, one per file (or family of files). The reader and writer iterate this list. */
public final class SnapshotCodecs {
    private SnapshotCodecs() {}

    public static final List<SnapshotCodec> ALL = List.of(
            new AccountCodec(),
            new AccountAliasesCodec(),
            new GaadCodec(),
            new ListRolesCodec(),
            new CredentialReportCodec(),
            new AccessKeysCodec(),
            new AccessKeyLastUsedCodec(),
            new MfaDevicesCodec(),
            new LoginProfilesCodec(),
            new OidcProvidersCodec(),
            new SamlProvidersCodec(),
            new BucketsCodec(),
            new VpcEndpointsCodec(),
            new OrganizationCodec(),
            new AnalyzerFindingsCodec(),
            new CloudTrailEventsCodec());

    /**
     * The {@code organization/} folder alone, as an organization snapshot keeps it beside its member folders; empty
     * when {@code folder} has none.
     */
    public static Optional<Organization> readOrganization(SnapshotFolder folder) {
        return folder.isFolder(iamnb.source.SnapshotFiles.ORGANIZATION)
                ? Optional.of(OrganizationCodec.organization(folder)) : Optional.empty();
    }

    /** The canonical files of an {@code organization/} folder, names relative to the folder that holds it. */
    public static SortedMap<String, byte[]> renderOrganization(Organization org) {
        FolderOut out = new FolderOut();
        OrganizationCodec.write(org, out);
        return out.files();
    }
}
