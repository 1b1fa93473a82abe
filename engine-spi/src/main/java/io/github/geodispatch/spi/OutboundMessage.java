package io.github.geodispatch.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One message to send. {@code key} is its idempotency key within the tenant (the engine derives it from the event
 * that caused the message, the template and the recipient, so the same event never sends the same message twice);
 * {@code job} is the job it is about, or null (a contract reminder). {@code template} is the template id (a WhatsApp
 * Business template name), {@code language} its language code ({@code en}, {@code hi}, {@code kn}, {@code ta},
 * {@code sw}), {@code parameters} the template's positional parameters ({{1}}, {{2}}, ...) and {@code text} the
 * template rendered with them (what an SMS, an e-mail or an app notification shows). {@code address} is the phone
 * number (E.164), e-mail address or technician id the channel delivers to, or null when the recipient has none (the
 * message then fails). It is not sent before {@code notBefore} and not at all after {@code expiresAt}. Immutable and
 * thread-safe.
 */
public record OutboundMessage(String key, TenantId tenant, JobId job, MessageRecipient recipient, MessageChannel channel,
                              String address, String template, String language, List<String> parameters, String text,
                              Instant notBefore, Instant expiresAt) {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}");
    private static final Pattern TEMPLATE = Pattern.compile("[a-z][a-z0-9_]{0,59}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

    public OutboundMessage {
        requireKey(key);
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(channel, "channel");
        if (address != null && address.isBlank()) {
            throw new IllegalArgumentException("message address must be null or non-blank");
        }
        requireTemplate(template);
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("message language must be a code such as en, hi or kn, was '" + language + "'");
        }
        parameters = List.copyOf(parameters == null ? List.of() : parameters);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(notBefore)) {
            throw new IllegalArgumentException("message " + key + " expires at " + expiresAt + ", not after " + notBefore);
        }
    }

    /** The check every message key passes: 1-200 chars of letters, digits and {@code . _ : / @ + -}. */
    public static String requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("message key must be 1-200 chars of letters, digits and . _ : / @ + -, was '"
                    + key + "'");
        }
        return key;
    }

    /** The check every template id passes: lower-case snake case, as WhatsApp template names are. */
    public static String requireTemplate(String template) {
        if (template == null || !TEMPLATE.matcher(template).matches()) {
            throw new IllegalArgumentException("template id must be lower_snake_case, was '" + template + "'");
        }
        return template;
    }
}
