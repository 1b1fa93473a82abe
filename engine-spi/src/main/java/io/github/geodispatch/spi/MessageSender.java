package io.github.geodispatch.spi;

/**
 * The port that hands a message to a provider (the WhatsApp Business Cloud API, an SMS gateway, a mail server).
 * Called by one sender per message at a time; the provider's later delivery reports come back through the engine
 * as {@link DeliveryReport}s. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface MessageSender {

    /**
     * Sends {@code message} and returns the provider's id for it.
     *
     * @throws ProviderException when the provider refused it: {@link ProviderException.Kind#PERMANENT} ends the
     *         message as FAILED, the other kinds put it back in the queue (after the provider's retry-after when
     *         it gave one)
     */
    String send(OutboundMessage message);
}
