package iamnb.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.policy.internal.Glob;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WildcardsTest {
    private static final List<String> PATTERNS = List.of(
            "*", "s3:*", "s3:Get*", "S3:GETOBJECT", "s3:GetObjec?", "s3:*Object*", "s3:?et*", "iam:*User*",
            "*:Describe*", "ec2:Describe*s", "s3:Get*Acl", "s3:Put?bject", "s3:", "?", "s3:GetObject*Tagging");

    /** The engine lower-cases both sides and compiles the Action value with Glob (CompiledStatement). */
    @Test
    void actionMatching_agreesWithThePolicyEngineOnEveryCatalogueActionOfSomeServices() {
        int compared = 0;
        for (String prefix : List.of("s3", "iam", "ec2")) {
            for (Action a : Catalog.aws().service(prefix).orElseThrow().actions()) {
                for (String p : PATTERNS) {
                    boolean engine = Glob.compile(p.toLowerCase(Locale.ROOT)).matches(a.fullName().toLowerCase(Locale.ROOT));
                    assertEquals(engine, Wildcards.matchesIgnoringCase(p, a.fullName()), p + " vs " + a.fullName());
                    compared++;
                }
            }
        }
        assertTrue(compared > 10_000);
    }

    @Test
    void overlap_placeholdersStandForAnyText() {
        assertTrue(Wildcards.overlap("arn:${Partition}:s3:::${BucketName}/${ObjectName}", "arn:aws:s3:::logs/*", false));
        assertFalse(Wildcards.overlap("arn:${Partition}:s3:::${BucketName}/${ObjectName}", "arn:aws:s3:::logs", false));
        assertTrue(Wildcards.overlap("a*c", "ab?", false));
        assertFalse(Wildcards.overlap("a?c", "ab", false));
        assertFalse(Wildcards.overlap("ARN", "arn", false), "ARNs keep their case");
    }

    @Test
    void covers_generalPatternStandsForEveryTextOfTheSpecificOne() {
        assertTrue(Wildcards.covers("s3:*", "s3:Get*", true));
        assertTrue(Wildcards.covers("*", "anything?", true));
        assertTrue(Wildcards.covers("s3:Get*", "S3:GETOBJECT", true));
        assertTrue(Wildcards.covers("s3:Get?bject", "s3:GetObject", true));
        assertFalse(Wildcards.covers("s3:Get?bject", "s3:Get*", true));
        assertFalse(Wildcards.covers("s3:GetObject", "s3:Get*", true));
        assertFalse(Wildcards.covers("arn:aws:s3:::a/*", "arn:aws:s3:::*", false));
    }
}
