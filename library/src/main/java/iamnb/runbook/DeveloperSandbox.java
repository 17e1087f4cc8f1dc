package iamnb.runbook;

import static iamnb.runbook.CrossAccountRole.params;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.InvalidInputException;
import iamnb.model.AccountView;
import iamnb.model.PolicyDocument;
import iamnb.runbook.internal.Json;
import iamnb.runbook.internal.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seed's "Permission Boundaries for Developer Sandboxes": a boundary policy ({@code dev-boundary.json}:
 * the allowed services, no production-tagged resources, no dangerous IAM/Organizations/account actions) and a
 * developer policy ({@code dev-policy.json}: create and manage roles named with the sandbox prefix only when the
 * boundary is attached, and pass them to Lambda only), generated for one account and prefix.
 *
 * <pre>{@code
 * var sandbox = Runbooks.developerSandbox(acct).rolePrefix("dev-").grantToGroup("developers");
 * sandbox.boundary();          // PolicyDocument
 * sandbox.developerPolicy();   // PolicyDocument
 * sandbox.plan();              // iam:CreatePolicy x2, iam:AttachGroupPolicy
 * }</pre>
 */
public final class DeveloperSandbox {
    /** The seed's allowed services. */
    public static final List<String> SEED_SERVICES = List.of("s3", "dynamodb", "lambda", "sqs", "sns", "logs",
            "cloudwatch", "xray");

    private final Optional<AccountView> account;
    private final String accountId;
    private String rolePrefix = "dev-";
    private String boundaryName = "dev-sandbox-boundary";
    private String developerPolicyName = "dev-sandbox-developer";
    private List<String> services = SEED_SERVICES;
    private final List<String> groups = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();

    DeveloperSandbox(String accountId, Optional<AccountView> account) {
        this.accountId = Validate.accountId(accountId, "developerSandbox(accountId)");
        this.account = account;
    }

