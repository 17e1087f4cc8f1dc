package iamnb.source.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.InvalidInputException;
import iamnb.model.AttachedPolicy;
import iamnb.model.Group;
import iamnb.model.InlinePolicy;
import iamnb.model.InstanceProfile;
import iamnb.model.ManagedPolicy;
import iamnb.model.PolicyVersion;
import iamnb.model.Role;
import iamnb.model.RoleLastUsed;
import iamnb.model.User;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
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

    private final ObjectMapper mapper;

    public GaadReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Content read(InputStream in, String file) {
        Batches<User> users = new Batches<>(GaadReader::user);
        Batches<Group> groups = new Batches<>(GaadReader::group);
        Batches<Role> roles = new Batches<>(GaadReader::role);
        Batches<ManagedPolicy> policies = new Batches<>(GaadReader::policy);
        try (JsonParser p = mapper.getFactory().createParser(in)) {
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
                        + " `aws iam get-account-authorization-details` prints, found " + first);
            }
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InvalidInputException(file + ": not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + e.getOriginalMessage(), e);
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

    static List<InlinePolicy> inline(JsonAt owner, String field) {
        List<InlinePolicy> out = new ArrayList<>();
        for (JsonAt p : owner.list(field)) {
            out.add(new InlinePolicy(p.text("PolicyName"), p.policy("PolicyDocument")));
        }
        return out;
    }

    static List<AttachedPolicy> attached(JsonAt owner) {
        List<AttachedPolicy> out = new ArrayList<>();
        for (JsonAt p : owner.list("AttachedManagedPolicies")) {
            out.add(new AttachedPolicy(p.text("PolicyName"), p.text("PolicyArn")));
        }
        return out;
    }

    static String boundary(JsonAt owner) {
        JsonAt b = owner.get("PermissionsBoundary");
        return b.isMissing() || !b.has("PermissionsBoundaryArn") ? null : b.text("PermissionsBoundaryArn");
    }

    static User user(JsonAt u) {
        try {
            return User.builder(u.text("UserName"), u.text("Arn"))
                    .userId(u.optText("UserId"))
                    .path(u.optText("Path"))
                    .created(u.instant("CreateDate"))
                    .groups(u.strings("GroupList"))
                    .inlinePolicies(inline(u, "UserPolicyList"))
                    .attachedPolicies(attached(u))
                    .permissionsBoundaryArn(boundary(u))
                    .tags(u.tags("Tags"))
                    .build();
        } catch (InvalidInputException e) {
            throw rethrow(u, e);
        }
    }

    static Group group(JsonAt g) {
        try {
            return new Group(g.text("GroupName"), g.optText("GroupId"), g.text("Arn"), g.optText("Path"),
                    g.instant("CreateDate"), inline(g, "GroupPolicyList"), attached(g));
        } catch (InvalidInputException e) {
            throw rethrow(g, e);
        }
    }

    static Role role(JsonAt r) {
        try {
            Role.Builder b = Role.builder(r.text("RoleName"), r.text("Arn"))
                    .roleId(r.optText("RoleId"))
                    .path(r.optText("Path"))
                    .created(r.instant("CreateDate"))
                    .description(r.optText("Description"))
                    .trustPolicy(r.policy("AssumeRolePolicyDocument"))
                    .inlinePolicies(inline(r, "RolePolicyList"))
                    .attachedPolicies(attached(r))
                    .permissionsBoundaryArn(boundary(r))
                    .tags(r.tags("Tags"))
                    .lastUsed(roleLastUsed(r.get("RoleLastUsed")))
                    .instanceProfiles(instanceProfiles(r));
            if (r.has("MaxSessionDuration")) {
                b.maxSessionDuration(Duration.ofSeconds(r.integer("MaxSessionDuration", 3600)));
            }
            return b.build();
        } catch (InvalidInputException e) {
            throw rethrow(r, e);
        }
    }

    /** {@code RoleLastUsed} is {@code {}} for a role never used; null here. */
    public static RoleLastUsed roleLastUsed(JsonAt last) {
        if (last.isMissing() || !last.has("LastUsedDate")) {
            return null;
        }
        return new RoleLastUsed(last.instant("LastUsedDate"), last.optText("Region"));
    }

    static List<InstanceProfile> instanceProfiles(JsonAt r) {
        List<InstanceProfile> out = new ArrayList<>();
        for (JsonAt ip : r.list("InstanceProfileList")) {
            out.add(new InstanceProfile(ip.text("InstanceProfileName"), ip.optText("InstanceProfileId"),
                    ip.text("Arn"), ip.optText("Path"), ip.instant("CreateDate")));
        }
        return out;
    }

    static ManagedPolicy policy(JsonAt p) {
        try {
            List<PolicyVersion> versions = new ArrayList<>();
            for (JsonAt v : p.list("PolicyVersionList")) {
                versions.add(new PolicyVersion(v.text("VersionId"), v.bool("IsDefaultVersion", false),
                        v.instant("CreateDate"), v.policy("Document")));
            }
            return ManagedPolicy.builder().name(p.text("PolicyName")).arn(p.text("Arn"))
                    .policyId(p.optText("PolicyId"))
                    .path(p.optText("Path"))
                    .defaultVersionId(p.text("DefaultVersionId"))
                    .attachmentCount(p.integer("AttachmentCount", 0))
                    .permissionsBoundaryUsageCount(p.integer("PermissionsBoundaryUsageCount", 0))
                    .isAttachable(p.bool("IsAttachable", true))
                    .description(p.optText("Description"))
                    .created(p.instant("CreateDate"))
                    .updated(p.optInstant("UpdateDate").orElse(p.instant("CreateDate")))
                    .versions(versions)
                    .build();
        } catch (InvalidInputException e) {
            throw rethrow(p, e);
        }
    }

    /** Errors raised by model constructors do not know the file; add it once. */
    static InvalidInputException rethrow(JsonAt at, InvalidInputException e) {
        if (e.getMessage().startsWith(at.file())) {
            return e;
        }
        return new InvalidInputException(at.where() + ": " + e.getMessage(), e);
    }
}
