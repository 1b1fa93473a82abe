package io.github.geodispatch.customer;

import io.github.geodispatch.spi.CustomerId;

/** Thrown by {@link CustomerResult#orThrow()} for a rejected command; nothing was stored. */
public final class CustomerRejectedException extends RuntimeException {
    private final transient CustomerRejection rejection;

    public CustomerRejectedException(CustomerId customer, CustomerRejection rejection) {
        super("customer " + customer + ": " + rejection.reason() + ": " + rejection.message());
        this.rejection = rejection;
    }

    public CustomerRejection rejection() {
        return rejection;
    }
}
