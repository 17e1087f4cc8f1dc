package iamnb.source.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.InvalidInputException;
import iamnb.model.AccountSnapshot;
import iamnb.model.Role;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.JsonAt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code list-roles.json} ({@code aws iam list-roles}) and the alternative folder {@code roles/NAME.json}
 * ({@code aws iam get-role}): what GAAD leaves out of a role, its {@code MaxSessionDuration} and
 * {@code Description} (and, from get-role, {@code RoleLastUsed}). Written as list-roles.
 */
final class ListRolesCodec extends FileCodec {
    private static final String ROLES = "Roles", GET_ROLE = "Role", ROLE_NAME = "RoleName",
            DESCRIPTION = "Description", MAX_SESSION = "MaxSessionDuration";

    ListRolesCodec() {
        super(SnapshotFiles.LIST_ROLES, SnapshotFiles.ROLES_DIR);
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        Map<String, JsonAt> details = new LinkedHashMap<>();
        folder.json(SnapshotFiles.LIST_ROLES).ifPresent(l -> l.list(ROLES).forEach(r -> details.put(r.text(ROLE_NAME), r)));
        for (SnapshotFolder.Named f : folder.jsonFiles(SnapshotFiles.ROLES_DIR)) {
            JsonAt r = f.json().get(GET_ROLE);
            if (r.isMissing()) {
                throw new InvalidInputException(f.json().file() + ": expected the output of `aws iam get-role`,"
                        + " {\"Role\": {...}}");
            }
            details.merge(r.text(ROLE_NAME), r, (listed, fromGet) -> fromGet);
        }
        parts.roleDetails = details;
    }

    /** GAAD's roles with what list-roles or get-role add; a detail for a role GAAD lacks is a warning. */
    static List<Role> applyTo(List<Role> roles, Map<String, JsonAt> details, List<String> warnings) {
        if (details.isEmpty()) {
            return roles;
        }
        List<Role> out = new ArrayList<>(roles.size());
        Set<String> known = new HashSet<>();
        for (Role role : roles) {
            known.add(role.name());
            JsonAt d = details.get(role.name());
            out.add(d == null ? role : withDetails(role, d));
        }
        details.keySet().stream().filter(n -> !known.contains(n)).findFirst().ifPresent(n ->
                warnings.add("role " + n + " appears in " + SnapshotFiles.LIST_ROLES + " or " + SnapshotFiles.ROLES_DIR
                        + "/ but not in " + SnapshotFiles.GAAD + "; it was ignored"));
        return out;
    }

    private static Role withDetails(Role role, JsonAt d) {
        Role.Builder rb = role.toBuilder();
        GaadCodec.maxSession(d).ifPresent(rb::maxSessionDuration);
        if (d.has(DESCRIPTION)) {
            rb.description(d.optText(DESCRIPTION));
        }
        if (d.has(GaadCodec.LAST_USED)) {
            rb.lastUsed(GaadCodec.roleLastUsed(d.get(GaadCodec.LAST_USED)));
        }
        try {
            return rb.build();
        } catch (InvalidInputException e) {
            throw d.error(e.getMessage());
        }
    }

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        if (s.roles().isEmpty()) {
            return;
        }
        ObjectNode o = Json.object();
        ArrayNode roles = o.putArray(ROLES);
        for (Role r : s.roles()) {
            ObjectNode n = GaadCodec.roleIdentity(roles.addObject(), r);
            if (!r.description().isEmpty()) {
                n.put(DESCRIPTION, r.description());
            }
            n.put(MAX_SESSION, r.maxSessionDuration().toSeconds());
        }
        out.json(SnapshotFiles.LIST_ROLES, o);
    }
}
