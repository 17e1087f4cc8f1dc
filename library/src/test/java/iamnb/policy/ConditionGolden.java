package iamnb.policy;

import static iamnb.policy.Golden.c;
import static iamnb.policy.Golden.policy;
import static iamnb.policy.LayerKind.IDENTITY;
import static iamnb.policy.Verdict.ALLOW;
import static iamnb.policy.Verdict.IMPLICIT_DENY;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.model.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Golden cases for condition operators. Each row puts one condition in an Allow-everything identity policy:
 * the request is allowed exactly when the documentation says the condition holds.
 */
final class ConditionGolden {
    static final String OPS = "IAM JSON policy elements: Condition operators";
    static final String SETS = "Set operators for multivalued context keys";
    static final String MULTI = "Create a condition with multiple context keys or values";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] MISSING = null;

    private ConditionGolden() {}

    static String[] v(String... values) {
        return values;
    }

    /** One row: the condition {@code op: {key: policyValues}} against the request's values (null = key missing). */
    static Golden row(String name, String section, String op, String key, String[] policyValues,
                      String[] requestValues, boolean held) {
        ObjectNode st = JSON.createObjectNode();
        st.put("Effect", "Allow").put("Action", "*").put("Resource", "*");
        ArrayNode values = st.putObject("Condition").putObject(op).putArray(key);
        for (String pv : policyValues) {
            values.add(pv);
        }
        ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
        doc.putArray("Statement").add(st);
        Golden g = c(name).cite(OPS.equals(section) || section.startsWith("Set") || section.startsWith("Create")
                ? section : OPS + " › " + section)
                .identity(PolicyDocument.parse(doc.toString()));
        if (requestValues != null) {
            g.ctx(key, requestValues);
        }
        return g.expect(held ? ALLOW : IMPLICIT_DENY, IDENTITY);
    }

    static List<Golden> cases() {
        String s = "String condition operators";
        String n = "Numeric condition operators";
        String d = "Date condition operators";
        String b = "Boolean condition operators";
        String bin = "Binary condition operators";
        String ip = "IP address condition operators";
        String arn = "Amazon Resource Name (ARN) condition operators";
        String ifx = "...IfExists condition operators";
        String nul = "Condition operator to check existence of condition keys";
        String miss = "Condition operators (missing key: negated operators return true)";
        String role = "arn:aws:iam::111122223333:role/app-role";
        List<Golden> out = new ArrayList<>(List.of(
            row("StringEquals exact value", s, "StringEquals", "aws:PrincipalTag/team", v("blue"), v("blue"), true),
            row("StringEquals values are case-sensitive", s, "StringEquals", "aws:PrincipalTag/team", v("Blue"), v("blue"), false),
            row("condition key names are case-insensitive", "IAM JSON policy elements: Condition › condition key names are not case-sensitive",
                    "StringEquals", "AWS:SOURCEVPC", v("vpc-111bbb22"), v("vpc-111bbb22"), true),
            row("StringEquals several values are ORed", MULTI, "StringEquals", "aws:PrincipalTag/team", v("red", "blue"), v("blue"), true),
            row("StringEquals treats * literally", s, "StringEquals", "aws:PrincipalTag/team", v("*"), v("blue"), false),
            row("StringEquals on a missing key fails", OPS + " (missing key: the condition returns false)", "StringEquals", "aws:PrincipalTag/team", v("blue"), MISSING, false),
            row("StringNotEquals with another value holds", s, "StringNotEquals", "aws:RequestedRegion", v("eu-west-1"), v("us-east-1"), true),
            row("StringNotEquals with the same value fails", s, "StringNotEquals", "aws:RequestedRegion", v("eu-west-1"), v("eu-west-1"), false),
            row("StringNotEquals on a missing key holds", miss, "StringNotEquals", "aws:RequestedRegion", v("eu-west-1"), MISSING, true),
            row("StringNotEquals with several values: none may match", s, "StringNotEquals", "aws:RequestedRegion", v("eu-west-1", "us-east-1"), v("us-east-1"), false),
            row("StringEqualsIgnoreCase ignores case", s, "StringEqualsIgnoreCase", "aws:PrincipalTag/team", v("BLUE"), v("blue"), true),
            row("StringNotEqualsIgnoreCase with a case variant fails", s, "StringNotEqualsIgnoreCase", "aws:PrincipalTag/team", v("BLUE"), v("blue"), false),
            row("StringLike with *", s, "StringLike", "s3:prefix", v("home/alice/*"), v("home/alice/docs/a.txt"), true),
            row("StringLike with ?", s, "StringLike", "s3:prefix", v("home/?lice/"), v("home/alice/"), true),
            row("StringLike without a match", s, "StringLike", "s3:prefix", v("home/alice/*"), v("home/bob/a.txt"), false),
            row("StringLike is case-sensitive", s, "StringLike", "s3:prefix", v("home/Alice/*"), v("home/alice/x"), false),
            row("StringNotLike with a match fails", s, "StringNotLike", "s3:prefix", v("home/*"), v("home/alice"), false),
            row("StringNotLike on a missing key holds", miss, "StringNotLike", "s3:prefix", v("home/*"), MISSING, true),
            row("NumericEquals", n, "NumericEquals", "s3:max-keys", v("10"), v("10"), true),
            row("NumericNotEquals", n, "NumericNotEquals", "s3:max-keys", v("10"), v("11"), true),
            row("NumericLessThan below", n, "NumericLessThan", "s3:max-keys", v("10"), v("5"), true),
            row("NumericLessThan equal fails", n, "NumericLessThan", "s3:max-keys", v("10"), v("10"), false),
            row("NumericLessThanEquals equal", n, "NumericLessThanEquals", "s3:max-keys", v("10"), v("10"), true),
            row("NumericGreaterThan above", n, "NumericGreaterThan", "s3:max-keys", v("10"), v("10.5"), true),
            row("NumericGreaterThanEquals below fails", n, "NumericGreaterThanEquals", "s3:max-keys", v("10"), v("9"), false),
            row("Numeric with a non-number request value fails", n, "NumericLessThan", "s3:max-keys", v("10"), v("ten"), false),
            row("NumericLessThan on a missing key fails", OPS + " (missing key)", "NumericLessThan", "aws:MultiFactorAuthAge", v("3600"), MISSING, false),
            row("DateGreaterThan with ISO 8601", d, "DateGreaterThan", "aws:CurrentTime", v("2020-04-01T00:00:00Z"), v("2024-06-30T12:00:00Z"), true),
            row("DateLessThan with ISO 8601 fails after", d, "DateLessThan", "aws:CurrentTime", v("2020-06-30T00:00:00Z"), v("2024-06-30T12:00:00Z"), false),
            row("DateEquals epoch seconds against ISO 8601", d + " (epoch (UNIX) time)", "DateEquals", "aws:TokenIssueTime", v("1577836800"), v("2020-01-01T00:00:00Z"), true),
            row("DateLessThan with an epoch request value", d, "DateLessThan", "aws:EpochTime", v("2030-01-01T00:00:00Z"), v("1700000000"), true),
            row("DateLessThanEquals on the same instant", d, "DateLessThanEquals", "aws:CurrentTime", v("2024-01-01T00:00:00+00:00"), v("2024-01-01T01:00:00+01:00"), true),
            row("DateGreaterThanEquals before fails", d, "DateGreaterThanEquals", "aws:CurrentTime", v("2024-01-02"), v("2024-01-01T23:59:59Z"), false),
            row("DateNotEquals on a missing key holds", miss, "DateNotEquals", "aws:TokenIssueTime", v("2024-01-01T00:00:00Z"), MISSING, true),
            row("Bool true", b, "Bool", "aws:SecureTransport", v("true"), v("true"), true),
            row("Bool false against true fails", b, "Bool", "aws:SecureTransport", v("true"), v("false"), false),
            row("Bool on a missing MFA key fails", b + "; AWS global condition context keys › aws:MultiFactorAuthPresent", "Bool", "aws:MultiFactorAuthPresent", v("true"), MISSING, false),
            row("BinaryEquals same bytes", bin, "BinaryEquals", "test:binary", v("QmluYXJ5VmFsdWVJbkJhc2U2NA=="), v("QmluYXJ5VmFsdWVJbkJhc2U2NA=="), true),
            row("BinaryEquals other bytes", bin, "BinaryEquals", "test:binary", v("QmluYXJ5VmFsdWVJbkJhc2U2NA=="), v("T3RoZXI="), false),
            row("IpAddress IPv4 inside the CIDR", ip, "IpAddress", "aws:SourceIp", v("203.0.113.0/24"), v("203.0.113.77"), true),
            row("IpAddress IPv4 outside the CIDR", ip, "IpAddress", "aws:SourceIp", v("203.0.113.0/24"), v("203.0.114.1"), false),
            row("IpAddress IPv6 inside the CIDR", ip, "IpAddress", "aws:SourceIp", v("2001:DB8:1234:5678::/64"), v("2001:db8:1234:5678::abcd"), true),
            row("IpAddress IPv6 outside the CIDR", ip, "IpAddress", "aws:SourceIp", v("2001:DB8:1234:5678::/64"), v("2001:db8:1234:9999::1"), false),
            row("IpAddress mixing IPv4 and IPv6 values", ip, "IpAddress", "aws:SourceIp", v("203.0.113.0/24", "2001:DB8:1234:5678::/64"), v("2001:db8:1234:5678::1"), true),
            row("IpAddress single address without prefix", ip, "IpAddress", "aws:SourceIp", v("192.0.2.10"), v("192.0.2.10"), true),
            row("NotIpAddress outside holds", ip, "NotIpAddress", "aws:SourceIp", v("203.0.113.0/24"), v("198.51.100.1"), true),
            row("NotIpAddress inside fails", ip, "NotIpAddress", "aws:SourceIp", v("203.0.113.0/24"), v("203.0.113.1"), false),
            row("NotIpAddress on a missing key holds", miss, "NotIpAddress", "aws:SourceIp", v("203.0.113.0/24"), MISSING, true),
            row("IpAddress on a missing key fails", OPS + " (missing key)", "IpAddress", "aws:SourceIp", v("203.0.113.0/24"), MISSING, false),
            row("ArnEquals exact", arn, "ArnEquals", "aws:SourceArn", v("arn:aws:sns:us-east-1:111122223333:topic"), v("arn:aws:sns:us-east-1:111122223333:topic"), true),
            row("ArnLike with a wildcard account", arn, "ArnLike", "aws:PrincipalArn", v("arn:aws:iam::*:role/app-role"), v(role), true),
            row("ArnLike resource part may hold colons", arn, "ArnLike", "aws:SourceArn", v("arn:aws:s3:::b*/x"), v("arn:aws:s3:::bucket:extra/x"), true),
            row("ArnLike * in one part does not reach into the next", arn + " (each colon-delimited component checked separately)", "ArnLike", "aws:SourceArn", v("arn:aws:sns:us-*:topic"), v("arn:aws:sns:us-east-1:111122223333:topic"), false),
            row("ArnLike service part must match", arn, "ArnLike", "aws:PrincipalArn", v("arn:aws:sts::*:role/app-role"), v(role), false),
            row("ArnLike is case-sensitive", arn, "ArnLike", "aws:PrincipalArn", v("arn:aws:iam::*:role/App-Role"), v(role), false),
            row("ArnNotEquals with another ARN holds", arn, "ArnNotEquals", "aws:PrincipalArn", v("arn:aws:iam::111122223333:role/admin"), v(role), true),
            row("ArnNotLike with a match fails", arn, "ArnNotLike", "aws:PrincipalArn", v("arn:aws:iam::111122223333:role/*"), v(role), false),
            row("ArnEquals with a value that is not an ARN fails", arn, "ArnEquals", "aws:SourceArn", v("arn:aws:s3:::b"), v("not-an-arn"), false),
            row("Null true with the key missing", nul, "Null", "aws:TokenIssueTime", v("true"), MISSING, true),
            row("Null true with the key present", nul, "Null", "aws:TokenIssueTime", v("true"), v("2024-01-01T00:00:00Z"), false),
            row("Null false with the key present", nul, "Null", "aws:TokenIssueTime", v("false"), v("2024-01-01T00:00:00Z"), true),
            row("Null false with the key missing", nul, "Null", "aws:TokenIssueTime", v("false"), MISSING, false),
            row("StringEqualsIfExists with the key missing holds", ifx, "StringEqualsIfExists", "ec2:InstanceType", v("t2.micro"), MISSING, true),
            row("StringEqualsIfExists with another value fails", ifx, "StringEqualsIfExists", "ec2:InstanceType", v("t2.micro"), v("m5.large"), false),
            row("BoolIfExists with the MFA key missing holds", ifx, "BoolIfExists", "aws:MultiFactorAuthPresent", v("true"), MISSING, true),
            row("BoolIfExists with MFA false fails", ifx, "BoolIfExists", "aws:MultiFactorAuthPresent", v("true"), v("false"), false),
            row("NumericLessThanIfExists with a small value", ifx, "NumericLessThanIfExists", "aws:MultiFactorAuthAge", v("3600"), v("60"), true),
            row("ForAllValues with every request value listed", SETS + " › ForAllValues", "ForAllValues:StringEquals", "aws:TagKeys", v("Environment", "CostCenter"), v("Environment"), true),
            row("ForAllValues with an unlisted request value", SETS + " › ForAllValues", "ForAllValues:StringEquals", "aws:TagKeys", v("Environment", "CostCenter"), v("Environment", "Owner"), false),
            row("ForAllValues on a missing key holds", SETS + " › ForAllValues (returns true if there are no keys in the request)", "ForAllValues:StringEquals", "aws:TagKeys", v("Environment"), MISSING, true),
            row("ForAllValues on an empty set holds", SETS + " › ForAllValues (key values resolve to a null data set)", "ForAllValues:StringEquals", "aws:TagKeys", v("Environment"), v(), true),
            row("ForAllValues is case-sensitive like its operator", SETS + " › ForAllValues", "ForAllValues:StringEquals", "aws:TagKeys", v("Environment"), v("environment"), false),
            row("ForAllValues:StringLike", SETS + " › ForAllValues", "ForAllValues:StringLike", "aws:TagKeys", v("team-*"), v("team-a", "team-b"), true),
            row("ForAnyValue with one listed value", SETS + " › ForAnyValue", "ForAnyValue:StringEquals", "aws:TagKeys", v("Environment"), v("Owner", "Environment"), true),
            row("ForAnyValue with no listed value", SETS + " › ForAnyValue", "ForAnyValue:StringEquals", "aws:TagKeys", v("Environment"), v("Owner"), false),
            row("ForAnyValue on a missing key fails", SETS + " › ForAnyValue (returns false if there are no keys)", "ForAnyValue:StringEquals", "aws:TagKeys", v("Environment"), MISSING, false),
            row("ForAnyValue on an empty set fails", SETS + " › ForAnyValue", "ForAnyValue:StringEquals", "aws:TagKeys", v("Environment"), v(), false),
            row("ForAnyValue:StringNotEquals with one value outside the list", SETS + " › negated operators with set operators", "ForAnyValue:StringNotEquals", "aws:TagKeys", v("Environment"), v("Environment", "Owner"), true),
            row("ForAllValues:StringNotEquals with a listed value fails", SETS + " › negated operators with set operators", "ForAllValues:StringNotEquals", "aws:TagKeys", v("Environment"), v("Environment", "Owner"), false),
            row("ForAllValues:StringNotEquals with no listed value holds", SETS + " › negated operators with set operators", "ForAllValues:StringNotEquals", "aws:TagKeys", v("Environment"), v("Owner", "Team"), true),
            row("ForAnyValue:StringEqualsIfExists on a missing key holds", SETS + "; " + OPS + " › " + ifx, "ForAnyValue:StringEqualsIfExists", "aws:TagKeys", v("Environment"), MISSING, true)
        ));
        // Several keys in one operator are ANDed; several operators are ANDed (MULTI).
        out.add(c("two keys under one operator must both hold").cite(MULTI + " (multiple context keys are evaluated with AND)")
                .identity(policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:PrincipalTag/team':'blue','aws:PrincipalTag/env':'dev'}}}"))
                .ctx("aws:PrincipalTag/team", "blue").ctx("aws:PrincipalTag/env", "prod").expect(IMPLICIT_DENY, IDENTITY));
        out.add(c("two keys under one operator both holding").cite(MULTI)
                .identity(policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:PrincipalTag/team':'blue','aws:PrincipalTag/env':'dev'}}}"))
                .ctx("aws:PrincipalTag/team", "blue").ctx("aws:PrincipalTag/env", "dev").expect(ALLOW, IDENTITY));
        out.add(c("two operators must both hold").cite(MULTI + " (multiple condition operators are evaluated with AND)")
                .identity(policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'true'},'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}}"))
                .ctx("aws:SecureTransport", "true").ctx("aws:SourceIp", "198.51.100.7").expect(IMPLICIT_DENY, IDENTITY));
        out.add(c("two operators both holding").cite(MULTI)
                .identity(policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'true'},'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}}"))
                .ctx("aws:SecureTransport", "true").ctx("aws:SourceIp", "203.0.113.9").expect(ALLOW, IDENTITY));
        return out;
    }
}
