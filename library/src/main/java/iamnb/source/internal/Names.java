package iamnb.source.internal;

import iamnb.InvalidInputException;
import java.util.regex.Pattern;

/**
 * The naming rules of the services whose names and ids become file names in a snapshot folder, checked where
 * the name enters (a snapshot file, a live answer). A snapshot is someone else's input: a bucket called
 * {@code ../../x} must not make {@code save} write outside the folder, nor the reader open a file there.
 * Each check returns the name, or throws an {@link InvalidInputException} naming where it was found and the value.
 */
public final class Names {
    private Names() {}

    /**
     * S3 bucket names: 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or
     * digit; legacy us-east-1 names may also hold upper case and underscores and run to 255. Never {@code ..}.
     */
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]");
    /** Organizations: a root, an OU or a 12-digit account, each a possible policy target. */
    private static final Pattern ORG_TARGET = Pattern.compile(
            "r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|\\d{12}");
    /** Organizations policy ids; AWS-managed ones read like {@code p-FullAWSAccess}. */
    private static final Pattern ORG_POLICY = Pattern.compile("p-[0-9a-zA-Z_]{8,128}");

    public static String bucket(String name, String where) {
        return check(name, BUCKET, !name.contains(".."), where, "an S3 bucket name",
                "3-63 lower-case letters, digits, dots and hyphens");
    }

    public static String orgTarget(String id, String where) {
        return check(id, ORG_TARGET, true, where, "an Organizations root, OU or account id",
                "r-xxxx, ou-xxxx-xxxxxxxx or 12 digits");
    }

    public static String orgPolicyId(String id, String where) {
        return check(id, ORG_POLICY, true, where, "an Organizations policy id", "p- and 8 or more letters, digits or _");
    }

    /**
     * The last check before a value becomes one segment of a path we write: whatever the model holds, it may not
     * be empty, {@code .} or {@code ..}, nor hold a separator or a control character.
     */
    public static String pathSegment(String value, String what) {
        boolean ok = !value.isEmpty() && !value.equals(".") && !value.equals("..")
                && value.chars().noneMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f || c == ':');
        if (!ok) {
            throw new InvalidInputException(what + " \"" + printable(value) + "\" cannot name a file in a snapshot"
                    + " folder (it is empty, a dot name, or holds a path separator or control character); refused");
        }
        return value;
    }

    private static String check(String value, Pattern rule, boolean extra, String where, String what, String expected) {
        if (!rule.matcher(value).matches() || !extra) {
            throw new InvalidInputException(where + ": \"" + printable(value) + "\" is not " + what + " (expected "
                    + expected + "); refused, because it would name a file in the snapshot folder");
        }
        return value;
    }

    /** Control characters would garble a message; show them escaped. */
    private static String printable(String value) {
        StringBuilder b = new StringBuilder();
        value.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
