package io.github.geodispatch.messaging.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geodispatch.spi.ProviderException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One provider's HTTP calls, shared by the adapters: a 2xx answers with its body; a 429 is {@link
 * ProviderException.Kind#RATE_LIMITED} with the Retry-After (seconds or an HTTP date); a 5xx or an I/O error is retried
 * with back-off ({@link Retries}) and then {@link ProviderException.Kind#TRANSIENT}; any other status is what the provider's {@link
 * Refusals} make of it. Thread-safe: the JDK's client is, and nothing else here changes.
 */
final class HttpCalls {
    static final ObjectMapper JSON = new ObjectMapper();

    /** What a provider means by a status that is neither 2xx, 429 nor 5xx, from its error body. */
    @FunctionalInterface
    interface Refusals {
        ProviderException refused(int status, String body);
    }

    private final String provider;
    private final HttpClient client;
    private final Sleeper sleeper;
    private final Retries retries;
    private final InstantSource clock;
    private final Refusals refusals;

    HttpCalls(String provider, HttpClient client, Sleeper sleeper, Retries retries, InstantSource clock, Refusals refusals) {
        this.provider = provider;
        this.client = client;
        this.sleeper = sleeper;
        this.retries = retries;
        this.clock = clock;
        this.refusals = refusals;
    }

    /** Calls {@code request} (built anew for each attempt) and returns the body of its 2xx answer as JSON. */
    JsonNode call(Supplier<HttpRequest> request, String what) {
        ProviderException last = null;
        for (int attempt = 1; attempt <= retries.attempts(); attempt++) {
            if (attempt > 1) {
                pause(retries.backOffAfter(attempt - 1), what, last);
            }
            HttpResponse<String> response;
            try {
                response = client.send(request.get(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = ProviderException.transientFailure(provider + " " + what + " failed: " + e, e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProviderException.transientFailure(provider + " " + what + " was interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return json(response.body(), what);
            }
            if (status == 429) {
                throw ProviderException.rateLimited(provider + " asked to slow down (HTTP 429) on " + what,
                        retryAfter(response).orElse(null));
            }
            if (status >= 500) {
                last = ProviderException.transientFailure(provider + " " + what + " failed with HTTP " + status + ": "
                        + shortened(response.body()), null);
                continue;
            }
            throw refusals.refused(status, response.body());
        }
        throw new ProviderException(last.kind(), last.getMessage() + " (after " + retries.attempts() + " attempts)",
                null, last.getCause());
    }

    private void pause(Duration backOff, String what, ProviderException after) {
        try {
            sleeper.sleep(backOff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(after.kind(), provider + " " + what + " was interrupted while backing off: "
                    + after.getMessage(), null, e);
        }
    }

    private JsonNode json(String body, String what) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            // the provider took the call but its answer cannot be read: calling again could do it twice
            throw ProviderException.permanent(provider + " answered " + what + " with a body that is not JSON: "
                    + shortened(body));
        }
    }

    /** Retry-After as delay-seconds or an HTTP date; empty when absent or unreadable. A date in the past is zero. */
    Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration until = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A body for a message: at most 300 characters. */
    static String shortened(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    /** The text of {@code field} in {@code node}, or {@link MalformedPayloadException} naming it. */
    static String text(JsonNode node, String field, String where) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            throw new MalformedPayloadException(where + " has no " + field);
        }
        return value.asText();
    }

    /** {@code body} as JSON, or {@link MalformedPayloadException} naming {@code what}. */
    static JsonNode parse(String body, String what) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new MalformedPayloadException(what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new MalformedPayloadException(what + " is not JSON: " + e.getMessage(), e);
        }
    }
}
