package iamnb.source.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.InvalidInputException;
import iamnb.internal.JsonInput;
import iamnb.model.Group;
import iamnb.model.ManagedPolicy;
import iamnb.model.Role;
import iamnb.model.User;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Reads {@code aws iam get-account-authorization-details} output: the CLI's form (policy documents as JSON
 * objects) and the raw API/SDK form (documents as URL-encoded strings), one response or a JSON list of
 * pages. The file is streamed element by element, and elements are converted in parallel, so a large
 * account never sits in memory twice.
 */
public final class GaadReader {
    /** What GAAD holds. Users come without credentials (keys, MFA, login profile): other files add them. */
    public record Content(List<User> users, List<Group> groups, List<Role> roles, List<ManagedPolicy> policies) {
        public Content {
            users = List.copyOf(users);
            groups = List.copyOf(groups);
            roles = List.copyOf(roles);
            policies = List.copyOf(policies);
        }
    }

    /** How each element of the four lists becomes a model record (the GAAD codec's half of the format). */
    public record Converters(Function<JsonAt, User> user, Function<JsonAt, Group> group, Function<JsonAt, Role> role,
                             Function<JsonAt, ManagedPolicy> policy) {}

    private final ObjectMapper mapper;
    private final Converters convert;

    public GaadReader(ObjectMapper mapper, Converters convert) {
        this.mapper = mapper;
        this.convert = convert;
    }

    public Content read(InputStream in, String file) {
        Batches<User> users = new Batches<>(convert.user());
        Batches<Group> groups = new Batches<>(convert.group());
        Batches<Role> roles = new Batches<>(convert.role());
        Batches<ManagedPolicy> policies = new Batches<>(convert.policy());
        try (JsonParser p = mapper.getFactory().createParser(in)) {
            try {
                JsonToken first = p.nextToken();
                if (first == JsonToken.START_ARRAY) {
                    int page = 0;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        readPage(p, file, "$[" + page++ + "]", users, groups, roles, policies);
                    }
                } else if (first == JsonToken.START_OBJECT) {
                    readPage(p, file, "$", users, groups, roles, policies);
                } else {
                    throw new InvalidInputException(file + ": expected the JSON object that"
                            + " `aws iam get-account-authorization-details` prints, found "
                            + (first == null ? "nothing (the file is empty)" : first));
                }
            } catch (JsonProcessingException e) {
                throw JsonInput.invalid(file, e, p);
            }
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return new Content(users.results(), groups.results(), roles.results(), policies.results());
    }

    private void readPage(JsonParser p, String file, String pagePath, Batches<User> users, Batches<Group> groups,
                          Batches<Role> roles, Batches<ManagedPolicy> policies) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            Batches<?> target = switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "userdetaillist" -> users;
                case "groupdetaillist" -> groups;
                case "roledetaillist" -> roles;
                case "policies" -> policies;
                default -> null;
            };
            if (target == null) {
                p.skipChildren();
                continue;
            }
            if (value != JsonToken.START_ARRAY) {
                throw new InvalidInputException(file + " line " + p.currentLocation().getLineNr() + ": "
                        + pagePath + "." + name + " must be a list, found " + value);
            }
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int line = p.currentLocation().getLineNr();
                JsonNode element = mapper.readTree(p);
                target.add(new JsonAt(element, file, line, pagePath + "." + name + "[" + i++ + "]"));
            }
        }
        users.flush();
        groups.flush();
        roles.flush();
        policies.flush();
    }

    /**
     * Converts elements in batches on the common pool while the parser reads on: reading and converting
     * overlap, and document order is kept.
     */
    private static final class Batches<T> {
        private static final int SIZE = 256;
        private final Function<JsonAt, T> convert;
        private final List<CompletableFuture<List<T>>> done = new ArrayList<>();
        private List<JsonAt> current = new ArrayList<>(SIZE);

        Batches(Function<JsonAt, T> convert) {
            this.convert = convert;
        }

        void add(JsonAt element) {
            current.add(element);
            if (current.size() >= SIZE) {
                flush();
            }
        }

        void flush() {
            if (current.isEmpty()) {
                return;
            }
            List<JsonAt> batch = current;
            current = new ArrayList<>(SIZE);
            done.add(CompletableFuture.supplyAsync(() -> batch.stream().map(convert).toList()));
        }

        List<T> results() {
            flush();
            List<T> out = new ArrayList<>();
            for (CompletableFuture<List<T>> f : done) {
                try {
                    out.addAll(f.join());
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw e;
                }
            }
            return out;
        }
    }

    /** Errors raised by model constructors do not know the file; add it once. */
    public static InvalidInputException rethrow(JsonAt at, InvalidInputException e) {
        if (e.getMessage().startsWith(at.file())) {
            return e;
        }
        return new InvalidInputException(at.where() + ": " + e.getMessage(), e);
    }
}
