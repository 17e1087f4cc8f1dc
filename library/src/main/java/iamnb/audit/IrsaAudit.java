package iamnb.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.InvalidInputException;
import iamnb.audit.internal.Actions;
import iamnb.model.AccountView;
import iamnb.model.Condition;
import iamnb.model.OidcProvider;
import iamnb.model.Role;
import iamnb.model.Statement;
import iamnb.policy.AccountSimulator;
import iamnb.policy.Decision;
import iamnb.policy.Request;
import iamnb.policy.RequestPrincipal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * EKS IRSA troubleshooting as a checklist: the seed's six steps and its list of common failures, each a named
 * check (PASS/FAIL/WARN/NOT_CHECKED with why). The role's trust policy is read and the web-identity assumption is
 * simulated by the policy engine with the {@code <issuer>:sub} and {@code <issuer>:aud} context keys.
 */
final class IrsaAudit {
    /** What to add when a check needs the account's OIDC providers. */
    static final String NO_PROVIDERS = "unknown — add oidc-providers.json (aws iam list-open-id-connect-providers, then "
            + "aws iam get-open-id-connect-provider per ARN)";

    static final String ANNOTATION = "eks.amazonaws.com/role-arn";
    static final String AUDIENCE = "sts.amazonaws.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccountView acct;
    private final AccountSimulator sim;

    IrsaAudit(AccountView acct, AccountSimulator sim) {
        this.acct = acct;
        this.sim = sim;
    }

    /** The decoded claims of a projected token. */
    record Claims(String iss, String sub, List<String> aud, Optional<Instant> exp) {}

