package io.github.geodispatch.customer;

import io.github.geodispatch.customer.internal.StripedLockCustomerRecord;
import io.github.geodispatch.job.IdGenerator;
import io.github.geodispatch.job.Subscription;
import io.github.geodispatch.memory.InMemoryCustomerEventStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerEventStore;
import io.github.geodispatch.spi.CustomerId;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Customers, their sites and equipment, and their contracts, as hash-chained event streams over one
 * {@link CustomerEventStore}, with the job record's rules: every command names its {@link Actor}, reads and
 * writes never cross the actor's tenant, branch staff act within their branch, and a refused command is a
 * {@link CustomerResult.Rejected} that changed nothing (see {@link CustomerDecisions} for the checks). Commands
 * on one customer are serialised inside the record; a conflict with another writer of the store is re-read,
 * re-decided and retried, then reported as {@code CONCURRENCY_CONFLICT}. Equipment serials and contract ids are
 * checked for uniqueness against every customer of the tenant the store holds (another host writing the same
 * serial at the same instant is not caught).
 *
 * <p>Thread-safe.
 */
public interface CustomerRecord {

    static Builder builder() {
        return new Builder();
    }

    /** Decides {@code command} for {@code actor} and, when accepted, stores its events and tells listeners. */
    CustomerResult execute(Actor actor, CustomerCommand command);

    /** The customer's current state, or empty when not in the actor's tenant or not visible to the actor. */
    Optional<CustomerState> customer(Actor actor, CustomerId customer);

    /** The customer's events in version order, or empty when the actor may not see the customer. */
    List<CustomerEvent> history(Actor actor, CustomerId customer);

    /**
     * True when the customer's stored history verifies: the hash chain holds and, when this record wrote the
     * customer, still ends in the head it recorded. Empty when the actor may not see the customer.
     */
    Optional<Boolean> verifyHistory(Actor actor, CustomerId customer);

    /** Registers a listener for every batch of events this record stores from now on. */
    Subscription subscribe(CustomerEventListener listener);

    /**
     * Configures a {@link CustomerRecord}; each setter rejects null and a second call, naming the setting. Not
     * thread-safe; build once and share the record.
     */
    final class Builder {
        private CustomerEventStore store;
        private InstantSource clock;
        private IdGenerator ids;

        private Builder() {}

        /** Where customer streams live; in memory when not set. */
        public Builder store(CustomerEventStore value) {
            store = once(store, value, "customer store");
            return this;
        }

        /** The clock of event timestamps; the system clock when not set. */
        public Builder clock(InstantSource value) {
            clock = once(clock, value, "clock");
            return this;
        }

        /** Where event ids come from; random when not set. */
        public Builder idGenerator(IdGenerator value) {
            ids = once(ids, value, "id generator");
            return this;
        }

        public CustomerRecord build() {
            return new StripedLockCustomerRecord(store != null ? store : new InMemoryCustomerEventStore(),
                    clock != null ? clock : InstantSource.system(), ids != null ? ids : IdGenerator.random());
        }

        private static <T> T once(T current, T value, String name) {
            Objects.requireNonNull(value, name);
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
            return value;
        }
    }
}
