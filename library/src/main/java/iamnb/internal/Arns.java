package iamnb.internal;

import java.util.Optional;
import software.amazon.awssdk.arns.Arn;

/**
 * The library's ARN slicing, on top of the SDK's {@link Arn} parser: the account, the resource and the name an IAM
 * ARN ends in. Every helper accepts text that is not an ARN and answers "nothing" (an empty string, or the text
 * itself for {@link #iamName}) instead of failing, because the values come from policy documents and user input.
 * Not API for notebooks.
 */
public final class Arns {
    private Arns() {}

    /** The ARN, when {@code text} is one ({@code arn:partition:service:region:account:resource}). */
    public static Optional<Arn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Arn.tryFromString(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // tryFromString still throws for a blank partition or service ("arn::iam::...")
        }
    }

    /** The account id of an ARN ({@code arn:aws:iam::123456789012:role/x} gives {@code 123456789012}); else "". */
    public static String account(String text) {
        return parse(text).flatMap(Arn::accountId).orElse("");
    }

    /** The resource part of an ARN, everything after the fifth colon ({@code role/path/x}); else "". */
    public static String resource(String text) {
        return parse(text).map(Arn::resourceAsString).orElse("");
    }

    /** The last segment of a path-like name: {@code role/path/x} and {@code x} both give {@code x}. */
    public static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The path and name of an IAM resource of {@code type} ({@code arn:aws:iam::aws:policy/job-function/ViewOnlyAccess}
     * and {@code policy} give {@code job-function/ViewOnlyAccess}); otherwise {@code arn} unchanged.
     */
    public static String iamPathAndName(String arn, String type) {
        String resource = resource(arn);
        return resource.startsWith(type + "/") ? resource.substring(type.length() + 1) : arn;
    }

    /**
     * The name of an IAM resource of {@code type} ({@code role}, {@code user}, {@code group}, {@code policy}) when
     * {@code nameOrArn} is such an ARN ({@code arn:aws:iam::1:role/path/x} gives {@code x}); otherwise
     * {@code nameOrArn} unchanged, so a plain name passes through.
     */
    public static String iamName(String nameOrArn, String type) {
        String resource = resource(nameOrArn);
        return resource.startsWith(type + "/") ? lastSegment(resource) : nameOrArn;
    }
}
