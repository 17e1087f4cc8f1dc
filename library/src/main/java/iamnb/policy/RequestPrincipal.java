package iamnb.policy;

import iamnb.InvalidInputException;
import iamnb.internal.Arns;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The principal making a request: its kind, its ARN and the attributes policies can test.
 *
 * <p>Build one with a factory ({@link #user}, {@link #role}, {@link #assumedRole}, {@link #root},
 * {@link #service}, {@link #anonymous}, {@link #federatedUser}, {@link #webIdentity}, {@link #saml}) or let
 * {@link #fromArn(String)} read the kind from the ARN.
 *
 * @param type what kind of principal this is
 * @param arn its ARN; for a service the service name ({@code ec2.amazonaws.com}), for a web identity or SAML
 *            caller the identity provider (ARN or name), for anonymous {@code "*"}
 * @param account the 12-digit account of the principal, or "" (service, anonymous, unknown)
 * @param name the user name, role name, session name or federated user name, or ""
 * @param roleArn for a role or role session, the role's ARN (what {@code aws:PrincipalArn} holds), else ""
 * @param userId the unique id ({@code AIDA...} for a user, {@code AROA...} for a role), or "" when unknown
 * @param tags principal tags ({@code aws:PrincipalTag/KEY}), including session tags
 */
public record RequestPrincipal(PrincipalType type, String arn, String account, String name, String roleArn,
                               String userId, Map<String, String> tags) {

    public RequestPrincipal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(userId, "userId");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** An IAM user, e.g. {@code arn:aws:iam::123456789012:user/alice} (a path is allowed). */
    public static RequestPrincipal user(String userArn) {
        IamArn a = IamArn.parse(userArn, "user");
        return new RequestPrincipal(PrincipalType.USER, userArn, a.account, a.lastName, "", "", Map.of());
    }

    /** An IAM role as a whole, e.g. {@code arn:aws:iam::123456789012:role/app-role}. */
    public static RequestPrincipal role(String roleArn) {
        IamArn a = IamArn.parse(roleArn, "role");
        return new RequestPrincipal(PrincipalType.ROLE, roleArn, a.account, a.lastName, roleArn, "", Map.of());
    }

    /**
     * A session of a role: the ARN becomes {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE-NAME/SESSION} (a
     * session ARN drops the role's path), while {@code aws:PrincipalArn} stays the role's ARN.
     */
    public static RequestPrincipal assumedRole(String roleArn, String sessionName) {
        IamArn a = IamArn.parse(roleArn, "role");
        String partition = a.partition;
        String sessionArn = "arn:" + partition + ":sts::" + a.account + ":assumed-role/" + a.lastName + "/" + sessionName;
        return new RequestPrincipal(PrincipalType.ASSUMED_ROLE, sessionArn, a.account, sessionName, roleArn, "", Map.of());
    }

    /** The root user of an account. */
    public static RequestPrincipal root(String account) {
        return new RequestPrincipal(PrincipalType.ROOT, "arn:aws:iam::" + account + ":root", account, "", "", account,
                Map.of());
    }

    /** An AWS service principal such as {@code lambda.amazonaws.com}. */
    public static RequestPrincipal service(String serviceName) {
        return new RequestPrincipal(PrincipalType.SERVICE, serviceName, "", serviceName, "", "", Map.of());
    }

    /** An unauthenticated caller. */
    public static RequestPrincipal anonymous() {
        return new RequestPrincipal(PrincipalType.ANONYMOUS, "*", "", "", "", "anonymous", Map.of());
    }

    /** A GetFederationToken session {@code arn:aws:sts::ACCOUNT:federated-user/NAME}. */
    public static RequestPrincipal federatedUser(String account, String name) {
        return new RequestPrincipal(PrincipalType.FEDERATED_USER,
                "arn:aws:sts::" + account + ":federated-user/" + name, account, name, "", account + ":" + name,
                Map.of());
    }

    /**
     * A caller of AssumeRoleWithWebIdentity authenticated by this provider: an OIDC provider ARN
     * ({@code arn:aws:iam::ACCOUNT:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/XYZ}) or a well-known name
     * ({@code cognito-identity.amazonaws.com}, {@code accounts.google.com}).
     */
    public static RequestPrincipal webIdentity(String provider) {
        return new RequestPrincipal(PrincipalType.WEB_IDENTITY, provider, Arns.account(provider), "", "", "", Map.of());
    }

    /** A caller of AssumeRoleWithSAML authenticated by this SAML provider ARN. */
    public static RequestPrincipal saml(String providerArn) {
        return new RequestPrincipal(PrincipalType.SAML, providerArn, Arns.account(providerArn), "", "", "", Map.of());
    }

    /**
     * Reads the kind of principal from an ARN: {@code :user/}, {@code :role/}, {@code :assumed-role/},
     * {@code :federated-user/}, {@code :root}; a name ending in {@code .amazonaws.com} is a service and
     * {@code "*"} or "anonymous" the anonymous caller.
     *
     * @throws InvalidInputException when the text names no principal
     */
    public static RequestPrincipal fromArn(String arn) {
        Objects.requireNonNull(arn, "arn");
        String a = arn.trim();
        if (a.equals("*") || a.equalsIgnoreCase("anonymous")) {
            return anonymous();
        }
        if (!a.startsWith("arn:") && a.endsWith(".amazonaws.com")) {
            return service(a);
        }
        if (a.matches("\\d{12}")) {
            return root(a);
        }
        Optional<software.amazon.awssdk.arns.Arn> parsed = Arns.parse(a);
        if (parsed.isPresent()) {
            String service = parsed.get().service();
            String account = parsed.get().accountId().orElse("");
            String resource = parsed.get().resourceAsString();
            if (service.equals("iam") && resource.equals("root")) {
                return root(account);
            }
            if (service.equals("iam") && resource.startsWith("user/")) {
                return user(a);
            }
            if (service.equals("iam") && resource.startsWith("role/")) {
                return role(a);
            }
            if (service.equals("sts") && resource.startsWith("assumed-role/")) {
                String[] rs = resource.split("/", 3);
                if (rs.length == 3) {
                    String roleArn = "arn:" + parsed.get().partition() + ":iam::" + account + ":role/" + rs[1];
                    return new RequestPrincipal(PrincipalType.ASSUMED_ROLE, a, account, rs[2], roleArn, "", Map.of());
                }
            }
            if (service.equals("sts") && resource.startsWith("federated-user/")) {
                return federatedUser(account, resource.substring("federated-user/".length()));
            }
            if (service.equals("iam") && resource.startsWith("oidc-provider/")) {
                return webIdentity(a);
            }
            if (service.equals("iam") && resource.startsWith("saml-provider/")) {
                return saml(a);
            }
        }
        throw new InvalidInputException("\"" + arn + "\" does not name a principal; use a user, role, assumed-role, "
                + "federated-user or root ARN, a service name such as ec2.amazonaws.com, or \"*\" for anonymous");
    }

    /** A copy with these principal tags (session tags included). */
    public RequestPrincipal withTags(Map<String, String> newTags) {
        return new RequestPrincipal(type, arn, account, name, roleArn, userId, newTags);
    }

    /** A copy with this unique id ({@code AIDA...} for a user, {@code AROA...} for a role). */
    public RequestPrincipal withUserId(String id) {
        return new RequestPrincipal(type, arn, account, name, roleArn, id, tags);
    }

    /** The ARN that {@code aws:PrincipalArn} holds: the role's ARN for a role session, else the principal's ARN. */
    public String principalArn() {
        if (type == PrincipalType.ASSUMED_ROLE || type == PrincipalType.ROLE) {
            return roleArn;
        }
        return arn;
    }

    /**
     * True for a service-linked role or its session (path {@code /aws-service-role/}): SCPs and RCPs do not
     * restrict service-linked roles (AWS Organizations User Guide › Service control policies (SCPs) › "Tasks and
     * entities not restricted by SCPs").
     */
    public boolean isServiceLinkedRole() {
        return roleArn.contains(":role/aws-service-role/");
    }

    /** A short label: the user, role or session name, or the ARN. */
    public String label() {
        return switch (type) {
            case USER -> "user " + name;
            case ROLE -> "role " + name;
            case ASSUMED_ROLE -> "role session " + Arns.lastSegment(roleArn) + "/" + name;
            case FEDERATED_USER -> "federated user " + name;
            case ROOT -> "root user of " + account;
            case SERVICE -> "service " + arn;
            case ANONYMOUS -> "anonymous caller";
            case WEB_IDENTITY -> "web identity from " + arn;
            case SAML -> "SAML identity from " + arn;
        };
    }

    @Override
    public String toString() {
        return arn;
    }

    /** The parts of a user or role ARN a principal keeps. */
    private record IamArn(String partition, String account, String lastName) {
        static IamArn parse(String arn, String kind) {
            Optional<software.amazon.awssdk.arns.Arn> parsed = Arns.parse(arn);
            if (parsed.isEmpty() || !parsed.get().resourceAsString().startsWith(kind + "/")) {
                throw new InvalidInputException("\"" + arn + "\" is not an IAM " + kind
                        + " ARN; expected arn:aws:iam::ACCOUNT:" + kind + "/NAME");
            }
            return new IamArn(parsed.get().partition(), parsed.get().accountId().orElse(""), Arns.lastSegment(arn));
        }
    }
}
