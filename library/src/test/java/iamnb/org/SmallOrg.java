package iamnb.org;

import iamnb.model.AccountSnapshot;
import iamnb.model.InlinePolicy;
import iamnb.model.OrgAccount;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import iamnb.model.PolicyDocument;
import iamnb.model.Role;
import iamnb.source.InMemoryOrg;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small organization built by hand, one planted problem per organization check and a clean twin of each:
 *
 * <pre>
 * Root (FullAWSAccess, as every OU and account below)
 * ├── OU Prod   (DenyLeaveOrg)  111111111111 prod    roles: vendor-open → 777777777777 root, no condition
 * │                                                        vendor-extid → 888888888888 root, sts:ExternalId
 * │                                                        ops-from-shared → member 333333333333 root, no condition
 * │                                                        deploy-from-dev → member 222222222222 root, aws:PrincipalArn
 * ├── OU Dev    (DenyLeaveOrg)  222222222222 dev     roles: ci → member role 111111111111:role/deployer (named)
 * │                                                        dev-admin (inline "*" on "*": admin)
 * ├── OU Shared                 333333333333 shared  (DenyRegions attached to the account itself)
 * ├── 044444444444 legacy       (no Deny SCP anywhere on its path)
 * ├── 055555555555 closed       SUSPENDED, not collected
 * └── 999999999999 management   (SCPs never apply to it)
 * </pre>
 */
final class SmallOrg {
    static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    static final String PROD = "111111111111";
    static final String DEV = "222222222222";
    static final String SHARED = "333333333333";
    static final String LEGACY = "044444444444";
    static final String CLOSED = "055555555555";
    static final String MANAGEMENT = "999999999999";

    private SmallOrg() {}

    static Organization organization() {
        OrgPolicy full = scp("p-full", "FullAWSAccess", "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");
        OrgPolicy leave = scp("p-leave", "DenyLeaveOrg",
                "{\"Sid\":\"NoLeaving\",\"Effect\":\"Deny\",\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}");
        OrgPolicy regions = scp("p-regions", "DenyRegions", "{\"Sid\":\"EuOnly\",\"Effect\":\"Deny\",\"NotAction\":\"iam:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}}");
        List<OrgUnit> units = List.of(
                new OrgUnit("r-root", "", "Root", "", List.of("p-full")),
                new OrgUnit("ou-prod", "", "Prod", "r-root", List.of("p-full", "p-leave")),
                new OrgUnit("ou-dev", "", "Dev", "r-root", List.of("p-full", "p-leave")),
                new OrgUnit("ou-shared", "", "Shared", "r-root", List.of("p-full")));
        List<OrgAccount> accounts = List.of(
                account(PROD, "prod", "ACTIVE", "ou-prod"),
                account(DEV, "dev", "ACTIVE", "ou-dev"),
                new OrgAccount(SHARED, "", "shared", "", "ACTIVE", "ou-shared", List.of("p-full", "p-regions")),
                account(LEGACY, "legacy \"old\" ünits", "ACTIVE", "r-root"),
                account(CLOSED, "closed", "SUSPENDED", "r-root"),
                account(MANAGEMENT, "management", "ACTIVE", "r-root"));
        return new Organization("o-small12345", "", MANAGEMENT, "ALL", units, accounts, List.of(full, leave, regions));
    }

    static InMemoryOrg source() {
        Set<String> collected = Set.of(PROD, DEV, SHARED, LEGACY, MANAGEMENT);
        return new InMemoryOrg(organization(), collected, id -> "account is suspended", SmallOrg::snapshot, AS_OF,
                "small test organization");
    }

    static AccountSnapshot snapshot(String id) {
        AccountSnapshot.Builder b = AccountSnapshot.builder(id, AS_OF);
        switch (id) {
            case PROD:
                b.addRole(role(id, "vendor-open", trust("\"AWS\":\"arn:aws:iam::777777777777:root\"", "")));
                b.addRole(role(id, "vendor-extid", trust("\"AWS\":\"888888888888\"",
                        "{\"StringEquals\":{\"sts:ExternalId\":\"shared-secret-7\"}}")));
                b.addRole(role(id, "ops-from-shared", trust("\"AWS\":\"arn:aws:iam::" + SHARED + ":root\"", "")));
                b.addRole(role(id, "deploy-from-dev", trust("\"AWS\":\"arn:aws:iam::" + DEV + ":root\"",
                        "{\"ArnEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + DEV + ":role/ci\"}}")));
                b.addRole(role(id, "deployer", trust("\"Service\":\"codebuild.amazonaws.com\"", "")));
                break;
            case DEV:
                b.addRole(role(id, "ci", trust("\"AWS\":\"arn:aws:iam::" + PROD + ":role/deployer\"", "")));
                b.addRole(role(id, "dev-admin", trust("\"Service\":\"ec2.amazonaws.com\"", "")).toBuilder()
                        .addInlinePolicy(new InlinePolicy("everything", PolicyDocument.parse(
                                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")))
                        .build());
                break;
            default:
                break;
        }
        return b.build();
    }

    private static OrgPolicy scp(String id, String name, String statement) {
        return new OrgPolicy(id, "", name, "", OrgPolicy.SCP, id.equals("p-full"),
                PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}"));
    }

    private static OrgAccount account(String id, String name, String status, String parent) {
        return new OrgAccount(id, "", name, "", status, parent, List.of("p-full"));   // AWS keeps one SCP per node
    }

    private static PolicyDocument trust(String principal, String condition) {
        return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Trust\",\"Effect\":\"Allow\","
                + "\"Principal\":{" + principal + "},\"Action\":\"sts:AssumeRole\""
                + (condition.isEmpty() ? "" : ",\"Condition\":" + condition) + "}]}");
    }

    private static Role role(String account, String name, PolicyDocument trust) {
        return Role.builder(name, "arn:aws:iam::" + account + ":role/" + name).trustPolicy(trust)
                .created(AS_OF.minusSeconds(86_400L * 400)).tags(Map.of()).build();
    }
}
