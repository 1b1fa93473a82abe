package io.github.geodispatch.customer.internal;
import io.github.geodispatch.customer.TenantIndex;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerEventStore;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.StoredCustomerEvent;
import io.github.geodispatch.spi.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The serials and contract ids of every customer a {@link CustomerEventStore} holds, by tenant, read from the
 * store's global log: each question first reads what was appended since the last one (by any writer of the
 * store), so the answer is as fresh as the store. Thread-safe: one monitor.
 */
final class StoreIndex {
    private static final int PAGE = 1_000;
    private final CustomerEventStore store;
    private final Map<TenantId, Map<String, CustomerId>> serials = new HashMap<>();
    private final Map<TenantId, Map<ContractId, CustomerId>> contracts = new HashMap<>();
    private long position;

    StoreIndex(CustomerEventStore store) {
        this.store = store;
    }

    /** The index of one tenant, for one decision. */
    TenantIndex of(TenantId tenant) {
        return new TenantIndex() {
            @Override
            public Optional<CustomerId> serialOwner(String make, String serial) {
                synchronized (StoreIndex.this) {
                    catchUp();
                    return Optional.ofNullable(serials.getOrDefault(tenant, Map.of()).get(TenantIndex.serialKey(make, serial)));
                }
            }

            @Override
            public Optional<CustomerId> contractOwner(ContractId contract) {
                synchronized (StoreIndex.this) {
                    catchUp();
                    return Optional.ofNullable(contracts.getOrDefault(tenant, Map.of()).get(contract));
                }
            }
        };
    }

    private void catchUp() {
        List<StoredCustomerEvent> page;
        while (!(page = store.readAll(position, PAGE)).isEmpty()) {
            for (StoredCustomerEvent stored : page) {
                CustomerEvent e = stored.event();
                TenantId tenant = e.header().tenant();
                if (e instanceof CustomerEvent.EquipmentInstalled installed) {
                    serials.computeIfAbsent(tenant, t -> new HashMap<>()).putIfAbsent(
                            TenantIndex.serialKey(installed.equipment().make(), installed.equipment().serial()),
                            e.header().customer());
                } else if (e instanceof CustomerEvent.ContractDrafted drafted) {
                    contracts.computeIfAbsent(tenant, t -> new HashMap<>()).putIfAbsent(drafted.terms().id(),
                            e.header().customer());
                }
                position = stored.position();
            }
        }
    }
}
