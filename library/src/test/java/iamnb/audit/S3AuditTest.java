package iamnb.audit;

import static iamnb.audit.TestAccounts.*;
import static org.junit.jupiter.api.Assertions.*;

import iamnb.Account;
import iamnb.Iam;
import iamnb.model.Bucket;
import iamnb.model.ManagedPolicy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class S3AuditTest {
    @Test
    void s3Access_onDemo_explainsKmsDenyOnProdDataThroughTheEngine() {
        S3AccessReport r = Iam.demo().audit().s3Access("app-role", "prod-data", "uploads/x.csv", "s3:PutObject", "s3:GetObject");
        assertFalse(r.allowed("s3:PutObject"));
        assertEquals("bucket policy of prod-data DenyUnencryptedUploads", r.decision("s3:PutObject").decidingStatementLabel());
        assertTrue(r.allowed("s3:GetObject"));
        assertTrue(r.bucketSettings().stream().anyMatch(s -> s.contains("BucketOwnerEnforced")));
        assertEquals(1, r.vpcEndpoints().size());
        assertEquals(2, r.table().rowCount());
        Map<String, Object> b = r.toMimeBundle();
        assertTrue(b.containsKey("text/html") && b.containsKey("text/markdown"));
    }

    @Test
    void s3Access_onDemo_myBucketListsButDeniesGetObjectAndNamesTheMistakenStatement() {
        S3AccessReport r = Iam.demo().audit().s3Access("app-role", "my-bucket", "data/file.json", "s3:GetObject", "s3:ListBucket");
        assertEquals(iamnb.policy.Verdict.IMPLICIT_DENY, r.decision("s3:GetObject").verdict());
        assertEquals("arn:aws:s3:::my-bucket/data/file.json", r.decision("s3:GetObject").request().resource());
        assertTrue(r.allowed("s3:ListBucket"));
        assertEquals("bucket policy of my-bucket AppRoleRead", r.decision("s3:ListBucket").decidingStatementLabel());
        assertEquals(1, r.arnMistakes().size(), r.toString());
        assertTrue(r.arnMistakes().list().get(0).evidence().contains("statement AppRoleRead"));
    }

    @Test
    void s3ArnLint_onDemo_findsTheBucketArnMistakeOnly() {
        Findings f = Iam.demo().audit().s3ArnLint();
        assertEquals(1, f.size(), f.toString());
        Finding x = f.list().get(0);
        assertEquals("my-bucket", x.principal());
        assertTrue(x.evidence().contains("statement AppRoleRead"), x.evidence());
    }

    @Test
    void s3ArnLint_findsBothDirectionsInIdentityPolicies_andAcceptsCorrectPairs() {
        ManagedPolicy wrong = customer("wrong", stmts(
                "\"Sid\":\"Get\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data\"",
                "\"Sid\":\"List\",\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::data/*\""));
        ManagedPolicy right = customer("right", stmts(
                "\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::data\",\"arn:aws:s3:::data/*\"]",
                "\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"arn:aws:s3:::data\""));
        Findings f = account(snapshot().addPolicy(wrong).addPolicy(right)).audit().s3ArnLint();
        assertEquals(Set.of("S3-ARN-OBJECT-ON-BUCKET", "S3-ARN-BUCKET-ON-OBJECT"),
                Set.copyOf(f.list().stream().map(Finding::check).toList()), f.toString());
        assertEquals(Set.of("wrong"), Set.copyOf(f.principals()));
    }

    @Test
    void s3ArnLint_whenABucketWildcardAlsoMatchesObjects_agreesWithTheEngine() {
        // "*" matches across "/", so arn:aws:s3:::crawler-public* covers crawler-public/any/key: nothing to report
        ManagedPolicy crawler = customer("crawler", stmts(
                "\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::crawler-public*\""));
        Account acct = account(snapshot().addPolicy(crawler).addRole(role("crawler-role", serviceTrust("ec2.amazonaws.com"))
                .addAttachedPolicy(attach(crawler)).build()));
        assertTrue(acct.simulate("crawler-role", "s3:GetObject", "arn:aws:s3:::crawler-public/pages/index.html").allowed());
        Findings f = acct.audit().s3ArnLint();
        assertTrue(f.isEmpty(), f.toString());
    }

    @Test
    void buckets_onDemo_findsThePublicWebsiteBucket() {
        Findings f = Iam.demo().audit().buckets();
        assertEquals(1, f.forPrincipal("marketing-site").check("S3-PUBLIC-POLICY").size());
        assertEquals(1, f.forPrincipal("marketing-site").check("S3-PUBLIC-ACL").size());
        assertTrue(f.forPrincipal("prod-data").isEmpty());
    }

    @Test
    void buckets_whenPublicAccessBlockRestricts_lowersThePublicPolicy() {
        Bucket b = new Bucket("site", "us-east-1", Optional.empty(), Optional.of(stmts(
                "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::site/*\"")),
                Optional.empty(), Optional.of(new Bucket.PublicAccessBlock(true, true, true, true)), Optional.of("BucketOwnerEnforced"));
        Findings f = account(snapshot().addBucket(b)).audit().buckets();
        assertEquals(Severity.LOW, f.check("S3-PUBLIC-POLICY").list().get(0).severity());
        assertEquals(1, f.size());
    }
}
