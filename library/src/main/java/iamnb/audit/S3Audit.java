package iamnb.audit;

import iamnb.audit.internal.PolicySource;
import iamnb.audit.internal.StatementText;
import iamnb.model.AccountView;
import iamnb.model.Bucket;
import iamnb.model.PolicyDocument;
import iamnb.model.Statement;
import iamnb.model.VpcEndpoint;
import iamnb.policy.AccountSimulator;
import iamnb.policy.Decision;
import iamnb.policy.LayerKind;
import iamnb.policy.Layers;
import iamnb.policy.PolicyCache;
import iamnb.policy.PolicyEvaluator;
import iamnb.policy.Request;
import iamnb.policy.RequestPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * S3 questions: what decides one principal's access to one object (bucket policy, ACL, public access block,
 * Object Ownership, identity side, VPC endpoint policies, the engine's decision per action), bucket exposure,
 * and the bucket-ARN versus object-ARN lint across every policy of the account.
 */
final class S3Audit {
    private final AccountView acct;
    private final AccountSimulator sim;

    S3Audit(AccountView acct, AccountSimulator sim) {
        this.acct = acct;
        this.sim = sim;
    }

    /** Actions on the bucket itself (resource arn:aws:s3:::bucket); everything else acts on objects. */
    static boolean bucketLevel(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        return a.startsWith("s3:listbucket") || a.startsWith("s3:getbucket") || a.startsWith("s3:putbucket")
                || a.startsWith("s3:deletebucket") || a.equals("s3:createbucket") || a.startsWith("s3:getlifecycle")
                || a.startsWith("s3:putlifecycle") || a.startsWith("s3:getencryption") || a.startsWith("s3:putencryption")
                || a.startsWith("s3:getreplication") || a.startsWith("s3:putreplication");
    }

    /** Explicit object-level actions (no wildcard): GetObject, PutObject, DeleteObject, ... */
    static boolean objectLevel(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        return a.startsWith("s3:") && !a.contains("*") && !a.contains("?") && a.contains("object")
                && !bucketLevel(action);
    }

    S3AccessReport access(String principal, String bucketName, String key, List<String> actions) {
        Bucket bucket = acct.bucket(bucketName);
        RequestPrincipal p = sim.principal(principal);
        String objectArn = bucket.arn() + "/" + key.replaceFirst("^/", "");
        List<Decision> decisions = new ArrayList<>();
        Map<String, List<String>> endpoints = new LinkedHashMap<>();
        for (String action : actions) {
            String resource = bucketLevel(action) ? bucket.arn() : objectArn;
            Request.Builder b = Request.builder().principal(p).action(action).resource(resource);
            Decision d = sim.simulate(b.build());
            decisions.add(d);
            for (VpcEndpoint e : acct.snapshot().vpcEndpoints()) {
                if (e.serviceName().endsWith(".s3") && e.policy().isPresent()) {
                    Decision ed = endpoint(d.request(), e.id(), e.policy().get());
                    endpoints.computeIfAbsent(e.id() + " (" + e.serviceName() + ")", k -> new ArrayList<>())
                            .add(action + ": " + switch (ed.outcome(LayerKind.RESOURCE_POLICY)) {
                                case ALLOW -> "allows";
                                case DENY -> "DENIES (" + ed.decidingStatementLabel() + ")";
                                default -> "does not allow (requests through this endpoint fail)";
                            });
                }
            }
        }
        List<String> settings = settings(bucket);
        Findings lint = arnLint().where(f -> f.evidence().contains(bucket.arn()));
        return new S3AccessReport(p.label(), bucket.name(), objectArn, settings, decisions, endpoints, lint, acct.asOf());
    }

    /** The endpoint policy alone, as a filter on requests that travel through the endpoint. */
    private static Decision endpoint(Request request, String id, PolicyDocument doc) {
        Layers layers = Layers.builder(PolicyCache.create()).resourcePolicy("VPC endpoint policy of " + id, doc).build();
        return PolicyEvaluator.evaluate(request, layers);
    }

    static List<String> settings(Bucket b) {
        List<String> out = new ArrayList<>();
        out.add("bucket policy: " + b.policy().map(d -> d.statements().stream().map(s -> s.label() + " [" + StatementText.of(s) + "]")
                .toList().toString()).orElse("none"));
        out.add("ACL: " + b.acl().map(a -> a.grants().stream().map(g -> g.permission() + " to " + (g.grantee().equals(a.ownerId())
                ? "the owner" : g.grantee())).toList().toString()).orElse("not read")
                + (b.aclsDisabled() ? " (ignored: ACLs are disabled by BucketOwnerEnforced)" : ""));
        out.add("public access block: " + b.publicAccessBlock().map(p -> p.blocksEverything() ? "all four settings on"
                : "BlockPublicAcls=" + p.blockPublicAcls() + ", IgnorePublicAcls=" + p.ignorePublicAcls() + ", BlockPublicPolicy="
                + p.blockPublicPolicy() + ", RestrictPublicBuckets=" + p.restrictPublicBuckets()).orElse("none configured"));
        out.add("object ownership: " + b.objectOwnership().orElse("not set (ACLs enabled)"));
        return out;
    }

