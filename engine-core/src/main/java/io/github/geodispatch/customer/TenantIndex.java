package io.github.geodispatch.customer;

import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.CustomerId;
import java.util.Locale;
import java.util.Optional;

/**
 * What must be unique across a tenant's customers, as {@link CustomerDecisions} asks it: equipment by make and
 * serial number (compared trimmed and case-blind: {@link #serialKey}), and contract ids. Implementations say
 * whether they are thread-safe.
 */
public interface TenantIndex {

    /** The customer holding equipment of this make and serial, if any. */
    Optional<CustomerId> serialOwner(String make, String serial);

    /** The customer holding this contract, if any. */
    Optional<CustomerId> contractOwner(ContractId contract);

    /** An index that knows nothing (every serial and contract id is new), for a decision about one customer alone. */
    static TenantIndex none() {
        return new TenantIndex() {
            @Override
            public Optional<CustomerId> serialOwner(String make, String serial) {
                return Optional.empty();
            }

            @Override
            public Optional<CustomerId> contractOwner(ContractId contract) {
                return Optional.empty();
            }
        };
    }

    /** The comparison key of a make and serial: both trimmed and upper-cased, joined by {@code |}. */
    static String serialKey(String make, String serial) {
        return (make == null ? "" : make.strip().toUpperCase(Locale.ROOT)) + "|" + serial.strip().toUpperCase(Locale.ROOT);
    }
}
