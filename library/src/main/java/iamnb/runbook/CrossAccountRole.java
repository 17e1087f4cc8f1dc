package iamnb.runbook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.InvalidInputException;
import iamnb.internal.Arns;
import iamnb.model.AccountView;
import iamnb.model.PolicyDocument;
import iamnb.runbook.internal.Json;
import iamnb.runbook.internal.Validate.PrincipalArn;
import iamnb.runbook.internal.Validate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;

/**
 * The seed's "Cross-Account Role Setup": a role in this account (B) that a principal of another account (A)
 * may assume, guarded by an external id. The plan creates the role with its trust policy, attaches the
 * permission policies, then lists what happens in account A (an inline policy letting the CI role call
 * {@code sts:AssumeRole} on the new role) and the test assumption, as manual steps.
 *
 * <pre>{@code
 * Runbooks.crossAccountRole("cross-account-deploy")
 *         .trusting("arn:aws:iam::111111111111:role/ci-pipeline")
 *         .externalId("prod-deploy-2024")
 *         .attach("arn:aws:iam::aws:policy/AmazonECS_FullAccess")
 *         .inAccount("222222222222")
 *         .plan();
 * }</pre>
 *
 * <p>An external id is required: without one, anybody who can make account A's principal assume roles on
 * their behalf (a confused deputy) reaches this role. Waive it explicitly with {@link #withoutExternalId()}.
 */
public final class CrossAccountRole {
    /** Shown where the target account id is needed but not given. */
    public static final String ACCOUNT_PLACEHOLDER = "TARGET_ACCOUNT_ID";

    private final String roleName;
    private final Optional<AccountView> account;
    private String accountId;
    private final List<PrincipalArn> trusted = new ArrayList<>();
    private String externalId;
    private boolean externalIdWaived;
    private final List<String> policyArns = new ArrayList<>();
    private Duration maxSession;
    private String description;
    private String sourcePolicyName = "assume-target-account";
    private String sessionName = "test-session";

    CrossAccountRole(String roleName, Optional<AccountView> account) {
        this.roleName = Validate.roleName(roleName, "crossAccountRole(roleName)");
        this.account = account;
        this.accountId = account.map(AccountView::accountId).orElse(null);
    }

    /**
     * A principal of the other account that may assume the role: a role or user ARN, an account root ARN, or a
     * bare 12-digit account id (its root). Call again to trust several.
     */
    public CrossAccountRole trusting(String principalArnOrAccountId) {
        trusted.add(Validate.principal(principalArnOrAccountId, "trusting(...)"));
        return this;
    }

    /** The secret-ish value the other account must pass to {@code sts:AssumeRole} ({@code sts:ExternalId}). */
    public CrossAccountRole externalId(String externalId) {
        this.externalId = Validate.externalId(externalId, "externalId(...)");
        this.externalIdWaived = false;
        return this;
    }

    /**
     * Trusts the principals without an external id. Only for principals you control end to end (your own CI in
     * your own organization); third parties acting for several customers must use one.
     */
    public CrossAccountRole withoutExternalId() {
        this.externalId = null;
        this.externalIdWaived = true;
        return this;
    }

    /** A managed policy to attach (what the role may do). Call again to attach several. */
    public CrossAccountRole attach(String policyArn) {
        policyArns.add(Validate.policyArn(policyArn, "attach(...)"));
        return this;
    }

    /** The id of the account the role is created in (account B), used in the role ARN the other account needs. */
    public CrossAccountRole inAccount(String accountId) {
        this.accountId = Validate.accountId(accountId, "inAccount(...)");
        return this;
    }

    /** The role's maximum session duration (1 to 12 hours); IAM's default of 1 hour when not set. */
    public CrossAccountRole maxSession(Duration maxSession) {
        this.maxSession = Validate.maxSession(maxSession, "maxSession(...)");
        return this;
    }

    public CrossAccountRole description(String description) {
        if (description != null && description.length() > 1000) {
            throw new InvalidInputException("description(...): IAM role descriptions are at most 1000 characters, this one has "
                    + description.length());
        }
        this.description = description;
        return this;
    }

    /** The name of the inline policy put on the trusted role or user in account A ({@code assume-target-account}). */
    public CrossAccountRole sourcePolicyName(String name) {
        this.sourcePolicyName = Validate.policyName(name, "sourcePolicyName(...)");
        return this;
    }

    /** The session name of the test assumption ({@code test-session}). */
    public CrossAccountRole testSessionName(String name) {
        if (name == null || !name.matches("[\\w+=,.@-]{2,64}")) {
            throw new InvalidInputException("testSessionName(...): \"" + name + "\" is not a role session name: 2-64 "
                    + "characters among letters, digits and + = , . @ _ -");
        }
        this.sessionName = name;
        return this;
    }

    private void checkComplete() {
        if (trusted.isEmpty()) {
            throw new InvalidInputException("cross-account role " + roleName + ": nobody is trusted yet; call "
                    + ".trusting(\"arn:aws:iam::111111111111:role/ci-pipeline\") with the other account's principal");
        }
        if (externalId == null && !externalIdWaived) {
            throw new InvalidInputException("cross-account role " + roleName + " has no external id: call "
                    + ".externalId(\"prod-deploy-2024\") (the value the other account passes to sts:AssumeRole), or waive "
                    + "it explicitly with .withoutExternalId() if the trusted principal is yours end to end");
        }
    }

    private String partition() {
        return trusted.isEmpty() ? "aws" : trusted.get(0).partition();
    }

    /** The ARN the new role will have. */
    public String roleArn() {
        return "arn:" + partition() + ":iam::" + (accountId == null ? ACCOUNT_PLACEHOLDER : accountId) + ":role/" + roleName;
    }

