package io.github.geodispatch.journal.internal;
import io.github.geodispatch.customer.CustomerDecisions;
import io.github.geodispatch.customer.CustomerState;
import io.github.geodispatch.customer.TenantIndex;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerStreamId;
import io.github.geodispatch.spi.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Imports a journal's customer and contract lines by the customer record's own rules ({@link CustomerDecisions},
 * as the journal's SYSTEM actor at each line's time): each accepted line becomes hash-chained customer events,
 * with name-based event ids of tenant, customer and version (importing twice yields the same events); a line the
 * record would refuse (a malformed phone or GSTIN, a duplicate serial, a contract of an unknown site) is
 * rejected with the rejection's reason and message. Not thread-safe.
 */
public final class CustomerImport {
    private final Actor actor;
    private final Map<CustomerId, CustomerState> customers = new HashMap<>();
    private final Map<String, CustomerId> serials = new HashMap<>();
    private final Map<ContractId, CustomerId> contracts = new HashMap<>();
    private final TenantIndex index = new TenantIndex() {
        @Override
        public Optional<CustomerId> serialOwner(String make, String serial) {
            return Optional.ofNullable(serials.get(TenantIndex.serialKey(make, serial)));
        }

        @Override
        public Optional<CustomerId> contractOwner(ContractId contract) {
            return Optional.ofNullable(contracts.get(contract));
        }
    };

    public CustomerImport(Actor actor) {
        this.actor = actor;
    }

    /**
     * Decides the line's command and hands its events to {@code events}.
     *
     * @return empty when accepted, else why the line was rejected
     */
    public Optional<String> record(JournalRecord.CustomerRecord r, Consumer<CustomerEvent> events) {
        CustomerId id = r.customer();
        CustomerState current = customers.get(id);
        TenantId tenant = actor.tenant();
        long[] version = {current == null ? 0 : current.version()};
        CustomerDecisions.Decision decision = CustomerDecisions.decide(current, actor, r.command(), r.at().toInstant(),
                () -> NameUuids.of("geodispatch-journal:customer:" + CustomerStreamId.of(tenant, id) + "#"
                        + (++version[0])), index);
        if (!decision.isAccepted()) {
            return Optional.of(r.type() + " of customer " + id + ": " + decision.rejection().reason() + ": "
                    + decision.rejection().message());
        }
        List<CustomerEvent> decided = decision.events();
        for (CustomerEvent e : decided) {
            current = current == null ? CustomerState.of((CustomerEvent.CustomerRegistered) e) : current.apply(e);
            if (e instanceof CustomerEvent.EquipmentInstalled installed) {
                serials.put(TenantIndex.serialKey(installed.equipment().make(), installed.equipment().serial()), id);
            } else if (e instanceof CustomerEvent.ContractDrafted drafted) {
                contracts.put(drafted.terms().id(), id);
            }
            events.accept(e);
        }
        if (current != null) {
            customers.put(id, current);
        }
        return Optional.empty();
    }
}
