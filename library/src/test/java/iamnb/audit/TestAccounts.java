package iamnb.audit;

import iamnb.Account;
import iamnb.model.AccountSnapshot;
import iamnb.model.AttachedPolicy;
import iamnb.model.InlinePolicy;
import iamnb.model.ManagedPolicy;
import iamnb.model.OrgAccount;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import iamnb.model.PolicyDocument;
import iamnb.model.Role;
import iamnb.model.User;
import java.time.Instant;
import java.util.List;

/** Small hand-built accounts for the audits' unit tests. */
final class TestAccounts {
    static final String ACCOUNT = "123456789012";
    static final String A = "arn:aws:iam::" + ACCOUNT + ":";
    static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    static final String ADMIN_JSON = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    static final ManagedPolicy ADMIN = ManagedPolicy.builder("AdministratorAccess",
            "arn:aws:iam::aws:policy/AdministratorAccess", doc(ADMIN_JSON)).build();

    private TestAccounts() {}

    static PolicyDocument doc(String json) {
        return PolicyDocument.parse(json, "test");
    }

    /** A one-statement policy document: {@code stmt("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"")}. */
    static PolicyDocument stmts(String... statements) {
        StringBuilder b = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < statements.length; i++) {
            b.append(i == 0 ? "" : ",").append('{').append(statements[i]).append('}');
        }
        return doc(b.append("]}").toString());
    }

    static ManagedPolicy customer(String name, PolicyDocument d) {
        return ManagedPolicy.builder(name, A + "policy/" + name, d).build();
    }

    static AttachedPolicy attach(ManagedPolicy p) {
        return new AttachedPolicy(p.name(), p.arn());
    }

    static User.Builder user(String name) {
        return User.builder(name, A + "user/" + name).userId("AIDA" + name.toUpperCase().replace("-", "").replace(".", ""));
    }

    static User.Builder userWithInline(String name, PolicyDocument d) {
        return user(name).addInlinePolicy(new InlinePolicy("inline-" + name, d));
    }

    static Role.Builder role(String name, String trustJson) {
        return Role.builder(name, A + "role/" + name).roleId("AROA" + name.toUpperCase().replace("-", ""))
                .trustPolicy(doc(trustJson));
    }

    static String serviceTrust(String service) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"" + service
                + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    static AccountSnapshot.Builder snapshot() {
        return AccountSnapshot.builder(ACCOUNT, AS_OF).policies(List.of(ADMIN));
    }

    static Account account(AccountSnapshot.Builder b) {
        return new Account(b.build(), "test");
    }

    /** An organization with the account under one OU carrying the given SCP (plus FullAWSAccess everywhere). */
    static Organization orgWithScp(PolicyDocument scp) {
        OrgPolicy full = new OrgPolicy("p-FullAWSAccess", "", "FullAWSAccess", "", OrgPolicy.SCP, true, doc(ADMIN_JSON));
        OrgPolicy guard = new OrgPolicy("p-guard", "", "guardrail", "", OrgPolicy.SCP, false, scp);
        List<OrgUnit> units = List.of(new OrgUnit("r-root", "", "Root", "", List.of(full.id())),
                new OrgUnit("ou-prod", "", "Production", "r-root", List.of(full.id(), guard.id())));
        List<OrgAccount> accounts = List.of(new OrgAccount(ACCOUNT, "", "prod", "a@example.com", "ACTIVE", "ou-prod",
                List.of(full.id())));
        return new Organization("o-test", "", "999999999999", "ALL", units, accounts, List.of(full, guard));
    }
}