    /** The trust policy: the trusted principals may {@code sts:AssumeRole}, with the external id when set. */
    public PolicyDocument trustPolicy() {
        checkComplete();
        return PolicyDocument.parse(trustJson(), "trust policy of " + roleName);
    }

    private String trustJson() {
        ObjectNode statement = Json.object();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").set("AWS", Json.oneOrMany(trusted.stream().map(PrincipalArn::arn).toList()));
        statement.put("Action", "sts:AssumeRole");
        if (externalId != null) {
            statement.putObject("Condition").putObject("StringEquals").put("sts:ExternalId", externalId);
        }
        ObjectNode doc = Json.object();
        doc.put("Version", PolicyDocument.VERSION_2012);
        doc.putArray("Statement").add(statement);
        return Json.pretty(doc);
    }

    /** The policy account A puts on its principal so it may assume the new role. */
    public PolicyDocument sourceAssumePolicy() {
        return PolicyDocument.parse(sourceJson(), "assume policy for " + roleName);
    }

    private String sourceJson() {
        ObjectNode statement = Json.object();
        statement.put("Effect", "Allow");
        statement.put("Action", "sts:AssumeRole");
        statement.put("Resource", roleArn());
        ObjectNode doc = Json.object();
        doc.put("Version", PolicyDocument.VERSION_2012);
        doc.putArray("Statement").add(statement);
        return Json.pretty(doc);
    }

    /** The plan: create the role, attach its policies, then account A's steps (manual). */
    public Plan plan() {
        checkComplete();
        List<String> warnings = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        String trustedText = String.join(", ", trusted.stream().map(PrincipalArn::arn).toList());

        CreateRoleRequest create = CreateRoleRequest.builder()
                .roleName(roleName)
                .assumeRolePolicyDocument(trustJson())
                .description(description)
                .maxSessionDuration(maxSession == null ? null : Math.toIntExact(maxSession.toSeconds()))
                .build();
        steps.add(Step.call(create, "Create the role " + roleName + " in "
                + (accountId == null ? "this account" : "account " + accountId) + ", assumable by " + trustedText
                + (externalId == null ? " (no external id: waived)" : " only with external id " + externalId) + "."));
        for (String arn : policyArns) {
            steps.add(Step.call("iam:AttachRolePolicy", params("RoleName", roleName, "PolicyArn", arn),
                    "Attach " + Arns.iamPathAndName(arn, "policy") + " to the role: what the other account may do here."));
        }
        if (policyArns.isEmpty()) {
            warnings.add("no policy is attached: the role can be assumed but may do nothing; call .attach(policyArn)");
        }
        for (PrincipalArn p : trusted) {
            String where = "In account " + p.accountId() + " (the trusted side, not this one): ";
            switch (p.kind()) {
                case "role" -> steps.add(Step.manual("iam:PutRolePolicy",
                        params("RoleName", p.name(), "PolicyName", sourcePolicyName, "PolicyDocument", sourceJson()),
                        where + "allow the role " + p.name() + " to assume " + roleArn() + ". Run it with that account's credentials."));
                case "user" -> steps.add(Step.manual("iam:PutUserPolicy",
                        params("UserName", p.name(), "PolicyName", sourcePolicyName, "PolicyDocument", sourceJson()),
                        where + "allow the user " + p.name() + " to assume " + roleArn() + ". Run it with that account's credentials."));
                default -> steps.add(Step.manual("", params("PolicyDocument", sourceJson()),
                        where + "the account is trusted as a whole, so its administrators decide which of their roles may "
                                + "assume " + roleArn() + ": they attach this policy to those roles."));
            }
        }
        PrincipalArn first = trusted.get(0);
        Map<String, String> assume = new LinkedHashMap<>();
        assume.put("RoleArn", roleArn());
        assume.put("RoleSessionName", sessionName);
        if (externalId != null) {
            assume.put("ExternalId", externalId);
        }
        steps.add(Step.manual("sts:AssumeRole", assume, "Test the assumption from account " + first.accountId()
                + (first.kind().equals("root") ? "" : " as " + first.name())
                + ": it must succeed" + (externalId == null ? "." : ", and fail without --external-id.")));

        if (accountId == null) {
            warnings.add("the target account id is unknown, so account " + first.accountId() + "'s steps name "
                    + roleArn() + ": call .inAccount(\"222222222222\") or Runbooks.crossAccountRole(acct, \"" + roleName + "\")");
        }
        for (PrincipalArn p : trusted) {
            if (p.accountId().equals(accountId)) {
                warnings.add(p.arn() + " is in this same account " + accountId + ": that is not cross-account trust");
            }
        }
        if (externalIdWaived) {
            warnings.add("no external id (waived): any caller that can act as " + trustedText + " can assume the role");
        }
        account.flatMap(a -> a.findRole(roleName)).ifPresent(r -> warnings.add("account " + accountId + " already has a role "
                + roleName + " (as of " + account.get().asOf() + "): " + alreadyExists("CreateRole (step 1)", "role",
                "another role name", 2, "to keep the existing role and its trust policy")));
        return Plan.of("Cross-account role " + roleName + ", trusted by " + trustedText, steps, warnings);
    }

    /**
     * Why a create call of a plan will fail, and what to do: names are unique in an account, and the plan was
     * made from a snapshot of that account, which already has the name.
     */
    static String alreadyExists(String call, String what, String rename, int next, String skipped) {
        return call + " will fail with EntityAlreadyExists: the snapshot this plan was made from already has a "
                + what + " of that name, and names are unique in an account. Choose " + rename
                + ", or skip the step with apply(iam, o -> o.startAt(" + next + ")) " + skipped;
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
