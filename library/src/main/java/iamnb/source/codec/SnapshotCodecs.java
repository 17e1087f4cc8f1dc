package iamnb.source.codec;

import java.util.List;

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
}
