package iamnb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArnsTest {
    @Test
    void account_whenIamArn_thenTheFifthField() {
        assertEquals("123456789012", Arns.account("arn:aws:iam::123456789012:role/app-role"));
        assertEquals("123456789012", Arns.account("arn:aws:iam::123456789012:root"));
    }

    @Test
    void account_whenNoAccountOrNotAnArn_thenEmpty() {
        assertEquals("", Arns.account("arn:aws:s3:::prod-data/x"));
        assertEquals("", Arns.account("app-role"));
        assertEquals("", Arns.account("arn:aws:iam:role/x"), "too few fields");
        assertEquals("", Arns.account("arn::iam::1:role/x"), "a blank partition, which the SDK's tryFromString throws on");
        assertEquals("", Arns.account(null));
    }

    @Test
    void iamName_whenArnOfThatType_thenLastPathSegment_elseTextUnchanged() {
        assertEquals("deploy", Arns.iamName("arn:aws:iam::123456789012:role/ci/deploy", "role"));
        assertEquals("deploy", Arns.iamName("deploy", "role"));
        assertEquals("arn:aws:iam::123456789012:user/deploy",
                Arns.iamName("arn:aws:iam::123456789012:user/deploy", "role"), "another type passes through");
    }

    @Test
    void iamPathAndName_whenPolicyOnAPath_thenKeepsThePath() {
        assertEquals("job-function/ViewOnlyAccess",
                Arns.iamPathAndName("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", "policy"));
        assertEquals("AdministratorAccess", Arns.iamPathAndName("arn:aws:iam::aws:policy/AdministratorAccess", "policy"));
    }

    @Test
    void resource_whenResourceHasColons_thenEverythingAfterTheFifthColon() {
        assertEquals("log-group:/aws/lambda/x:*", Arns.resource("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/x:*"));
        assertTrue(Arns.parse("not an arn").isEmpty());
    }
}
