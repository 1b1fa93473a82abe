package io.github.geodispatch.spi;

/**
 * Delivers a message to a person (technician app push, SMS, WhatsApp). Called after the event that
 * caused it is stored; a failure here never undoes the event. Implementations must be thread-safe.
 */
public interface Notifier {

    void notify(String recipientId, String subject, String body);

    /** A notifier that drops every message. */
    static Notifier none() {
        return (recipient, subject, body) -> { };
    }
}
