package io.github.geodispatch.spi;

/**
 * How a message reaches its recipient: a WhatsApp Business template message, an SMS, an e-mail, or a push
 * notification in the technician's app (delivered through the {@link Notifier} port).
 */
public enum MessageChannel {
    WHATSAPP, SMS, EMAIL, APP
}
