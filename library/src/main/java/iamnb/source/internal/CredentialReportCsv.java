package iamnb.source.internal;

import iamnb.InvalidInputException;
import iamnb.model.CredentialReport;
import iamnb.model.CredentialReportRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IAM's credential report CSV (what {@code aws iam get-credential-report} returns, base64-decoded). Columns
 * are found by header name, so a report with its columns in another order, or with columns AWS adds later,
 * still reads; every one of the 22 documented columns must be present.
 */
public final class CredentialReportCsv {
    private CredentialReportCsv() {}

    public static CredentialReport parse(String csv, String file, Optional<Instant> generated) {
        List<List<String>> records = records(csv, file);
        if (records.isEmpty()) {
            throw new InvalidInputException(file + ": the credential report is empty; expected a header line starting with \"user,arn,\"");
        }
        List<String> header = records.get(0);
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            at.put(header.get(i).trim(), i);
        }
        List<String> missing = CredentialReportRow.COLUMNS.stream().filter(c -> !at.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(file + " line 1: the header lacks column(s) " + missing
                    + "; is this the base64-decoded output of `aws iam get-credential-report`?");
        }
        List<CredentialReportRow> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() == 1 && rec.get(0).isBlank()) {
                continue;
            }
            if (rec.size() < header.size()) {
                throw new InvalidInputException(file + " line " + (r + 1) + ": has " + rec.size()
                        + " fields, the header has " + header.size());
            }
            List<String> cells = new ArrayList<>(CredentialReportRow.COLUMNS.size());
            for (String column : CredentialReportRow.COLUMNS) {
                String v = rec.get(at.get(column));
                if (column.endsWith("_time") || column.endsWith("_last_used") || column.endsWith("_last_changed")
                        || column.endsWith("_next_rotation") || column.endsWith("_last_rotated")
                        || column.endsWith("_last_used_date")) {
                    checkTime(v, file, r + 1, column);
                }
                cells.add(v);
            }
            if (cells.get(0).isBlank()) {
                throw new InvalidInputException(file + " line " + (r + 1) + ": the user column is empty");
            }
            rows.add(new CredentialReportRow(cells));
        }
        return new CredentialReport(generated, rows);
    }

    /** Special values IAM writes instead of a time. */
    public static boolean isSpecial(String v) {
        return v.isEmpty() || v.equals("N/A") || v.equals("no_information") || v.equals("not_supported");
    }

    private static void checkTime(String v, String file, int line, String column) {
        if (!isSpecial(v) && Times.parse(v).isEmpty()) {
            throw new InvalidInputException(file + " line " + line + ": column " + column + " is \"" + v
                    + "\"; expected a time such as 2024-01-15T10:00:00+00:00, or N/A, no_information, not_supported");
        }
    }

    public static String write(CredentialReport report) {
        StringBuilder out = new StringBuilder(128 + report.rows().size() * 256);
        out.append(String.join(",", CredentialReportRow.COLUMNS)).append('\n');
        for (CredentialReportRow row : report.rows()) {
            for (int i = 0; i < row.cells().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(quote(row.cells().get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String quote(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0) {
            return v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    /** RFC 4180 records: quoted fields may hold commas, quotes ("") and newlines. */
    static List<List<String>> records(String csv, String file) {
        List<List<String>> out = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = csv.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                rec.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                rec.add(field.toString());
                field.setLength(0);
                out.add(rec);
                rec = new ArrayList<>();
                line++;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException(file + " line " + line + ": a quoted field is never closed");
        }
        if (field.length() > 0 || !rec.isEmpty()) {
            rec.add(field.toString());
            out.add(rec);
        }
        return out;
    }
}
