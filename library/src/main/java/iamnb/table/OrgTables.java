package iamnb.table;

import iamnb.model.OrgMember;
import java.util.List;
import tech.tablesaw.api.Table;

/** Tables of an organization snapshot's members. */
public final class OrgTables {
    private OrgTables() {}

    /** One row per member account: account, name, ou_path, status, collected, warnings (joined with "; "). */
    public static Table members(List<OrgMember> members) {
        return new Columns<OrgMember>()
                .text("account", OrgMember::accountId)
                .text("name", OrgMember::name)
                .text("ou_path", OrgMember::ouPath)
                .text("status", OrgMember::status)
                .flag("collected", OrgMember::collected)
                .number("warning_count", m -> m.warnings().size())
                .text("warnings", m -> String.join("; ", m.warnings()))
                .table("accounts", members);
    }
}
