package iamnb.policy;

import static iamnb.policy.Golden.ACCT;
import static iamnb.policy.Golden.arnRole;
import static iamnb.policy.Golden.c;
import static iamnb.policy.Golden.policy;
import static iamnb.policy.Golden.raw;
import static iamnb.policy.Golden.versioned;
import static iamnb.policy.LayerKind.IDENTITY;
import static iamnb.policy.Verdict.ALLOW;
import static iamnb.policy.Verdict.IMPLICIT_DENY;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Golden cases for policy variables, versions and the context keys the engine derives. */
final class VariableGolden {
    static final String VARS = "IAM policy elements: Variables and tags";
    static final String VERSION = "IAM JSON policy elements: Version";
    static final String GLOBAL = "AWS global condition context keys";

    private VariableGolden() {}

    static List<Golden> cases() {
        String home = "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::home/${aws:username}/*'}";
        return List.of(
            c("${aws:username} in Resource: own folder").cite(VARS + " › Using variables in policies")
                .resource("arn:aws:s3:::home/alice/notes.txt").identity(policy(home)).expect(ALLOW, IDENTITY),
            c("${aws:username} in Resource: someone else's folder").cite(VARS + " › Using variables in policies")
                .resource("arn:aws:s3:::home/bob/notes.txt").identity(policy(home)).expect(IMPLICIT_DENY, IDENTITY),
            c("${aws:username} has no value for a role session").cite(VARS + " › Policy variables with no value; " + GLOBAL + " › aws:username")
                .session("alice", "alice").resource("arn:aws:s3:::home/alice/notes.txt").identity(policy(home)).expect(IMPLICIT_DENY, IDENTITY),
            c("variable key names are case-insensitive").cite(VARS + " › Specifying default values (key name is not case-sensitive)")
                .resource("arn:aws:s3:::home/alice/x")
                .identity(policy("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::home/${AWS:UserName}/*'}")).expect(ALLOW, IDENTITY),
            c("no substitution under Version 2008-10-17").cite(VERSION + " (policy variables need 2012-10-17)")
                .resource("arn:aws:s3:::home/alice/notes.txt").identity(versioned("2008-10-17", home)).expect(IMPLICIT_DENY, IDENTITY),
            c("under 2008-10-17 the variable is literal text").cite(VERSION + " (variables are treated as literal strings)")
                .resource("arn:aws:s3:::home/${aws:username}/notes.txt").identity(versioned("2008-10-17", home)).expect(ALLOW, IDENTITY),
            c("no Version means 2008-10-17: no substitution").cite(VERSION + " (if you do not include a Version element, the value defaults to 2008-10-17)")
                .resource("arn:aws:s3:::home/alice/notes.txt").identity(versioned("", home)).expect(IMPLICIT_DENY, IDENTITY),
            c("principal tag as a variable in a condition").cite(VARS + " › Tags as policy variables")
                .principal(RequestPrincipal.user(Golden.arnUser("alice")).withTags(Map.of("team", "blue"))).resourceTag("team", "blue")
                .identity(policy("{'Effect':'Allow','Action':'ec2:*','Resource':'*','Condition':{'StringEquals':{'aws:ResourceTag/team':'${aws:PrincipalTag/team}'}}}"))
                .action("ec2:StartInstances").resource("*").expect(ALLOW, IDENTITY),
            c("principal tag variable with another resource tag").cite(VARS + " › Tags as policy variables")
                .principal(RequestPrincipal.user(Golden.arnUser("alice")).withTags(Map.of("team", "blue"))).resourceTag("team", "red")
                .identity(policy("{'Effect':'Allow','Action':'ec2:*','Resource':'*','Condition':{'StringEquals':{'aws:ResourceTag/team':'${aws:PrincipalTag/team}'}}}"))
                .action("ec2:StartInstances").resource("*").expect(IMPLICIT_DENY, IDENTITY),
            c("principal tag variable without the tag matches nothing").cite(VARS + " › Policy variables with no value")
                .resourceTag("team", "blue")
                .identity(policy("{'Effect':'Allow','Action':'ec2:*','Resource':'*','Condition':{'StringEquals':{'aws:ResourceTag/team':'${aws:PrincipalTag/team}'}}}"))
                .action("ec2:StartInstances").resource("*").expect(IMPLICIT_DENY, IDENTITY),
            c("default value when the principal tag is missing").cite(VARS + " › Specifying default values")
                .resourceTag("team", "company-wide")
                .identity(raw("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team, 'company-wide'}\"}}}]}"))
                .action("ec2:StartInstances").resource("*").expect(ALLOW, IDENTITY),
            c("default value is not used when the tag exists").cite(VARS + " › Specifying default values")
                .principal(RequestPrincipal.user(Golden.arnUser("alice")).withTags(Map.of("team", "blue"))).resourceTag("team", "company-wide")
                .identity(raw("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team, 'company-wide'}\"}}}]}"))
                .action("ec2:StartInstances").resource("*").expect(IMPLICIT_DENY, IDENTITY),
            c("default value with a doubled quote").cite(VARS + " › Specifying default values (two single quotes)")
                .resource("arn:aws:s3:::b/o'brien/x")
                .identity(raw("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/${aws:PrincipalTag/x, 'o''brien'}/*\"}]}"))
                .expect(ALLOW, IDENTITY),
            c("${*} is a literal asterisk").cite(VARS + " › Special characters")
                .resource("arn:aws:s3:::b/x").identity(policy("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/${*}'}"))
                .expect(IMPLICIT_DENY, IDENTITY),
            c("${*} matches a key named *").cite(VARS + " › Special characters")
                .resource("arn:aws:s3:::b/*").identity(policy("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/${*}'}"))
                .expect(ALLOW, IDENTITY),
            c("${?} and ${$} are literal characters").cite(VARS + " › Special characters")
                .resource("arn:aws:s3:::b/what?$").identity(policy("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/what${?}${$}'}"))
                .expect(ALLOW, IDENTITY),
            c("${?} does not match another character").cite(VARS + " › Special characters")
                .resource("arn:aws:s3:::b/whatX").identity(policy("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/what${?}'}"))
                .expect(IMPLICIT_DENY, IDENTITY),
            c("${aws:userid} of a role session is ROLEID:session").cite(VARS + " › Request information that you can use for policy variables")
                .principal(RequestPrincipal.assumedRole(arnRole("app-role"), "s1").withUserId("AROAEXAMPLEID"))
                .resource("arn:aws:s3:::b/AROAEXAMPLEID:s1/x")
                .identity(policy("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/${aws:userid}/*'}")).expect(ALLOW, IDENTITY),
            c("${aws:PrincipalAccount} in Resource").cite(VARS + " › Request information that you can use for policy variables")
                .action("sqs:SendMessage").resource("arn:aws:sqs:us-east-1:" + ACCT + ":q")
                .identity(policy("{'Effect':'Allow','Action':'sqs:*','Resource':'arn:aws:sqs:*:${aws:PrincipalAccount}:*'}")).expect(ALLOW, IDENTITY),
            c("${aws:SourceIp} in a condition value").cite(VARS + " › Where you can use policy variables (Condition element)")
                .ctx("aws:SourceIp", "203.0.113.5").ctx("test:allowed-ip", "203.0.113.5")
                .identity(policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':{'test:allowed-ip':'${aws:SourceIp}'}}}"))
                .expect(ALLOW, IDENTITY),
            // derived context keys
            c("aws:PrincipalArn of a session is the role ARN").cite(GLOBAL + " › aws:PrincipalArn")
                .session("app-role", "s1")
                .identity(policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'ArnEquals':{'aws:PrincipalArn':'" + arnRole("app-role") + "'}}}"))
                .expect(ALLOW, IDENTITY),
            c("aws:PrincipalType of a session is AssumedRole").cite(GLOBAL + " › aws:PrincipalType")
                .session("app-role", "s1")
                .identity(policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:PrincipalType':'AssumedRole'}}}"))
                .expect(ALLOW, IDENTITY),
            c("aws:PrincipalType of a user is User").cite(GLOBAL + " › aws:PrincipalType")
                .identity(policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:PrincipalType':'AssumedRole'}}}"))
                .expect(IMPLICIT_DENY, IDENTITY),
            c("aws:ResourceAccount equals aws:PrincipalAccount").cite(GLOBAL + " › aws:ResourceAccount")
                .identity(policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:ResourceAccount':'${aws:PrincipalAccount}'}}}"))
                .expect(ALLOW, IDENTITY),
            c("the caller's value overrides a derived key").cite(GLOBAL + " (request context supplied by the caller)")
                .ctx("aws:PrincipalAccount", "999999999999")
                .identity(policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:PrincipalAccount':'" + ACCT + "'}}}"))
                .expect(IMPLICIT_DENY, IDENTITY),
            c("aws:CurrentTime from the request's time").cite(GLOBAL + " › aws:CurrentTime; IAM JSON policy elements: Condition operators › Date condition operators")
                .identity(policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'DateLessThan':{'aws:CurrentTime':'2025-01-01T00:00:00Z'}}}"))
                .at(Instant.parse("2024-06-01T00:00:00Z")).expect(ALLOW, IDENTITY),
            c("aws:CurrentTime after the end date").cite(GLOBAL + " › aws:CurrentTime")
                .identity(policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'DateLessThan':{'aws:CurrentTime':'2025-01-01T00:00:00Z'}}}"))
                .at(Instant.parse("2025-06-01T00:00:00Z")).expect(IMPLICIT_DENY, IDENTITY)
        );
    }
}