    /** Public buckets (policy or ACL), missing public access blocks, ACLs still enabled. */
    Findings buckets() {
        List<Finding> out = new ArrayList<>();
        for (Bucket b : acct.snapshot().buckets()) {
            boolean restrict = b.publicAccessBlock().map(Bucket.PublicAccessBlock::restrictPublicBuckets).orElse(false);
            boolean ignoreAcls = b.publicAccessBlock().map(Bucket.PublicAccessBlock::ignorePublicAcls).orElse(false) || b.aclsDisabled();
            if (b.policy().isPresent()) {
                for (Statement s : b.policy().get().statements()) {
                    if (s.isAllow() && s.principal().map(pr -> pr.isWildcard()).orElse(false) && !s.notPrincipal()
                            && TrustAudit.conditionKeys(s).stream().noneMatch(k -> k.startsWith("aws:source") || k.startsWith("aws:principal"))) {
                        Decision d = sim.simulate(Request.builder().principal(RequestPrincipal.anonymous())
                                .action(s.actions().get(0).contains("*") ? "s3:GetObject" : s.actions().get(0))
                                .resource(b.arn() + "/any-key").build());
                        out.add(new Finding(restrict ? Severity.LOW : Severity.HIGH, "bucket", b.name(), Check.S3_PUBLIC_POLICY.id(),
                                "the bucket policy grants " + s.actions() + " to everyone" + (restrict ? " (blocked by RestrictPublicBuckets)" : ""),
                                "bucket policy statement " + s.label() + " [" + StatementText.of(s) + "]. Engine: anonymous "
                                        + d.request().action() + " → " + d.verdict(),
                                "If the bucket is not a public website, remove the statement and turn on the public access block; "
                                        + "for websites prefer CloudFront with origin access control."));
                    }
                }
            }
            b.acl().ifPresent(acl -> acl.grants().stream().filter(Bucket.Grant::isPublic).forEach(g -> {
                if (!ignoreAcls) {
                    out.add(new Finding(Check.S3_PUBLIC_ACL.severity(), "bucket", b.name(), Check.S3_PUBLIC_ACL.id(),
                            "the ACL grants " + g.permission() + " to " + (g.grantee().endsWith("AllUsers") ? "everyone" : "any AWS account"),
                            "ACL grant " + g.granteeType() + " " + g.grantee() + " " + g.permission() + "; object ownership "
                                    + b.objectOwnership().orElse("not set"),
                            "Set Object Ownership to BucketOwnerEnforced (disables ACLs) and turn on the public access block."));
                }
            }));
            if (b.publicAccessBlock().isEmpty()) {
                out.add(new Finding(Check.S3_NO_PUBLIC_ACCESS_BLOCK.severity(), "bucket", b.name(), Check.S3_NO_PUBLIC_ACCESS_BLOCK.id(),
                        "no public access block on the bucket", "get-public-access-block: none configured",
                        "aws s3api put-public-access-block --bucket " + b.name() + " --public-access-block-configuration "
                                + "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true"));
            }
            if (!b.aclsDisabled()) {
                out.add(new Finding(Check.S3_ACLS_ENABLED.severity(), "bucket", b.name(), Check.S3_ACLS_ENABLED.id(),
                        "ACLs are still enabled (legacy)", "object ownership " + b.objectOwnership().orElse("not set"),
                        "aws s3api put-bucket-ownership-controls --bucket " + b.name()
                                + " --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]"));
            }
        }
        return new Findings("S3 buckets", acct.asOf(), out, bucketsUnknown());
    }

    /**
     * Object actions granted (or denied) on the bucket ARN only, and bucket actions on the object ARN only, in every
     * identity policy, bucket policy and VPC endpoint policy.
     */
    Findings arnLint() {
        List<Finding> out = new ArrayList<>();
        PolicySource.everyIdentityPolicy(acct).forEach((src, owners) -> lint(src.isInline() ? src.via() + " inline " + src.name()
                : src.name(), "policy", src.describe(), src.document(), PolicySource.attachedText(owners), out));
        for (Bucket b : acct.snapshot().buckets()) {
            b.policy().ifPresent(d -> lint(b.name(), "bucket", "bucket policy of " + b.name(), d, "", out));
        }
        for (VpcEndpoint e : acct.snapshot().vpcEndpoints()) {
            e.policy().ifPresent(d -> lint(e.id(), "vpc-endpoint", "VPC endpoint policy of " + e.id(), d, "", out));
        }
        return new Findings("S3 bucket/object ARN lint", acct.asOf(), out, bucketsUnknown());
    }

