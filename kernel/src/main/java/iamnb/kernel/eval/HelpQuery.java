package iamnb.kernel.eval;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell asking for help rather than running code, as in IPython: {@code String?}, {@code ?List.of},
 * {@code acct.audit??}. The kernel answers it with the inspector's signature and Javadoc in the pager.
 *
 * <p>Only a whole cell that is one name (identifiers joined by dots, calls without arguments allowed on the
 * way, as in {@code Iam.demo().users}) counts. No valid Java cell starts or ends with {@code ?}, so this
 * never hides code a user meant to run; a ternary such as {@code a ? b : c} does not match.
 *
 * @param name what to look up, without the question marks and without a trailing {@code ()}
 */
public record HelpQuery(String name) {
    private static final String IDENTIFIER = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
    private static final String NAME = IDENTIFIER + "(?:\\(\\))?(?:\\s*\\.\\s*" + IDENTIFIER + "(?:\\(\\))?)*";
    private static final Pattern BEFORE = Pattern.compile("\\?{1,2}\\s*(" + NAME + ")");
    private static final Pattern AFTER = Pattern.compile("(" + NAME + ")\\s*\\?{1,2}");

    public HelpQuery {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a help query needs a name to look up");
        }
    }

    /** The help query a cell is, or empty when the cell is code (or anything else). */
    public static Optional<HelpQuery> parse(String cell) {
        String trimmed = cell.strip();
        Matcher matcher = BEFORE.matcher(trimmed);
        if (!matcher.matches()) {
            matcher = AFTER.matcher(trimmed);
            if (!matcher.matches()) {
                return Optional.empty();
            }
        }
        String name = matcher.group(1).replaceAll("\\s+", "");
        if (name.endsWith("()")) {
            name = name.substring(0, name.length() - 2); // documentation is looked up on the method name
        }
        return Optional.of(new HelpQuery(name));
    }
}
