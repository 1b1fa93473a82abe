package io.github.geodispatch.spi;

import java.util.Objects;

/** A customer's service location: where the technician must be seen, and the fence radius that proves it. */
public record Site(SiteId id, GeoPoint location, double radiusMetres, String address) {
    public Site {
        Objects.requireNonNull(id, "site id");
        Objects.requireNonNull(location, "site location");
        if (!Double.isFinite(radiusMetres) || radiusMetres <= 0 || radiusMetres > 5_000) {
            throw new IllegalArgumentException("site radius must be in (0, 5000] metres, was " + radiusMetres);
        }
        address = address == null ? "" : address;
    }
}
