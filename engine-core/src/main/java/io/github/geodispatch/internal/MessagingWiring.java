package io.github.geodispatch.internal;

import io.github.geodispatch.messaging.Contact;
import io.github.geodispatch.messaging.MessagingPolicy;
import io.github.geodispatch.spi.MessageSender;
import io.github.geodispatch.spi.MessageStore;
import io.github.geodispatch.spi.PaymentRequests;
import io.github.geodispatch.spi.TechnicianId;
import java.util.Optional;
import java.util.function.Function;

/**
 * The front door's messaging settings with defaults applied; {@code paymentRequests} is null when M-Pesa prompts are
 * off. Immutable.
 */
public record MessagingWiring(MessagingPolicy policy, MessageSender sender, MessageStore store,
                              PaymentRequests paymentRequests, Function<TechnicianId, Optional<Contact>> technicians) {
}
