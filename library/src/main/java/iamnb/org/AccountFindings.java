package iamnb.org;

import iamnb.audit.Finding;
import iamnb.audit.Findings;
import iamnb.model.OrgMember;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What the audit of one member account found: all that an organization-wide audit keeps of an account once it is
 * released.
 *
 * @param member the account, its name and OU path
 * @param findings its findings (the account's own audits and the organization checks about it)
 */
public record AccountFindings(OrgMember member, Findings findings) {
    /**
     * The columns of an organization-wide findings table: the account, its name and OU path, then
     * {@link Findings#COLUMNS}.
     */
    public static final List<String> COLUMNS = List.of("account", "account_name", "ou_path", "severity",
            "principal_type", "principal", "check", "finding", "evidence", "remediation");

    public AccountFindings {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(findings, "findings");
    }

    /** An empty table with {@link #COLUMNS}, named {@code title}. */
    public static Table emptyTable(String title) {
        return Table.create(title, COLUMNS.stream().map(StringColumn::create).toArray(StringColumn[]::new));
    }

    /** Appends this account's findings to a table made by {@link #emptyTable(String)}, in findings order. */
    public void appendTo(Table table) {
        for (Finding f : findings.list()) {
            String[] values = {member.accountId(), member.name(), member.ouPath(), f.severity().name(),
                f.principalType(), f.principal(), f.check(), f.finding(), f.evidence(), f.remediation()};
            for (int i = 0; i < values.length; i++) {
                table.stringColumn(i).append(values[i]);
            }
        }
    }

    /** This account's findings alone, as a table with {@link #COLUMNS}. */
    public Table table() {
        Table t = emptyTable(member.accountId() + " · " + findings.title());
        appendTo(t);
        return t;
    }
}