    static Claims decode(String jwt) {
        String[] parts = jwt.trim().split("\\.");
        if (parts.length < 2) {
            throw new InvalidInputException("irsa token: a JWT has three dot-separated parts (header.payload.signature); "
                    + "this one has " + parts.length);
        }
        JsonNode p;
        try {
            p = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1].replace('+', '-').replace('/', '_')
                    .replace("=", "")), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new InvalidInputException("irsa token: the payload (second part) is not base64url JSON: " + e.getMessage(), e);
        }
        List<String> aud = new ArrayList<>();
        JsonNode a = p.path("aud");
        if (a.isArray()) {
            a.forEach(x -> aud.add(x.asText()));
        } else if (!a.isMissingNode()) {
            aud.add(a.asText());
        }
        Optional<Instant> exp = p.has("exp") ? Optional.of(Instant.ofEpochSecond(p.get("exp").asLong())) : Optional.empty();
        return new Claims(p.path("iss").asText(""), p.path("sub").asText(""), aud, exp);
    }

    private static JsonNode parse(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new InvalidInputException("irsa: the " + what + " is not JSON: " + e.getMessage(), e);
        }
    }

    Checklist run(IrsaInput in) {
        List<Checklist.Item> items = new ArrayList<>();
        String title = "IRSA " + in.namespace() + "/" + in.serviceAccount() + " → role " + in.roleName();
        Optional<Role> found = acct.findRole(in.roleName());
        if (found.isEmpty()) {
            items.add(Checklist.Item.of(Check.IRSA_ROLE.id(), "the role exists", CheckStatus.FAIL,
                    "account " + acct.accountId() + " has no role " + in.roleName(), "Create the role or fix the annotation."));
            return new Checklist(title, "role", in.roleName(), acct.asOf(), items);
        }
        Role role = found.get();
        String sub = in.expectedSubject();
        Optional<Claims> claims = in.token().map(IrsaAudit::decode);

        // Step 5: the trust policy — action, Federated principal, provider, sub, aud
        List<Statement> web = role.trustPolicy().statements().stream()
                .filter(s -> s.isAllow() && Actions.covers(s, "sts:AssumeRoleWithWebIdentity")).toList();
        items.add(Checklist.Item.of(Check.IRSA_TRUST_ACTION.id(), "the trust policy allows sts:AssumeRoleWithWebIdentity",
                web.isEmpty() ? CheckStatus.FAIL : CheckStatus.PASS,
                web.isEmpty() ? "no Allow statement of the trust policy covers sts:AssumeRoleWithWebIdentity: "
                        + role.trustPolicy().json() : "statement(s) " + web.stream().map(Statement::label).toList(),
                "Add a statement with \"Action\": \"sts:AssumeRoleWithWebIdentity\" and the cluster's OIDC provider as Federated principal."));
        List<String> federated = web.stream().flatMap(s -> s.principal().stream()).flatMap(p -> p.federated().stream()).toList();
        Optional<String> providerArn = federated.stream().filter(f -> f.contains(":oidc-provider/")).findFirst();
        String issuerUrl = providerArn.map(OidcProvider::urlFromArn).orElse("");
        items.add(Checklist.Item.of(Check.IRSA_FEDERATED.id(), "the Federated principal is the cluster's OIDC provider ARN",
                providerArn.isPresent() ? CheckStatus.PASS : CheckStatus.FAIL,
                "Federated " + federated,
                "Set \"Principal\": {\"Federated\": \"arn:aws:iam::" + acct.accountId() + ":oidc-provider/<issuer host/path>\"}."));
        Optional<OidcProvider> provider = providerArn.flatMap(acct::findOidcProvider);
        boolean providersHeld = providersHeld();
        items.add(Checklist.Item.of(Check.IRSA_OIDC_PROVIDER.id(), "the OIDC provider exists in IAM (common failure: provider not created)",
                provider.isPresent() ? CheckStatus.PASS
                        : providerArn.isEmpty() || !providersHeld ? CheckStatus.NOT_CHECKED : CheckStatus.FAIL,
                provider.map(p -> p.arn() + ", audiences " + p.clientIds())
                        .orElse(providerArn.map(a -> providersHeld ? a + " is not among the account's OIDC providers "
                                + acct.snapshot().oidcProviders().stream().map(OidcProvider::arn).toList()
                                : a + ": " + NO_PROVIDERS)
                                .orElse("no OIDC provider named by the trust policy")),
                "eksctl utils associate-iam-oidc-provider --cluster <name> --approve (or aws iam create-open-id-connect-provider)."));
        if (in.clusterIssuer().isPresent()) {
            String cluster = in.clusterIssuer().get().replaceFirst("^https://", "");
            boolean inIam = acct.findOidcProvider(cluster).isPresent();
            boolean trusted = cluster.equals(issuerUrl);
            items.add(Checklist.Item.of(Check.IRSA_ISSUER.id(), "the cluster's issuer is an IAM OIDC provider and is the one the trust names",
                    inIam && trusted ? CheckStatus.PASS : trusted && !providersHeld ? CheckStatus.NOT_CHECKED : CheckStatus.FAIL,
                    "cluster issuer " + cluster + (inIam ? " is" : providersHeld ? " is NOT" : " may or may not be (" + NO_PROVIDERS + ")")
                            + " an IAM OIDC provider; trust names " + issuerUrl,
                    inIam ? "Point the trust policy's Federated principal and condition keys at " + cluster
                            : "Create the OIDC provider for " + cluster + "."));
        } else {
            items.add(Checklist.Item.of(Check.IRSA_ISSUER.id(), "the cluster's issuer is an IAM OIDC provider and is the one the trust names",
                    CheckStatus.NOT_CHECKED, "give the cluster issuer: withClusterIssuer(aws eks describe-cluster --name C "
                            + "--query cluster.identity.oidc.issuer --output text)", ""));
        }
        items.add(subCheck(web, issuerUrl, sub));
        items.add(audCheck(web, issuerUrl, provider));
        boolean hasPolicies = !role.attachedPolicies().isEmpty() || !role.inlinePolicies().isEmpty();
        items.add(Checklist.Item.of(Check.IRSA_PERMISSIONS.id(), "the role has permission policies (common failure: none attached)",
                hasPolicies ? CheckStatus.PASS : CheckStatus.FAIL,
                "attached " + role.attachedPolicies().stream().map(a -> a.name()).toList() + ", inline "
                        + role.inlinePolicies().stream().map(p -> p.name()).toList(),
                "Attach the policies the pod needs to " + role.name() + "."));

        // Step 1: service account annotation
        items.add(in.serviceAccountJson().map(j -> annotationCheck(j, in, role))
                .orElse(Checklist.Item.of(Check.IRSA_SA_ANNOTATION.id(), "the service account is annotated with the role ARN "
                        + "(common failure: not annotated)", CheckStatus.NOT_CHECKED,
                        "give kubectl get sa " + in.serviceAccount() + " -n " + in.namespace() + " -o json: withServiceAccountJson(...)", "")));
        items.add(in.podJson().map(j -> podCheck(j, in, role))
                .orElse(Checklist.Item.of(Check.IRSA_POD_SA.id(), "the pod spec references the service account (common failure)",
                        CheckStatus.NOT_CHECKED, "give kubectl get pod POD -n " + in.namespace() + " -o json: withPodJson(...)", "")));

        // Steps 2-3: the projected token
        if (claims.isPresent()) {
            Claims c = claims.get();
            List<String> wrong = new ArrayList<>();
            if (!issuerUrl.isEmpty() && !c.iss().replaceFirst("^https://", "").equals(issuerUrl)) {
                wrong.add("iss is " + c.iss() + ", the trust expects https://" + issuerUrl);
            }
            if (!c.sub().equals(sub)) {
                wrong.add("sub is " + c.sub() + ", expected " + sub);
            }
            if (!c.aud().contains(AUDIENCE)) {
                wrong.add("aud is " + c.aud() + ", expected " + AUDIENCE);
            }
            items.add(Checklist.Item.of(Check.IRSA_TOKEN.id(), "the projected token's iss, sub and aud match",
                    wrong.isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL,
                    "iss=" + c.iss() + ", sub=" + c.sub() + ", aud=" + c.aud() + ", exp=" + c.exp().map(Instant::toString).orElse("?")
                            + " (signature not verified)" + (wrong.isEmpty() ? "" : "; " + String.join("; ", wrong)),
                    "Check the pod runs with the right service account and that the cluster is the one whose issuer IAM trusts."));
        } else {
            items.add(Checklist.Item.of(Check.IRSA_TOKEN.id(), "the pod has the projected token and its iss, sub and aud match",
                    CheckStatus.NOT_CHECKED, "give the token: kubectl exec POD -n " + in.namespace()
                            + " -- cat /var/run/secrets/eks.amazonaws.com/serviceaccount/token, then withToken(...)", ""));
        }

        // the engine's view of the exchange
        if (providerArn.isPresent()) {
            String tokenSub = claims.map(Claims::sub).orElse(sub);
            List<String> tokenAud = claims.map(Claims::aud).filter(l -> !l.isEmpty()).orElse(List.of(AUDIENCE));
            Request req = Request.builder().principal(RequestPrincipal.webIdentity(providerArn.get()))
                    .action("sts:AssumeRoleWithWebIdentity").resource(role.arn())
                    .context(issuerUrl + ":sub", tokenSub).context(issuerUrl + ":aud", tokenAud)
                    .context("aws:FederatedProvider", providerArn.get()).build();
            Decision d = sim.simulate(req);
            items.add(new Checklist.Item(Check.IRSA_ENGINE.id(), "the policy engine lets " + tokenSub + " assume the role",
                    d.allowed() ? CheckStatus.PASS : CheckStatus.FAIL,
                    "sts:AssumeRoleWithWebIdentity with " + issuerUrl + ":sub=" + tokenSub + ", :aud=" + tokenAud + " → "
                            + d.verdict() + ": " + d.summary(), d.fix(), Optional.of(d)));
        } else {
            items.add(Checklist.Item.of(Check.IRSA_ENGINE.id(), "the policy engine lets the service account assume the role",
                    CheckStatus.FAIL, "nothing to simulate: the trust policy names no OIDC provider", ""));
        }

        // what IAM data cannot show
        items.add(Checklist.Item.of(Check.IRSA_SDK.id(), "the AWS SDK in the container supports IRSA (common failure: too old)",
                CheckStatus.MANUAL, "Verify the SDK version supports AssumeRoleWithWebIdentity from AWS_WEB_IDENTITY_TOKEN_FILE "
                        + "(AWS docs \"Use IRSA with the AWS SDK\" list the minimum versions, e.g. Java v2 2.10.11, boto3 1.9.220)",
                "Upgrade the SDK."));
        items.add(Checklist.Item.of(Check.IRSA_CALLER.id(), "inside the pod, aws sts get-caller-identity shows the IRSA role, not the node role",
                CheckStatus.MANUAL, "Expect arn:aws:sts::" + acct.accountId() + ":assumed-role/" + role.name() + "/...",
                "If it shows the node role, the pod is not using the web identity (annotation, service account, SDK)."));
        return new Checklist(title, "role", role.name(), acct.asOf(), items);
    }

    private static List<Condition> keyed(List<Statement> web, String issuerUrl, String claim) {
        String key = (issuerUrl + ":" + claim).toLowerCase(Locale.ROOT);
        return web.stream().flatMap(s -> s.conditions().stream()).filter(c -> c.key().toLowerCase(Locale.ROOT).equals(key)).toList();
    }

    private static Checklist.Item subCheck(List<Statement> web, String issuerUrl, String sub) {
        String req = "the trust's " + issuerUrl + ":sub is exactly " + sub + " (common failure: does not match namespace:sa-name)";
        List<Condition> subs = keyed(web, issuerUrl, "sub");
        if (subs.isEmpty()) {
            return Checklist.Item.of(Check.IRSA_SUB.id(), req, CheckStatus.FAIL,
                    "no " + issuerUrl + ":sub condition: every service account of the cluster can assume the role",
                    "Add \"StringEquals\": {\"" + issuerUrl + ":sub\": \"" + sub + "\"}.");
        }
        for (Condition c : subs) {
            String op = c.operator().toLowerCase(Locale.ROOT);
            if (op.equals("stringequals") && c.values().contains(sub)) {
                return Checklist.Item.of(Check.IRSA_SUB.id(), req, CheckStatus.PASS, c.toString(), "");
            }
        }
        for (Condition c : subs) {
            String op = c.operator().toLowerCase(Locale.ROOT);
            if (op.equals("stringlike") && c.values().stream().anyMatch(v -> Actions.glob(v, sub, false))) {
                return Checklist.Item.of(Check.IRSA_SUB.id(), req, CheckStatus.WARN,
                        c + " matches " + sub + " through a wildcard: other service accounts may match too",
                        "Use StringEquals with the exact \"" + sub + "\".");
            }
        }
        return Checklist.Item.of(Check.IRSA_SUB.id(), req, CheckStatus.FAIL,
                "trust expects " + subs + ", the service account is " + sub,
                "Set \"StringEquals\": {\"" + issuerUrl + ":sub\": \"" + sub + "\"} (or annotate the service account the trust names).");
    }

    private static Checklist.Item audCheck(List<Statement> web, String issuerUrl, Optional<OidcProvider> provider) {
        String req = "the trust's " + issuerUrl + ":aud is " + AUDIENCE;
        List<Condition> auds = keyed(web, issuerUrl, "aud");
        boolean providerAud = provider.map(p -> p.clientIds().contains(AUDIENCE)).orElse(true);
        if (auds.isEmpty()) {
            return Checklist.Item.of(Check.IRSA_AUD.id(), req, providerAud ? CheckStatus.WARN : CheckStatus.FAIL,
                    "no :aud condition" + (providerAud ? " (the provider's client ids include " + AUDIENCE + ")"
                            : "; the provider's client ids " + provider.get().clientIds() + " lack " + AUDIENCE),
                    "Add \"StringEquals\": {\"" + issuerUrl + ":aud\": \"" + AUDIENCE + "\"}.");
        }
        boolean ok = auds.stream().anyMatch(c -> c.values().contains(AUDIENCE));
        return Checklist.Item.of(Check.IRSA_AUD.id(), req, ok && providerAud ? CheckStatus.PASS : CheckStatus.FAIL,
                auds + (providerAud ? "" : "; the provider's client ids " + provider.get().clientIds() + " lack " + AUDIENCE),
                "Use " + AUDIENCE + " as audience in the trust and in the provider's client ids.");
    }

    private static Checklist.Item annotationCheck(String json, IrsaInput in, Role role) {
        String req = "the service account is annotated with the role ARN (common failure: not annotated)";
        JsonNode root = parse(json, "service account JSON");
        JsonNode sa = root;
        if (root.has("items")) {
            sa = null;
            for (JsonNode item : root.get("items")) {
                if (in.serviceAccount().equals(item.path("metadata").path("name").asText())) {
                    sa = item;
                }
            }
            if (sa == null) {
                return Checklist.Item.of(Check.IRSA_SA_ANNOTATION.id(), req, CheckStatus.FAIL,
                        "the list has no service account named " + in.serviceAccount(), "Create the service account.");
            }
        }
        String name = sa.path("metadata").path("name").asText("");
        String ns = sa.path("metadata").path("namespace").asText("");
        String annotated = sa.path("metadata").path("annotations").path(ANNOTATION).asText("");
        List<String> wrong = new ArrayList<>();
        if (!name.equals(in.serviceAccount()) || (!ns.isEmpty() && !ns.equals(in.namespace()))) {
            wrong.add("the JSON is service account " + ns + "/" + name + ", not " + in.namespace() + "/" + in.serviceAccount());
        }
        if (annotated.isEmpty()) {
            wrong.add("no " + ANNOTATION + " annotation");
        } else if (!annotated.equals(role.arn())) {
            wrong.add(ANNOTATION + " is " + annotated + ", not " + role.arn());
        }
        return Checklist.Item.of(Check.IRSA_SA_ANNOTATION.id(), req, wrong.isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL,
                wrong.isEmpty() ? ANNOTATION + "=" + annotated : String.join("; ", wrong),
                "kubectl annotate sa " + in.serviceAccount() + " -n " + in.namespace() + " " + ANNOTATION + "=" + role.arn()
                        + " --overwrite, then restart the pods.");
    }

    private static Checklist.Item podCheck(String json, IrsaInput in, Role role) {
        String req = "the pod spec references the service account (common failure)";
        JsonNode pod = parse(json, "pod JSON");
        String sa = pod.path("spec").path("serviceAccountName").asText(pod.path("spec").path("serviceAccount").asText("default"));
        String envRole = "";
        for (JsonNode c : pod.path("spec").path("containers")) {
            for (JsonNode e : c.path("env")) {
                if ("AWS_ROLE_ARN".equals(e.path("name").asText())) {
                    envRole = e.path("value").asText();
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        if (!sa.equals(in.serviceAccount())) {
            wrong.add("the pod runs as service account " + sa + ", not " + in.serviceAccount());
        }
        if (envRole.isEmpty()) {
            wrong.add("no AWS_ROLE_ARN in the containers' environment: the pod identity webhook did not inject IRSA "
                    + "(annotation added after the pod started?)");
        } else if (!envRole.equals(role.arn())) {
            wrong.add("AWS_ROLE_ARN is " + envRole + ", not " + role.arn());
        }
        return Checklist.Item.of(Check.IRSA_POD_SA.id(), req, wrong.isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL,
                wrong.isEmpty() ? "serviceAccountName " + sa + ", AWS_ROLE_ARN " + envRole : String.join("; ", wrong),
                "Set spec.serviceAccountName: " + in.serviceAccount() + " and recreate the pod.");
    }

    /** Trust-policy lint for every role trusting an OIDC provider: missing sub/aud, wildcard sub, unknown provider. */
    Findings lint() {
        List<Finding> out = new ArrayList<>();
        List<NotChecked> unknown = new ArrayList<>();
        for (Role r : acct.snapshot().roles()) {
            for (Statement s : r.trustPolicy().statements()) {
                if (!s.isAllow() || s.principal().isEmpty()) {
                    continue;
                }
                for (String f : s.principal().get().federated()) {
                    if (!f.contains(":oidc-provider/")) {
                        continue;
                    }
                    String url = OidcProvider.urlFromArn(f);
                    String where = "trust policy of " + r.name() + " statement " + s.label();
                    if (!providersHeld()) {
                        unknown.add(new NotChecked(Check.IRSA_PROVIDER_MISSING.id(), "role " + r.name(), NO_PROVIDERS));
                    } else if (acct.findOidcProvider(f).isEmpty()) {
                        out.add(new Finding(Check.IRSA_PROVIDER_MISSING.severity(), "role", r.name(), Check.IRSA_PROVIDER_MISSING.id(),
                                "trusts an OIDC provider that is not in IAM", where + " names " + f,
                                "Create the provider, or remove the stale trust."));
                    }
                    List<Condition> subs = keyed(List.of(s), url, "sub");
                    if (subs.isEmpty()) {
                        out.add(new Finding(Check.IRSA_NO_SUB.severity(), "role", r.name(), Check.IRSA_NO_SUB.id(),
                                "any service account of the cluster can assume the role (no :sub condition)", where,
                                "Add \"StringEquals\": {\"" + url + ":sub\": \"system:serviceaccount:NS:NAME\"}."));
                    } else if (subs.stream().anyMatch(c -> c.values().stream().anyMatch(v -> v.contains("*") || v.contains("?")))) {
                        out.add(new Finding(Check.IRSA_WILDCARD_SUB.severity(), "role", r.name(), Check.IRSA_WILDCARD_SUB.id(),
                                "the :sub condition uses a wildcard", where + ": " + subs,
                                "Use StringEquals with the exact service account."));
                    }
                }
            }
        }
        return new Findings("IRSA trust", acct.asOf(), out, unknown);
    }

    /**
     * Whether the snapshot lists the account's OIDC providers. A snapshot with none is taken not to hold
     * oidc-providers.json: roles trusting a provider are then the only evidence, and whether the provider exists
     * cannot be known.
     */
    private boolean providersHeld() {
        return !acct.snapshot().oidcProviders().isEmpty();
    }
}
