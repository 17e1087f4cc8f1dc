package iamnb.runbook.internal;

import iamnb.InvalidInputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Input checks of the runbook builders. Each message names the builder method, the value, IAM's rule and
 * the fix, because the reader is an analyst in a notebook cell, not a Java developer reading a stack trace.
 */
public final class Validate {
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** arn:PARTITION:iam::ACCOUNT:root | role/PATH/NAME | user/PATH/NAME */
    private static final Pattern PRINCIPAL_ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):(root|(role|user)/([\\w+=,.@-]+/)*([\\w+=,.@-]{1,64}))");
    private static final Pattern POLICY_ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):iam::(aws|\\d{12}):policy/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,128}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");
    private static final Pattern ACTION = Pattern.compile("\\*|[a-z0-9-]+:[A-Za-z0-9*?]+");
    private static final Pattern SNS_TOPIC_ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):sns:[a-z0-9-]+:\\d{12}:[\\w-]{1,256}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private Validate() {}

    /** What a principal ARN names: its partition, account and kind ({@code root}, {@code role}, {@code user}). */
    public record PrincipalArn(String arn, String partition, String accountId, String kind, String name) {}

    public static String roleName(String name, String where) {
        return entityName(name, 64, "role name", where);
    }

    public static String userName(String name, String where) {
        return entityName(name, 64, "user name", where);
    }

    public static String groupName(String name, String where) {
        return entityName(name, 128, "group name", where);
    }

    public static String policyName(String name, String where) {
        return entityName(name, 128, "policy name", where);
    }

    private static String entityName(String name, int max, String what, String where) {
        if (name == null || name.isEmpty()) {
            throw new InvalidInputException(where + ": the " + what + " is missing");
        }
        if (name.length() > max || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(where + ": \"" + name + "\" is not a valid IAM " + what + ": use 1-" + max
                    + " characters among letters, digits and + = , . @ _ -" + firstBad(name));
        }
        return name;
    }

    private static String firstBad(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!NAME.matcher(String.valueOf(c)).matches()) {
                return " (\"" + c + "\" at position " + (i + 1) + " is not allowed)";
            }
        }
        return name.length() > 64 ? " (it has " + name.length() + " characters)" : "";
    }

    public static String accountId(String id, String where) {
        if (id == null || !ACCOUNT_ID.matcher(id).matches()) {
            throw new InvalidInputException(where + ": \"" + id + "\" is not an AWS account id: use the 12 digits, e.g. \"222222222222\"");
        }
        return id;
    }

    /**
     * A principal to trust: an IAM role, user or account-root ARN, or a bare 12-digit account id (which means
     * that account's root, i.e. any principal its administrators allow).
     */
    public static PrincipalArn principal(String arnOrAccount, String where) {
        if (arnOrAccount != null && ACCOUNT_ID.matcher(arnOrAccount).matches()) {
            return principal("arn:aws:iam::" + arnOrAccount + ":root", where);
        }
        Matcher m = arnOrAccount == null ? null : PRINCIPAL_ARN.matcher(arnOrAccount);
        if (m == null || !m.matches()) {
            throw new InvalidInputException(where + ": \"" + arnOrAccount + "\" is not an IAM principal ARN: expected "
                    + "arn:aws:iam::<12-digit account>:role/NAME, :user/NAME or :root (or a bare 12-digit account id)"
                    + arnHint(arnOrAccount));
        }
        String kind = m.group(4) == null ? "root" : m.group(4);
        String name = m.group(6) == null ? "" : m.group(6);
        return new PrincipalArn(arnOrAccount, m.group(1), m.group(2), kind, name);
    }

    public static String policyArn(String arn, String where) {
        if (arn == null || !POLICY_ARN.matcher(arn).matches()) {
            throw new InvalidInputException(where + ": \"" + arn + "\" is not a managed policy ARN: expected "
                    + "arn:aws:iam::aws:policy/NAME (AWS managed) or arn:aws:iam::<12-digit account>:policy/NAME"
                    + arnHint(arn));
        }
        return arn;
    }

    private static String arnHint(String value) {
        if (value == null) {
            return "";
        }
        if (!value.startsWith("arn:")) {
            return "; it does not start with \"arn:\"";
        }
        String[] parts = value.split(":", 6);
        if (parts.length < 6) {
            return "; an ARN has six parts separated by \":\", this one has " + parts.length;
        }
        if (!parts[2].equals("iam")) {
            return "; the service part is \"" + parts[2] + "\", not \"iam\"";
        }
        if (!parts[3].isEmpty()) {
            return "; IAM ARNs have an empty region part (\"iam::\"), this one has \"" + parts[3] + "\"";
        }
        if (!parts[4].equals("aws") && !ACCOUNT_ID.matcher(parts[4]).matches()) {
            return "; the account part \"" + parts[4] + "\" is not 12 digits";
        }
        return "";
    }

    public static String externalId(String id, String where) {
        if (id == null || !EXTERNAL_ID.matcher(id).matches()) {
            throw new InvalidInputException(where + ": \"" + id + "\" is not a valid external id: use 2-1224 characters "
                    + "among letters, digits and + = , . @ : / _ -");
        }
        return id;
    }

    public static String accessKeyId(String id, String where) {
        if (id == null || !ACCESS_KEY_ID.matcher(id).matches()) {
            throw new InvalidInputException(where + ": \"" + id + "\" is not an access key id (AKIA... in capitals and digits)");
        }
        return id;
    }

    /** An IAM action such as {@code s3:GetObject} or {@code ec2:Describe*}. */
    public static String action(String action, String where) {
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new InvalidInputException(where + ": \"" + action + "\" is not an IAM action: expected service:Action, "
                    + "e.g. \"s3:GetObject\" or \"ec2:Describe*\"");
        }
        return action;
    }

    public static String snsTopicArn(String arn, String where) {
        if (arn == null || !SNS_TOPIC_ARN.matcher(arn).matches()) {
            throw new InvalidInputException(where + ": \"" + arn + "\" is not an SNS topic ARN: expected "
                    + "arn:aws:sns:REGION:ACCOUNT:TOPIC, e.g. arn:aws:sns:us-east-1:123456789012:break-glass-alerts");
        }
        return arn;
    }

    public static String bucketName(String name, String where) {
        if (name == null || !BUCKET.matcher(name).matches()) {
            throw new InvalidInputException(where + ": \"" + name + "\" is not an S3 bucket name: 3-63 lower-case letters, "
                    + "digits, dots and hyphens, starting and ending with a letter or digit");
        }
        return name;
    }

    /** A role's maximum session duration: IAM accepts 1 to 12 hours. */
    public static Duration maxSession(Duration d, String where) {
        if (d == null || d.compareTo(Duration.ofHours(1)) < 0 || d.compareTo(Duration.ofHours(12)) > 0
                || d.toSeconds() * 1_000_000_000L != d.toNanos()) {
            throw new InvalidInputException(where + ": " + d + " is not a valid maximum session duration: IAM accepts "
                    + "whole seconds from 1 hour (PT1H) to 12 hours (PT12H)");
        }
        return d;
    }
}
