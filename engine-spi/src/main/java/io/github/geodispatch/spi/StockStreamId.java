package io.github.geodispatch.spi;

import java.util.Objects;

/**
 * The key of one stock stream: a tenant's parts catalogue ({@code location} null), or one stock location (a
 * warehouse or a van). Streams never cross tenants. Immutable and thread-safe.
 */
public record StockStreamId(TenantId tenant, LocationId location) {
    /** The {@link #key()} of the catalogue stream. */
    public static final String CATALOGUE_KEY = "catalogue";
    private static final String LOCATION_PREFIX = "location:";

    public StockStreamId {
        Objects.requireNonNull(tenant, "tenant");
    }

    /** The stream of the tenant's SKU definitions. */
    public static StockStreamId catalogue(TenantId tenant) {
        return new StockStreamId(tenant, null);
    }

    /** The stream of one location's movements. */
    public static StockStreamId location(TenantId tenant, LocationId location) {
        return new StockStreamId(tenant, Objects.requireNonNull(location, "location"));
    }

    /** The stream named by {@code key} ({@link #key()}); an {@link IllegalArgumentException} for any other text. */
    public static StockStreamId parse(TenantId tenant, String key) {
        if (CATALOGUE_KEY.equals(key)) {
            return catalogue(tenant);
        }
        if (key != null && key.startsWith(LOCATION_PREFIX)) {
            return location(tenant, LocationId.of(key.substring(LOCATION_PREFIX.length())));
        }
        throw new IllegalArgumentException("stock stream key must be 'catalogue' or 'location:<id>', was '" + key + "'");
    }

    public boolean isCatalogue() {
        return location == null;
    }

    /** The stream's name within its tenant: {@code catalogue} or {@code location:<id>}. */
    public String key() {
        return location == null ? CATALOGUE_KEY : LOCATION_PREFIX + location.value();
    }

    @Override
    public String toString() {
        return tenant.value() + "/stock/" + key();
    }
}
