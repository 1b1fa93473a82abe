package io.github.geodispatch.spi;

import java.util.Objects;

/**
 * One of a customer's service locations: where it is, its postal address, and what a technician needs to get
 * in (gate codes, the watchman's hours). Immutable and thread-safe.
 */
public record CustomerSite(SiteId id, GeoPoint location, String address, String accessNotes) {
    public CustomerSite {
        Objects.requireNonNull(id, "site id");
        Objects.requireNonNull(location, "site location");
        address = address == null ? "" : address;
        accessNotes = accessNotes == null ? "" : accessNotes;
    }
}
