package iamnb.model;

/**
 * What {@link PolicyLint} checks a policy document for, each against the AWS service catalogue
 * ({@link iamnb.catalog.Catalog}). {@link #id()} is a stable rule id to filter or suppress by.
 */
public enum LintCheck {
    /** An Action's service prefix is no AWS service: the statement matches no request. */
    UNKNOWN_SERVICE("UNKNOWN-SERVICE"),
    /** An Action names no action of its service, or its wildcard fits none: it matches no request. */
    UNKNOWN_ACTION("UNKNOWN-ACTION"),
    /** None of the statement's resources is of a type the action acts on, so the statement never grants it. */
    RESOURCE_TYPE_MISMATCH("RESOURCE-TYPE"),
    /** A resource fits none of the statement's actions: it is dead weight or a typo. */
    RESOURCE_FITS_NO_ACTION("RESOURCE-UNUSED"),
    /** A condition key that no service defines: it is never present, so the test never holds (or always, with IfExists). */
    UNKNOWN_CONDITION_KEY("UNKNOWN-KEY"),
    /** A service's condition key that none of the statement's actions carries: it is absent for all of them. */
    KEY_NOT_CARRIED("KEY-NOT-CARRIED"),
    /** A condition operator of the wrong type for the key (StringEquals on a date, IpAddress on a string). */
    OPERATOR_TYPE_MISMATCH("OPERATOR-TYPE"),
    /** A condition operator IAM does not have. */
    UNKNOWN_OPERATOR("UNKNOWN-OPERATOR"),
    /** A statement that another of the same effect without conditions already covers: it changes nothing. */
    REDUNDANT_STATEMENT("REDUNDANT"),
    /** Allow with NotAction: grants every other action of every service, including those AWS adds later. */
    NOT_ACTION_WITH_ALLOW("ALLOW-NOT-ACTION");

    private final String id;

    LintCheck(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
