package io.github.geodispatch.messaging;

import io.github.geodispatch.customer.CustomerRecord;
import io.github.geodispatch.customer.CustomerState;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.MessageChannel;
import io.github.geodispatch.spi.TechnicianId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where messages find their people: a customer's and a technician's {@link Contact}, or empty when there is none (the
 * message is then recorded as FAILED, saying so). Implementations must be thread-safe.
 */
public interface ContactBook {

    Optional<Contact> customer(CustomerId customer);

    Optional<Contact> technician(TechnicianId technician);

    /**
     * Customers from the customer record, read as {@code reader}: their name, their first phone number on
     * {@code phoneChannel} (WhatsApp or SMS), else their e-mail address, in their preferred language. Technicians
     * from {@code technicians}.
     */
    static ContactBook of(CustomerRecord customers, Actor reader, MessageChannel phoneChannel,
                          Function<TechnicianId, Optional<Contact>> technicians) {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(phoneChannel, "phone channel");
        Objects.requireNonNull(technicians, "technicians");
        if (phoneChannel != MessageChannel.WHATSAPP && phoneChannel != MessageChannel.SMS) {
            throw new IllegalArgumentException("customers' phones take WHATSAPP or SMS, not " + phoneChannel);
        }
        return new ContactBook() {
            @Override
            public Optional<Contact> customer(CustomerId customer) {
                return customers.customer(reader, customer).map(CustomerState::profile).flatMap(p -> reach(p, phoneChannel));
            }

            @Override
            public Optional<Contact> technician(TechnicianId technician) {
                return technicians.apply(technician);
            }
        };
    }

    /** A technician reached in the app (through the notifier) by their id, in English. */
    static Optional<Contact> inApp(TechnicianId technician) {
        return Optional.of(new Contact(technician.value(), MessageChannel.APP, technician.value(), "en"));
    }

    private static Optional<Contact> reach(CustomerProfile p, MessageChannel phoneChannel) {
        if (!p.phones().isEmpty()) {
            return Optional.of(new Contact(p.name(), phoneChannel, p.phones().get(0), p.language()));
        }
        if (p.email() != null) {
            return Optional.of(new Contact(p.name(), MessageChannel.EMAIL, p.email(), p.language()));
        }
        return Optional.empty();
    }
}
