package iamnb.source;

import iamnb.InvalidInputException;
import iamnb.SourceUnavailableException;
import iamnb.model.AccountSnapshot;
import iamnb.model.OrgAccount;
import iamnb.model.Organization;
import java.util.Set;
import java.util.TreeSet;

/**
 * The embedded demo organization: the demo account's organization (root → Production / Shared / Sandbox, five
 * accounts, its SCPs and RCPs) with every member collected. Member {@code 123456789012} is the demo account itself
 * ({@link DemoAccount}); the other four are small snapshot folders in the library's resources ({@code
 * /iamnb/demo-org/ID/}), generated with cross-account trusts, a chained path to admin and planted problems that
 * the README's "Demo organization" section lists.
 */
public final class DemoOrganization {
    /** Where the other members live on the class path, one snapshot folder per account id. */
    public static final String RESOURCE_DIR = "/iamnb/demo-org/";
    /** Lists the members' files, {@code ID/relative-path} one a line, so they can be read from any class loader. */
    public static final String INDEX = "index.txt";
    /** The instant every member describes, the demo account's. */
    public static final java.time.Instant AS_OF = java.time.Instant.parse("2026-11-01T00:00:00Z");
    public static final String DESCRIPTION = "demo organization";

    private DemoOrganization() {}

    /** The demo organization, reading members from the library's own class loader when they are asked for. */
    public static OrgSource source() {
        return source(DemoOrganization.class.getClassLoader());
    }

    /** The same from a given class loader (the kernel's, a jar's, a test's). */
    static OrgSource source(ClassLoader loader) {
        AccountSnapshot demo = DemoAccount.load(loader);
        Organization org = demo.organization().orElseThrow(() -> new SourceUnavailableException(
                "the demo account has no organization/ folder, so the demo organization cannot be built"));
        Set<String> ids = new TreeSet<>();
        org.accounts().stream().map(OrgAccount::id).forEach(ids::add);
        ResourceFolder members = new ResourceFolder(loader, RESOURCE_DIR.substring(1), INDEX, "the demo organization");
        return new InMemoryOrg(org, ids, id -> "not part of the demo", id -> {
            if (id.equals(demo.accountId())) {
                return demo;
            }
            AccountSnapshot s = members.read(id + "/");
            if (!s.accountId().equals(id)) {
                throw new InvalidInputException(RESOURCE_DIR + id + "/ holds account " + s.accountId());
            }
            return s;
        }, AS_OF, DESCRIPTION);
    }
}
