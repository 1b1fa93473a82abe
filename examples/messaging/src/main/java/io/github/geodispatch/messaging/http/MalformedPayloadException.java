package io.github.geodispatch.messaging.http;

/**
 * A provider's payload (a webhook, a callback, a response) that is not what its documentation says: not JSON, or a
 * field missing or of the wrong type. The message names the field. The host answers a webhook that throws it with an
 * HTTP 400 and keeps the body for a person to read; nothing is recorded from it.
 */
public final class MalformedPayloadException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String message) {
        super(message);
    }

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
