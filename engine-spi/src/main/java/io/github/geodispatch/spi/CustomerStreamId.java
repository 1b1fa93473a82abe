package io.github.geodispatch.spi;

import java.util.Objects;

/**
 * The key of one customer's event stream (profile, sites, equipment and contracts): streams never cross
 * tenants. Immutable and thread-safe.
 */
public record CustomerStreamId(TenantId tenant, CustomerId customer) {
    public CustomerStreamId {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(customer, "customer");
    }

    public static CustomerStreamId of(TenantId tenant, CustomerId customer) {
        return new CustomerStreamId(tenant, customer);
    }

    @Override
    public String toString() {
        return tenant.value() + "/" + customer.value();
    }
}
