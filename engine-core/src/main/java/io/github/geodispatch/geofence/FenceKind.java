package io.github.geodispatch.geofence;

/** What a fence is for. Immutable and thread-safe. */
public enum FenceKind {
    /** A job's customer site: a visit here proves the technician was on the job. */
    SITE,
    /** A branch or office: visits here are check-in and check-out. */
    BRANCH,
    /** A dispatch zone (ward or pincode sized); visits are not reported as attendance. */
    SERVICE_AREA;

    /** The GeoJSON {@code properties.kind} spelling: {@code site}, {@code branch} or {@code area}. */
    public String geoJsonName() {
        return switch (this) {
            case SITE -> "site";
            case BRANCH -> "branch";
            case SERVICE_AREA -> "area";
        };
    }

    /** Parses the GeoJSON spelling; throws {@link IllegalArgumentException} naming the accepted values. */
    public static FenceKind fromGeoJsonName(String name) {
        for (FenceKind kind : values()) {
            if (kind.geoJsonName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("fence kind must be one of site, branch, area; was '" + name + "'");
    }
}
