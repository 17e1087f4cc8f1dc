package iamnb.source.codec;

import iamnb.model.AccountSnapshot;
import iamnb.source.SnapshotFiles;

/**
 * {@code list-account-aliases.json} ({@code aws iam list-account-aliases}): the alias when {@code account.json}
 * has none. Read only: the writer keeps the alias in {@code account.json}, so this file is never written.
 */
final class AccountAliasesCodec extends FileCodec {
    private static final String ALIASES = "AccountAliases";

    AccountAliasesCodec() {
        super(SnapshotFiles.ACCOUNT_ALIASES);
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        folder.json(SnapshotFiles.ACCOUNT_ALIASES).flatMap(a -> a.strings(ALIASES).stream().findFirst())
                .ifPresent(alias -> parts.aliasFromAliases = alias);
    }

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        // account.json carries the alias.
    }
}
