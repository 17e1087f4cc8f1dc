package iamnb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {

    private static final String TRUST = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::111111111111:role/ci-pipeline"},
                "Action": "sts:AssumeRole",
                "Condition": {"StringEquals": {"sts:ExternalId": "prod-deploy-2024"}}
              }]
            }""";

    @Test
    void parse_whenStatementIsSingleObjectAndElementsAreStrings_thenListsOfOne() {
        PolicyDocument doc = PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}""");
        assertEquals(1, doc.statements().size());
        Statement s = doc.statements().get(0);
        assertEquals(List.of("*"), s.actions());
        assertEquals(List.of("*"), s.resources());
        assertTrue(s.isAllow());
        assertFalse(s.notAction());
        assertTrue(s.principal().isEmpty());
        assertEquals("#0", s.label());
    }

    @Test
    void parse_whenTrustPolicy_thenPrincipalAndConditionKept() {
        Statement s = PolicyDocument.parse(TRUST).statements().get(0);
        assertEquals(List.of("arn:aws:iam::111111111111:role/ci-pipeline"), s.principal().orElseThrow().aws());
        assertEquals(List.of(new Condition("StringEquals", "sts:ExternalId", List.of("prod-deploy-2024"))), s.conditions());
        assertFalse(s.hasResourceElement());
    }

    @Test
    void parse_whenUrlEncoded_thenEqualToDecoded() {
        String encoded = java.net.URLEncoder.encode(TRUST, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        assertEquals(PolicyDocument.parse(TRUST), PolicyDocument.parse(encoded));
    }

    @Test
    void parse_whenEncodedDocumentHasLiteralPlus_thenPlusIsKept() {
        String encoded = "%7B%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObject%22%2C"
                + "%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Aa+b%2F%2A%22%7D%7D";
        assertEquals(List.of("arn:aws:s3:::a+b/*"), PolicyDocument.parse(encoded).statements().get(0).resources());
    }

    @Test
    void parse_whenPrincipalIsStar_thenEveryone() {
        Statement s = PolicyDocument.parse("""
                {"Statement":[{"Effect":"Deny","NotPrincipal":"*","NotAction":["s3:*"],"NotResource":"arn:aws:s3:::x"}]}""")
                .statements().get(0);
        assertTrue(s.principal().orElseThrow().anyone());
        assertTrue(s.notPrincipal());
        assertTrue(s.notAction());
        assertTrue(s.notResource());
        assertTrue(s.isDeny());
    }

    @Test
    void parse_whenConditionValuesAreNumbersAndBooleans_thenText() {
        Statement s = PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":[{"Sid":"mfa","Effect":"Allow","Action":"sts:AssumeRole",
                 "Condition":{"Bool":{"aws:MultiFactorAuthPresent":true},"NumericLessThan":{"aws:MultiFactorAuthAge":3600}}}]}""")
                .statements().get(0);
        assertEquals("mfa", s.label());
        assertEquals(List.of("true"), s.conditions().get(0).values());
        assertEquals(List.of("3600"), s.conditions().get(1).values());
    }

    @Test
    void parse_whenVersionAbsent_thenNoVariables() {
        assertFalse(PolicyDocument.parse("{\"Statement\":[]}").supportsVariables());
        assertTrue(PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[]}").supportsVariables());
    }

    @Test
    void parse_whenInvalidJson_thenErrorNamesOriginAndLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PolicyDocument.parse("{\n\"Statement\": [\n}", "trust.json"));
        assertTrue(e.getMessage().startsWith("trust.json: not valid JSON at line 3"), e.getMessage());
    }

    @Test
    void parse_whenEffectMisspelled_thenErrorNamesJsonPath() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PolicyDocument.parse(
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\"},{\"Effect\":\"allow\",\"Action\":\"*\"}]}", "p"));
        assertEquals("p: $.Statement[1].Effect is \"allow\"; IAM accepts exactly \"Allow\" or \"Deny\"", e.getMessage());
    }

    @Test
    void parse_whenBothActionAndNotAction_thenError() {
        assertThrows(InvalidInputException.class, () -> PolicyDocument.parse(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotAction\":\"s3:*\"}}"));
    }

    @Test
    void toMimeBundle_whenRendered_thenIndentedTextAndJson() {
        PolicyDocument doc = PolicyDocument.parse(TRUST);
        var bundle = doc.toMimeBundle();
        assertTrue(bundle.get("text/plain").toString().contains("\n  \"Statement\" : [ {"), bundle.toString());
        assertEquals(doc.json(), bundle.get("application/json"));
    }
}
