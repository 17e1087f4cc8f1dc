package iamnb.runbook;

import static iamnb.internal.Html.escape;

import iamnb.internal.SafeMarkup;
import iamnb.runbook.internal.Json;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Text, HTML and shell renderings shared by {@link Plan} and {@link ApplyReport}. */
final class Render {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@,+%-]+");

    private Render() {}

    /** {@code iam:CreateRole} → {@code aws iam create-role --role-name ... }, one option per line. */
    static String cliCommand(Step step) {
        String service = step.action().substring(0, step.action().indexOf(':'));
        String op = step.action().substring(step.action().indexOf(':') + 1);
        StringBuilder s = new StringBuilder("aws ").append(service).append(' ').append(kebab(op));
        for (Map.Entry<String, String> e : step.parameters().entrySet()) {
            String option = "--" + kebab(e.getKey());
            String value = e.getValue();
            s.append(" \\\n    ");
            if (value.equals("true")) {
                s.append(option);
            } else if (value.equals("false")) {
                s.append("--no-").append(option.substring(2));
            } else {
                s.append(option).append(' ').append(shellQuote(Json.isObject(value) ? Json.compact(value) : value));
            }
        }
        return s.toString();
    }

    /** {@code AssumeRolePolicyDocument} → {@code assume-role-policy-document}; {@code S3BucketName} → {@code s3-bucket-name}. */
    static String kebab(String camel) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLowerOrDigit = i > 0 && (Character.isLowerCase(camel.charAt(i - 1)) || Character.isDigit(camel.charAt(i - 1)));
                boolean acronymEnd = i > 0 && Character.isUpperCase(camel.charAt(i - 1))
                        && i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                if (prevLowerOrDigit || acronymEnd) {
                    s.append('-');
                }
                s.append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    static String shellQuote(String value) {
        if (!value.isEmpty() && SHELL_SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** Parameters as {@code Name: value} lines, multi-line values (documents) indented under their name. */
    static String parametersText(Map<String, String> params, String indent) {
        StringBuilder s = new StringBuilder();
        params.forEach((k, v) -> {
            if (v.contains("\n")) {
                s.append(indent).append(k).append(":\n");
                for (String line : v.split("\n", -1)) {
                    s.append(indent).append("  ").append(line).append('\n');
                }
            } else {
                s.append(indent).append(k).append(": ").append(v).append('\n');
            }
        });
        return s.toString();
    }

    /**
     * Table headers, left-aligned over text columns (all but a leading "#"); the long-text ones ("Parameters",
     * "Detail", "What it does") keep a minimum width when the notebook's sanitizer strips styles (see SafeMarkup).
     */
    static String headers(String... names) {
        StringBuilder s = new StringBuilder();
        for (String name : names) {
            if (name.equals("#")) {
                s.append("<th>#</th>");
                continue;
            }
            boolean wide = name.equals("Parameters") || name.equals("Detail") || name.equals("What it does");
            s.append("<th").append(wide ? SafeMarkup.textColumnWidth() : "").append(" style=\"text-align:left\">")
                    .append(SafeMarkup.left(escape(name))).append("</th>");
        }
        return s.toString();
    }

    /** A table cell of text (already HTML), left-aligned and top-aligned in every front end. */
    static String textCell(String html) {
        return "<td valign=\"top\" style=\"text-align:left\">" + SafeMarkup.left(html) + "</td>";
    }

    /** Parameters as an HTML definition list, documents in {@code <pre>}. */
    static String parametersHtml(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<dl style=\"margin:0\">");
        params.forEach((k, v) -> {
            s.append("<dt><code>").append(escape(k)).append("</code></dt><dd style=\"margin-left:1em\">");
            if (v.contains("\n")) {
                s.append("<pre style=\"margin:0;text-align:left\">").append(escape(v)).append("</pre>");
            } else {
                s.append("<code>").append(escape(v)).append("</code>");
            }
            s.append("</dd>");
        });
        return s.append("</dl>").toString();
    }

    /** "3", "3 and 4", "3, 4 and 6". */
    static String numbers(List<Integer> numbers) {
        if (numbers.size() == 1) {
            return String.valueOf(numbers.get(0));
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            s.append(i == 0 ? "" : i == numbers.size() - 1 ? " and " : ", ").append(numbers.get(i));
        }
        return s.toString();
    }
}