    /** A snapshot without buckets.json holds no bucket: then bucket settings and policies are unknown, not clean. */
    private List<NotChecked> bucketsUnknown() {
        return acct.snapshot().buckets().isEmpty()
                ? List.of(new NotChecked(Check.S3.id(), "buckets", "the snapshot holds no bucket: unknown — add buckets.json "
                        + "(aws s3api list-buckets) and buckets/NAME/ (get-bucket-policy, get-bucket-acl, get-public-access-block, "
                        + "get-bucket-ownership-controls)"))
                : List.of();
    }

    private static void lint(String principal, String type, String where, PolicyDocument doc, String attached, List<Finding> out) {
        for (Statement s : doc.statements()) {
            if (s.notAction() || s.notResource()) {
                continue;
            }
            List<String> objActions = s.actions().stream().filter(S3Audit::objectLevel).toList();
            List<String> bucketActions = s.actions().stream().filter(a -> bucketLevel(a) && !a.contains("*")).toList();
            Map<String, boolean[]> byBucket = new LinkedHashMap<>();   // bucket -> [has bucket ARN, has object ARN]
            for (String r : s.resources()) {
                if (!r.startsWith("arn:aws:s3:::")) {
                    continue;
                }
                String rest = r.substring("arn:aws:s3:::".length());
                int slash = rest.indexOf('/');
                String bucket = slash < 0 ? rest : rest.substring(0, slash);
                boolean[] flags = byBucket.computeIfAbsent(bucket, k -> new boolean[2]);
                flags[slash < 0 ? 0 : 1] = true;
            }
            byBucket.forEach((bucket, flags) -> {
                String evidence = where + " statement " + s.label() + " [" + StatementText.of(s) + "]"
                        + (attached.isEmpty() ? "" : "; " + attached);
                String probe = "arn:aws:s3:::" + concreteBucket(bucket);
                if (!objActions.isEmpty() && flags[0] && !flags[1] && !resourceMatches(s.resources(), probe + "/any-key")) {
                    out.add(new Finding(Check.S3_ARN_OBJECT_ON_BUCKET.severity(), type, principal, Check.S3_ARN_OBJECT_ON_BUCKET.id(),
                            objActions + " " + (s.isAllow() ? "granted" : "denied") + " on arn:aws:s3:::" + bucket
                                    + " (the bucket) instead of arn:aws:s3:::" + bucket + "/* (its objects): the statement "
                                    + (s.isAllow() ? "grants" : "denies") + " nothing for them",
                            evidence, "Add \"arn:aws:s3:::" + bucket + "/*\" to the Resource of " + objActions + "."));
                }
                if (!bucketActions.isEmpty() && flags[1] && !flags[0] && !resourceMatches(s.resources(), probe)) {
                    out.add(new Finding(Check.S3_ARN_BUCKET_ON_OBJECT.severity(), type, principal, Check.S3_ARN_BUCKET_ON_OBJECT.id(),
                            bucketActions + " " + (s.isAllow() ? "granted" : "denied") + " on arn:aws:s3:::" + bucket
                                    + "/* (objects) instead of arn:aws:s3:::" + bucket + " (the bucket)",
                            evidence, "Add \"arn:aws:s3:::" + bucket + "\" to the Resource of " + bucketActions + "."));
                }
            });
        }
    }

    /** A bucket name the pattern matches: wildcards filled with the least text ("*" nothing, "?" one letter). */
    private static String concreteBucket(String pattern) {
        String name = pattern.replace("*", "").replace("?", "a");
        return name.isEmpty() ? "any-bucket" : name;
    }

    /**
     * Whether the policy engine matches {@code arn} against any of {@code resources}: the lint asks the same
     * matcher that decides requests (where "*" also matches across "/"), so the two never disagree.
     */
    private static boolean resourceMatches(List<String> resources, String arn) {
        String json;
        try {
            json = JSON.writeValueAsString(Map.of("Version", PolicyDocument.VERSION_2012, "Statement", List.of(
                    Map.of("Effect", "Allow", "Action", "*", "Resource", resources))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a policy of resources " + resources, e);
        }
        Layers layers = Layers.builder(PolicyCache.create()).identity("resources only", PolicyDocument.parse(json, "S3 ARN lint"))
                .build();
        Request request = Request.builder().principal(RequestPrincipal.role("arn:aws:iam::111111111111:role/s3-arn-lint"))
                .action("s3:GetObject").resource(arn).build();
        return PolicyEvaluator.evaluate(request, layers).allowed();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
