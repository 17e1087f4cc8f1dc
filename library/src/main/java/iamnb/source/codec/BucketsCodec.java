package iamnb.source.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.model.AccountSnapshot;
import iamnb.model.Bucket;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.JsonAt;
import iamnb.source.internal.Names;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code buckets.json} ({@code aws s3api list-buckets}) and, per bucket, {@code buckets/NAME/}: {@code
 * policy.json} (get-bucket-policy), {@code acl.json} (get-bucket-acl), {@code public-access-block.json},
 * {@code ownership-controls.json} and {@code location.json}. A bucket folder without a list entry is a bucket too.
 */
final class BucketsCodec extends FileCodec {
    private static final String BUCKETS = "Buckets", NAME = "Name", CREATED = "CreationDate",
            REGION = "BucketRegion", LOCATION = "LocationConstraint", POLICY = "Policy", OWNER = "Owner",
            OWNER_ID = "ID", GRANTS = "Grants", GRANTEE = "Grantee", GRANTEE_TYPE = "Type", GRANTEE_URI = "URI",
            GRANTEE_EMAIL = "EmailAddress", GRANTEE_ID = "ID", PERMISSION = "Permission",
            PAB = "PublicAccessBlockConfiguration", BLOCK_ACLS = "BlockPublicAcls", IGNORE_ACLS = "IgnorePublicAcls",
            BLOCK_POLICY = "BlockPublicPolicy", RESTRICT = "RestrictPublicBuckets", OWNERSHIP = "OwnershipControls",
            RULES = "Rules", OBJECT_OWNERSHIP = "ObjectOwnership";

    BucketsCodec() {
        super(SnapshotFiles.BUCKETS, SnapshotFiles.BUCKET_DIR);
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        Map<String, JsonAt> listed = new LinkedHashMap<>();
        folder.json(SnapshotFiles.BUCKETS).ifPresent(f -> f.list(BUCKETS).forEach(b -> listed.put(bucketName(b), b)));
        Set<String> names = new LinkedHashSet<>(listed.keySet());
        for (String name : folder.folders(SnapshotFiles.BUCKET_DIR)) {
            names.add(Names.bucket(name, SnapshotFiles.BUCKET_DIR + "/"));
        }
        List<Bucket> out = new ArrayList<>();
        for (String name : names) {
            out.add(bucket(folder, name, Optional.ofNullable(listed.get(name))));
        }
        parts.buckets = out;
    }

    private static String bucketName(JsonAt entry) {
        return Names.bucket(entry.text(NAME), entry.get(NAME).where());
    }

    private static Bucket bucket(SnapshotFolder folder, String name, Optional<JsonAt> entry) {
        String dir = dir(name);
        Optional<Instant> created = entry.flatMap(e -> e.optInstant(CREATED));
        String region = entry.map(e -> e.optText(REGION)).orElse("");
        Optional<JsonAt> location = folder.json(dir + SnapshotFiles.BUCKET_LOCATION);
        if (location.isPresent()) {
            region = location.get().optText(LOCATION);
            region = region.equals("EU") ? "eu-west-1" : region; // the legacy name get-bucket-location still prints
        }
        var policy = folder.json(dir + SnapshotFiles.BUCKET_POLICY).map(p -> p.policy(POLICY));
        var acl = folder.json(dir + SnapshotFiles.BUCKET_ACL).map(BucketsCodec::acl);
        var pab = folder.json(dir + SnapshotFiles.BUCKET_PUBLIC_ACCESS_BLOCK).map(p -> {
            JsonAt c = p.get(PAB);
            return new Bucket.PublicAccessBlock(c.bool(BLOCK_ACLS, false), c.bool(IGNORE_ACLS, false),
                    c.bool(BLOCK_POLICY, false), c.bool(RESTRICT, false));
        });
        var ownership = folder.json(dir + SnapshotFiles.BUCKET_OWNERSHIP).flatMap(o ->
                o.get(OWNERSHIP).list(RULES).stream().map(r -> r.text(OBJECT_OWNERSHIP)).findFirst());
        return new Bucket(name, region, created, policy, acl, pab, ownership);
    }

    private static Bucket.Acl acl(JsonAt a) {
        List<Bucket.Grant> grants = new ArrayList<>();
        for (JsonAt g : a.list(GRANTS)) {
            JsonAt grantee = g.get(GRANTEE);
            String who = grantee.has(GRANTEE_URI) ? grantee.text(GRANTEE_URI)
                    : grantee.has(GRANTEE_EMAIL) ? grantee.text(GRANTEE_EMAIL) : grantee.optText(GRANTEE_ID);
            grants.add(new Bucket.Grant(grantee.text(GRANTEE_TYPE), who, g.text(PERMISSION)));
        }
        return new Bucket.Acl(a.get(OWNER).optText(OWNER_ID), grants);
    }

    private static String dir(String bucketName) {
        return SnapshotFiles.BUCKET_DIR + "/" + bucketName + "/";
    }

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        if (s.buckets().isEmpty()) {
            return;
        }
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray(BUCKETS);
        for (Bucket b : s.buckets()) {
            ObjectNode n = list.addObject().put(NAME, Names.pathSegment(b.name(), "bucket name"));
            Json.putTime(n, CREATED, b.created());
            n.put(REGION, b.region());
        }
        out.json(SnapshotFiles.BUCKETS, o);
        for (Bucket b : s.buckets()) {
            writeBucketFiles(b, out);
        }
    }

    private static void writeBucketFiles(Bucket b, FolderOut out) {
        String dir = dir(b.name());
        b.policy().ifPresent(p -> out.json(dir + SnapshotFiles.BUCKET_POLICY, Json.object().put(POLICY, p.json())));
        b.acl().ifPresent(acl -> out.json(dir + SnapshotFiles.BUCKET_ACL, acl(acl)));
        b.publicAccessBlock().ifPresent(pab -> {
            ObjectNode o = Json.object();
            o.putObject(PAB).put(BLOCK_ACLS, pab.blockPublicAcls()).put(IGNORE_ACLS, pab.ignorePublicAcls())
                    .put(BLOCK_POLICY, pab.blockPublicPolicy()).put(RESTRICT, pab.restrictPublicBuckets());
            out.json(dir + SnapshotFiles.BUCKET_PUBLIC_ACCESS_BLOCK, o);
        });
        b.objectOwnership().ifPresent(rule -> {
            ObjectNode o = Json.object();
            o.putObject(OWNERSHIP).putArray(RULES).addObject().put(OBJECT_OWNERSHIP, rule);
            out.json(dir + SnapshotFiles.BUCKET_OWNERSHIP, o);
        });
    }

    private static ObjectNode acl(Bucket.Acl acl) {
        ObjectNode o = Json.object();
        if (!acl.ownerId().isEmpty()) {
            o.putObject(OWNER).put(OWNER_ID, acl.ownerId());
        }
        ArrayNode grants = o.putArray(GRANTS);
        for (Bucket.Grant g : acl.grants()) {
            ObjectNode n = grants.addObject();
            ObjectNode grantee = n.putObject(GRANTEE).put(GRANTEE_TYPE, g.granteeType());
            switch (g.granteeType()) {
                case "Group" -> grantee.put(GRANTEE_URI, g.grantee());
                case "AmazonCustomerByEmail" -> grantee.put(GRANTEE_EMAIL, g.grantee());
                default -> grantee.put(GRANTEE_ID, g.grantee());
            }
            n.put(PERMISSION, g.permission());
        }
        return o;
    }
}