    /** The prefix of the role names developers may create ({@code dev-}: roles {@code dev-*}). */
    public DeveloperSandbox rolePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.length() > 63 || !prefix.matches("[\\w+=,.@-]+")) {
            throw new InvalidInputException("rolePrefix(...): \"" + prefix + "\" cannot start role names: use 1-63 "
                    + "characters among letters, digits and + = , . @ _ - (no wildcard; the policy adds the *)");
        }
        this.rolePrefix = prefix;
        return this;
    }

    /** The name of the boundary policy ({@code dev-sandbox-boundary}). */
    public DeveloperSandbox boundaryName(String name) {
        this.boundaryName = Validate.policyName(name, "boundaryName(...)");
        return this;
    }

    /** The name of the developer policy ({@code dev-sandbox-developer}). */
    public DeveloperSandbox developerPolicyName(String name) {
        this.developerPolicyName = Validate.policyName(name, "developerPolicyName(...)");
        return this;
    }

    /** The services roles under the boundary may use (service prefixes such as {@code s3}, {@code dynamodb}). */
    public DeveloperSandbox allowedServices(String... services) {
        if (services.length == 0) {
            throw new InvalidInputException("allowedServices(...): give at least one service prefix, e.g. \"s3\"");
        }
        for (String s : services) {
            if (s == null || !s.matches("[a-z0-9-]+")) {
                throw new InvalidInputException("allowedServices(...): \"" + s + "\" is not a service prefix such as "
                        + "\"s3\" or \"dynamodb\" (the part before the colon of an action)");
            }
            if (s.equals("iam") || s.equals("organizations") || s.equals("sts")) {
                throw new InvalidInputException("allowedServices(...): \"" + s + "\" would let sandbox roles manage "
                        + "identities, which is what the boundary exists to prevent");
            }
        }
        this.services = List.of(services);
        return this;
    }

    /** Attaches the developer policy to this group (call again for several). */
    public DeveloperSandbox grantToGroup(String groupName) {
        groups.add(Validate.groupName(groupName, "grantToGroup(...)"));
        return this;
    }

    /** Attaches the developer policy to this role, e.g. the developers' SSO role (call again for several). */
    public DeveloperSandbox grantToRole(String roleName) {
        roles.add(Validate.roleName(roleName, "grantToRole(...)"));
        return this;
    }

    public String boundaryArn() {
        return "arn:aws:iam::" + accountId + ":policy/" + boundaryName;
    }

    public String developerPolicyArn() {
        return "arn:aws:iam::" + accountId + ":policy/" + developerPolicyName;
    }

    /** The roles developers may create: {@code arn:aws:iam::ACCOUNT:role/PREFIX*}. */
    public String sandboxRoles() {
        return "arn:aws:iam::" + accountId + ":role/" + rolePrefix + "*";
    }

    /** The seed's {@code dev-boundary.json}. */
    public PolicyDocument boundary() {
        return PolicyDocument.parse(boundaryJson(), "boundary " + boundaryName);
    }

    private String boundaryJson() {
        ObjectNode allowed = Json.object();
        allowed.put("Sid", "AllowedServices");
        allowed.put("Effect", "Allow");
        allowed.set("Action", Json.array(services.stream().map(s -> s + ":*").toList()));
        allowed.put("Resource", "*");

        ObjectNode production = Json.object();
        production.put("Sid", "DenyProductionResources");
        production.put("Effect", "Deny");
        production.put("Action", "*");
        production.put("Resource", "*");
        production.putObject("Condition").putObject("StringEquals").put("aws:ResourceTag/Environment", "production");

        ObjectNode dangerous = Json.object();
        dangerous.put("Sid", "DenyDangerousActions");
        dangerous.put("Effect", "Deny");
        dangerous.set("Action", Json.array(List.of("iam:CreateUser", "iam:DeleteRole", "iam:DeletePolicy",
                "organizations:*", "account:*")));
        dangerous.put("Resource", "*");

        ObjectNode doc = Json.object();
        doc.put("Version", PolicyDocument.VERSION_2012);
        ArrayNode statements = doc.putArray("Statement");
        statements.add(allowed).add(production).add(dangerous);
        return Json.pretty(doc);
    }

    /** The seed's {@code dev-policy.json}. */
    public PolicyDocument developerPolicy() {
        return PolicyDocument.parse(developerJson(), "developer policy " + developerPolicyName);
    }

    private String developerJson() {
        ObjectNode create = Json.object();
        create.put("Sid", "AllowCreateRoleWithBoundary");
        create.put("Effect", "Allow");
        create.set("Action", Json.array(List.of("iam:CreateRole", "iam:AttachRolePolicy", "iam:PutRolePolicy")));
        create.put("Resource", sandboxRoles());
        create.putObject("Condition").putObject("StringEquals").put("iam:PermissionsBoundary", boundaryArn());

        ObjectNode pass = Json.object();
        pass.put("Sid", "AllowPassRoleForLambda");
        pass.put("Effect", "Allow");
        pass.put("Action", "iam:PassRole");
        pass.put("Resource", sandboxRoles());
        pass.putObject("Condition").putObject("StringEquals").put("iam:PassedToService", "lambda.amazonaws.com");

        ObjectNode doc = Json.object();
        doc.put("Version", PolicyDocument.VERSION_2012);
        doc.putArray("Statement").add(create).add(pass);
        return Json.pretty(doc);
    }

    /** Create the boundary, create the developer policy, attach it to the chosen groups and roles. */
    public Plan plan() {
        List<String> warnings = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        steps.add(Step.call("iam:CreatePolicy", params("PolicyName", boundaryName, "PolicyDocument", boundaryJson(),
                        "Description", "Permissions boundary for developer sandbox roles " + rolePrefix + "*"),
                "Create the boundary: sandbox roles may use " + String.join(", ", services)
                        + ", never production-tagged resources, never create users or delete roles and policies."));
        steps.add(Step.call("iam:CreatePolicy", params("PolicyName", developerPolicyName, "PolicyDocument",
                        developerJson(), "Description", "Developers create " + rolePrefix + "* roles only with the "
                                + boundaryName + " boundary"),
                "Create the developer policy: create and manage roles " + rolePrefix + "* only with the boundary "
                        + "attached, and pass them to Lambda only."));
        for (String g : groups) {
            steps.add(Step.call("iam:AttachGroupPolicy", params("GroupName", g, "PolicyArn", developerPolicyArn()),
                    "Grant the developer policy to the group " + g + "."));
        }
        for (String r : roles) {
            steps.add(Step.call("iam:AttachRolePolicy", params("RoleName", r, "PolicyArn", developerPolicyArn()),
                    "Grant the developer policy to the role " + r + "."));
        }
        if (groups.isEmpty() && roles.isEmpty()) {
            warnings.add("the developer policy is created but granted to nobody: call .grantToGroup(\"developers\") "
                    + "or .grantToRole(...)");
        }
        account.ifPresent(a -> {
            a.findPolicy(boundaryArn()).ifPresent(p -> warnings.add(boundaryArn() + " already exists (as of " + a.asOf()
                    + "): " + CrossAccountRole.alreadyExists("CreatePolicy (step 1)", "policy",
                    "another name with .boundaryName(...)", 2, "to use the existing boundary")));
            a.findPolicy(developerPolicyArn()).ifPresent(p -> warnings.add(developerPolicyArn() + " already exists (as of "
                    + a.asOf() + "): " + CrossAccountRole.alreadyExists("CreatePolicy (step 2)", "policy",
                    "another name with .developerPolicyName(...)", 3, "to use the existing policy")));
            groups.stream().filter(g -> a.findGroup(g).isEmpty()).forEach(g -> warnings.add("account " + accountId
                    + " has no group " + g + " (as of " + a.asOf() + "): AttachGroupPolicy will fail with NoSuchEntity"));
            roles.stream().filter(r -> a.findRole(r).isEmpty()).forEach(r -> warnings.add("account " + accountId
                    + " has no role " + r + " (as of " + a.asOf() + "): AttachRolePolicy will fail with NoSuchEntity"));
        });
        return Plan.of("Developer sandbox: boundary " + boundaryName + " for roles " + rolePrefix + "* in " + accountId,
                steps, warnings);
    }
}
