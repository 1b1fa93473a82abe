package io.github.geodispatch.contract;

import io.github.geodispatch.spi.Notifier;
import java.util.Objects;

/**
 * Delivers contract and warranty reminders to customers. The default goes through the {@link Notifier} port with
 * the customer id as recipient; a customer-messaging port (templates, languages, quiet hours) can take its place.
 * Implementations must be thread-safe; a failure is logged and the reminder is tried again on the next run.
 */
@FunctionalInterface
public interface ReminderSender {

    void send(Reminder reminder);

    /** Sends each reminder as a notification to the customer id. */
    static ReminderSender through(Notifier notifier) {
        Objects.requireNonNull(notifier, "notifier");
        return r -> notifier.notify(r.customer().value(), r.subject(), r.body());
    }
}
