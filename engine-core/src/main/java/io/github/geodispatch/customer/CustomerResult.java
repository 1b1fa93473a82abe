package io.github.geodispatch.customer;

import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.StoredCustomerEvent;
import java.util.List;
import java.util.Objects;

/**
 * What {@link CustomerRecord#execute} did with a command: {@link Accepted} with the stored events and the
 * customer's new state, or {@link Rejected} with the reason (nothing changed). Immutable and thread-safe.
 */
public sealed interface CustomerResult {

    CustomerId customer();

    boolean isAccepted();

    /** The customer's state after the command, or throws {@link CustomerRejectedException}. */
    CustomerState orThrow();

    /** Accepted; {@code events} is empty when the command repeated what the record already holds. */
    record Accepted(CustomerState state, List<StoredCustomerEvent> events) implements CustomerResult {
        public Accepted {
            Objects.requireNonNull(state, "state");
            events = List.copyOf(events);
        }

        @Override
        public CustomerId customer() {
            return state.id();
        }

        @Override
        public boolean isAccepted() {
            return true;
        }

        @Override
        public CustomerState orThrow() {
            return state;
        }
    }

    /** Refused; nothing changed. */
    record Rejected(CustomerId customer, CustomerRejection rejection) implements CustomerResult {
        public Rejected {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(rejection, "rejection");
        }

        @Override
        public boolean isAccepted() {
            return false;
        }

        @Override
        public CustomerState orThrow() {
            throw new CustomerRejectedException(customer, rejection);
        }
    }
}
