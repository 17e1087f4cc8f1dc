package iamnb.kernel.eval;

/**
 * Finds a number glued to a name ({@code int 9x = 1;}), which JShell's completeness analysis calls complete
 * although no Java compiler accepts it: the front end's is_complete should answer {@code invalid} at once.
 *
 * <p>A small scanner, not a parser: it skips comments, string, text-block and char literals and names, reads
 * each number literal (decimal, hex, binary, octal, with underscores, fractions, exponents and a type
 * suffix) and reports the first one followed directly by a letter.
 */
final class MalformedNumbers {
    private MalformedNumbers() {}

    /** True when some number literal in {@code code} runs straight into a name, e.g. {@code 9x}. */
    static boolean present(String code) {
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (code.startsWith("//", i)) {
                i = skipTo(code, i + 2, "\n");
            } else if (code.startsWith("/*", i)) {
                i = skipTo(code, i + 2, "*/");
            } else if (code.startsWith("\"\"\"", i)) {
                i = skipTo(code, i + 3, "\"\"\"");
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(code, i + 1, c);
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < n && Character.isJavaIdentifierPart(code.charAt(i))) {
                    i++;
                }
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(code.charAt(i + 1)))) {
                i = endOfNumber(code, i);
                if (i < n && Character.isJavaIdentifierStart(code.charAt(i))) {
                    return true;
                }
            } else {
                i++;
            }
        }
        return false;
    }

    private static int skipTo(String code, int from, String end) {
        int at = code.indexOf(end, from);
        return at < 0 ? code.length() : at + end.length();
    }

    private static int skipQuoted(String code, int i, char quote) {
        while (i < code.length() && code.charAt(i) != quote && code.charAt(i) != '\n') {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, code.length());
    }

    private static int endOfNumber(String code, int i) {
        int n = code.length();
        boolean hex = code.startsWith("0x", i) || code.startsWith("0X", i);
        boolean binary = code.startsWith("0b", i) || code.startsWith("0B", i);
        if (hex || binary) {
            i += 2;
        }
        while (i < n) {
            char c = code.charAt(i);
            if (Character.isDigit(c) || c == '_' || c == '.' || (hex && "abcdefABCDEF".indexOf(c) >= 0)) {
                i++;
            } else if ((hex ? "pP" : "eE").indexOf(c) >= 0 && !binary) {
                i++;
                if (i < n && (code.charAt(i) == '+' || code.charAt(i) == '-')) {
                    i++;
                }
            } else {
                break;
            }
        }
        if (i < n && "lLfFdD".indexOf(code.charAt(i)) >= 0 && !(hex && "fFdD".indexOf(code.charAt(i)) >= 0)) {
            i++;
        }
        return i;
    }
}
