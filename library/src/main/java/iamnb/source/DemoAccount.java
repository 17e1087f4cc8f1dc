package iamnb.source;

import iamnb.model.AccountSnapshot;

/**
 * The embedded demo account: a snapshot folder in the library's resources ({@code /iamnb/demo/}), read by the
 * same {@link SnapshotReader} as any other snapshot. Built from the seed runbooks' names with planted problems;
 * the README's "Demo account" section lists them.
 */
public final class DemoAccount {
    /** Where the demo lives on the class path. */
    public static final String RESOURCE_DIR = "/iamnb/demo/";
    /** Lists the demo's files, one relative path a line, so it can be read from any class loader. */
    public static final String INDEX = "index.txt";

    private DemoAccount() {}

    public static AccountSnapshot load() {
        return load(DemoAccount.class.getClassLoader());
    }

    /** Reads the demo from a given class loader (the kernel's, a shaded jar's, a test's). */
    static AccountSnapshot load(ClassLoader loader) {
        return new ResourceFolder(loader, RESOURCE_DIR.substring(1), INDEX, "the demo account").read("");
    }
}
