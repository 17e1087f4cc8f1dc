package iamnb.catalog;

import java.util.Locale;

/**
 * The access level the Service Authorization Reference gives each action: what the action can do, coarsely.
 * Permissions management and Tagging are kinds of Write singled out because they change who may do what.
 */
public enum AccessLevel {
    LIST("List"),
    READ("Read"),
    WRITE("Write"),
    PERMISSIONS_MANAGEMENT("Permissions management"),
    TAGGING("Tagging");

    private final String label;

    AccessLevel(String label) {
        this.label = label;
    }

    /** The reference's own name for the level ("Permissions management"). */
    public String label() {
        return label;
    }

    /** True for the levels that change something: Write, Permissions management, Tagging. */
    public boolean changes() {
        return this == WRITE || this == PERMISSIONS_MANAGEMENT || this == TAGGING;
    }

    /**
     * The level with this name, as the reference writes it or as the enum constant, in any case.
     *
     * @throws IllegalArgumentException naming the accepted levels
     */
    public static AccessLevel of(String name) {
        for (AccessLevel l : values()) {
            if (l.label.equalsIgnoreCase(name.trim()) || l.name().equalsIgnoreCase(name.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("no access level \"" + name + "\"; the levels are List, Read, Write, "
                + "Permissions management, Tagging");
    }

    static AccessLevel ofCode(char code, String where) {
        return switch (code) {
            case 'L' -> LIST;
            case 'R' -> READ;
            case 'W' -> WRITE;
            case 'P' -> PERMISSIONS_MANAGEMENT;
            case 'T' -> TAGGING;
            default -> throw new IllegalStateException(where + ": unknown access level code " + code);
        };
    }

    @Override
    public String toString() {
        return label;
    }

    String lower() {
        return label.toLowerCase(Locale.ROOT);
    }
}
