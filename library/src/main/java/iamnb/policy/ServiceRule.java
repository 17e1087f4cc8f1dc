package iamnb.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Requests AWS refuses whatever the policies say, because the resource belongs to AWS or to a service: no
 * Allow anywhere can grant them, so the engine decides them before reading any policy. Each rule cites the page
 * that states it and says what to do instead.
 */
enum ServiceRule {
    /** The permissions of AWS managed policies ({@code arn:aws:iam::aws:policy/...}) belong to AWS. */
    AWS_MANAGED_POLICY(
            Set.of("iam:createpolicyversion", "iam:deletepolicyversion", "iam:setdefaultpolicyversion",
                    "iam:deletepolicy", "iam:tagpolicy", "iam:untagpolicy"),
            "AWS managed policies cannot be changed: AWS creates and maintains them",
            "copy the policy into a customer managed policy and change that copy",
            "IAM User Guide › Managed policies and inline policies › AWS managed policies (\"You cannot change the "
                    + "permissions defined in AWS managed policies\")"),
    /** Roles a service created for itself under {@code /aws-service-role/}. */
    SERVICE_LINKED_ROLE(
            Set.of("iam:deleterole", "iam:updateassumerolepolicy", "iam:putrolepolicy", "iam:deleterolepolicy",
                    "iam:attachrolepolicy", "iam:detachrolepolicy", "iam:putrolepermissionsboundary",
                    "iam:deleterolepermissionsboundary"),
            "service-linked roles are protected AWS resources: only the service that uses the role can change it",
            "delete it with iam:DeleteServiceLinkedRole (or through the service); only its description can be edited",
            "IAM User Guide › Service-linked roles; IAM API Reference › DeleteRole, UpdateAssumeRolePolicy, "
                    + "PutRolePolicy, AttachRolePolicy › Errors › UnmodifiableEntity (\"service-linked roles are "
                    + "protected AWS resources. Only the service that depends on the service-linked role can modify "
                    + "or delete the role\")"),
    /** Roles IAM Identity Center creates for permission sets under {@code /aws-reserved/sso.amazonaws.com/}. */
    IDENTITY_CENTER_ROLE(
            Set.of("iam:deleterole", "iam:updateassumerolepolicy", "iam:putrolepolicy", "iam:deleterolepolicy",
                    "iam:attachrolepolicy", "iam:detachrolepolicy", "iam:putrolepermissionsboundary",
                    "iam:deleterolepermissionsboundary", "iam:updaterole", "iam:updateroledescription"),
            "roles under /aws-reserved/ belong to IAM Identity Center, which creates and changes them from "
                    + "permission sets; IAM refuses ordinary writes to them",
            "change the permission set in IAM Identity Center, which updates the role",
            "IAM Identity Center User Guide › Permission sets (roles under /aws-reserved/sso.amazonaws.com/ are "
                    + "provisioned by IAM Identity Center); AWS managed policy AWSSSOServiceRolePolicy (only the "
                    + "service may write arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*)"),
    /** KMS alias names beginning with {@code alias/aws/} are reserved for AWS managed keys. */
    RESERVED_KMS_ALIAS(
            Set.of("kms:createalias", "kms:deletealias", "kms:updatealias"),
            "KMS aliases beginning with alias/aws/ are reserved for AWS managed keys",
            "choose an alias name that does not begin with alias/aws/",
            "AWS KMS API Reference › CreateAlias (\"The alias name cannot begin with alias/aws/. The alias/aws/ "
                    + "prefix is reserved for AWS managed keys\"); AWS KMS Developer Guide › Aliases in AWS KMS");

    private final Set<String> actions;
    private final String why;
    private final String instead;
    private final String citation;

    ServiceRule(Set<String> actions, String why, String instead, String citation) {
        this.actions = actions;
        this.why = why;
        this.instead = instead;
        this.citation = citation;
    }

    /** Why AWS refuses, in one clause. */
    String why() {
        return why;
    }

    /** What to do instead. */
    String instead() {
        return instead;
    }

    /** The AWS page (and words) the rule comes from. */
    String citation() {
        return citation;
    }

    /** The rule that refuses this request, if any: a pure function of the action and the resource ARN. */
    static Optional<ServiceRule> refusing(Request request) {
        String action = request.actionLowerCase();
        if (!action.startsWith("iam:") && !action.startsWith("kms:")) {
            return Optional.empty(); // the common case, decided without looking at the resource
        }
        String resource = request.resource().toLowerCase(Locale.ROOT);
        for (ServiceRule rule : values()) {
            if (rule.actions.contains(action) && rule.covers(resource)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private boolean covers(String arn) {
        return resources().matcher(arn).matches();
    }

    /** The resources each rule protects (any partition: aws, aws-cn, aws-us-gov). */
    private Pattern resources() {
        return switch (this) {
            case AWS_MANAGED_POLICY -> MANAGED_POLICY;
            case SERVICE_LINKED_ROLE -> SERVICE_ROLE;
            case IDENTITY_CENTER_ROLE -> RESERVED_ROLE;
            case RESERVED_KMS_ALIAS -> AWS_ALIAS;
        };
    }

    private static final Pattern MANAGED_POLICY = Pattern.compile("arn:aws[a-z-]*:iam::aws:policy/.*");
    private static final Pattern SERVICE_ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/aws-service-role/.*");
    private static final Pattern RESERVED_ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/aws-reserved/.*");
    private static final Pattern AWS_ALIAS = Pattern.compile("arn:aws[a-z-]*:kms:[^:]*:\\d{12}:alias/aws/.*");
}
