package io.github.geodispatch.messaging.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.geodispatch.spi.MessageChannel;
import io.github.geodispatch.spi.MessageSender;
import io.github.geodispatch.spi.OutboundMessage;
import io.github.geodispatch.spi.ProviderException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The WhatsApp Business Cloud API ({@code docs/adapters.md}): {@link #send} posts an engine message as a template
 * message ({@code POST /{phone-number-id}/messages}, the template's name and language, its parameters as the body's
 * text parameters) and returns the {@code wamid}; {@link #templates()} lists the account's templates and their review
 * status ({@code GET /{business-account-id}/message_templates}, every page) and {@link #submitTemplate} submits one
 * for review. Failures are {@link ProviderException}s: HTTP 429 and the Graph API's rate-limit error codes are
 * RATE_LIMITED (with the Retry-After when given), a 5xx or I/O error is retried with back-off and then TRANSIENT, any
 * other refusal (a bad number, an unapproved template, a parameter the API will not take, an expired token) is
 * PERMANENT with the API's own message and details.
 * Thread-safe.
 */
public final class WhatsAppCloud implements MessageSender {
    /** The Graph API version this adapter speaks. */
    public static final URI GRAPH_API = URI.create("https://graph.facebook.com/v21.0");
    /** Graph API error codes that mean "too many calls" even when the status is not 429. */
    private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 80007, 130429, 131056);
    /** Graph API error codes of a passing fault on the provider's side. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2, 131000);

    private final URI base;
    private final String phoneNumberId;
    private final String businessAccountId;
    private final String accessToken;
    private final ProviderHttp http;
    private final HttpCalls calls;

    private WhatsAppCloud(Builder b) {
        this.base = b.base;
        this.phoneNumberId = b.phoneNumberId;
        this.businessAccountId = b.businessAccountId;
        this.accessToken = b.accessToken;
        this.http = b.http;
        this.calls = b.http.calls("WhatsApp Cloud API", WhatsAppCloud::refused);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends {@code message} as a template message to its phone number (WhatsApp channel only) and returns its
     * {@code wamid}.
     *
     * @throws ProviderException as the class says; PERMANENT for a message of another channel or with no address
     */
    @Override
    public String send(OutboundMessage message) {
        if (message.channel() != MessageChannel.WHATSAPP) {
            throw ProviderException.permanent("message " + message.key() + " is for " + message.channel()
                    + ", not WhatsApp: route it to that channel's sender");
        }
        if (message.address() == null || !message.address().matches("\\+?[1-9]\\d{6,14}")) {
            throw ProviderException.permanent("message " + message.key() + " has no WhatsApp number (E.164), was '"
                    + message.address() + "'");
        }
        String body = templateMessage(message).toString();
        URI uri = URI.create(base + "/" + phoneNumberId + "/messages");
        JsonNode answer = calls.call(() -> post(uri, body), "message " + message.key());
        JsonNode messages = answer.path("messages");
        if (!messages.isArray() || messages.isEmpty() || messages.get(0).path("id").asText().isBlank()) {
            // it was taken (2xx) without an id: sending it again could deliver it twice
            throw ProviderException.permanent("WhatsApp took message " + message.key() + " without a message id: "
                    + HttpCalls.shortened(answer.toString()));
        }
        return messages.get(0).get("id").asText();
    }

    /** The Cloud API's body for a template message, each parameter as {@link WhatsAppParameters#clean} makes it. */
    static ObjectNode templateMessage(OutboundMessage message) {
        ObjectNode root = HttpCalls.JSON.createObjectNode();
        root.put("messaging_product", "whatsapp");
        root.put("recipient_type", "individual");
        root.put("to", message.address().startsWith("+") ? message.address().substring(1) : message.address());
        root.put("type", "template");
        ObjectNode template = root.putObject("template");
        template.put("name", message.template());
        template.putObject("language").put("code", message.language());
        if (!message.parameters().isEmpty()) {
            ObjectNode component = template.putArray("components").addObject();
            component.put("type", "body");
            ArrayNode parameters = component.putArray("parameters");
            for (String p : message.parameters()) {
                // only what is sent changes: the stored message and the journal keep the text as it was
                parameters.addObject().put("type", "text").put("text", WhatsAppParameters.clean(p));
            }
        }
        return root;
    }

    /** Every template of the business account, every page, in the API's order. */
    public List<WhatsAppTemplate> templates() {
        String account = requireAccount();
        List<WhatsAppTemplate> out = new ArrayList<>();
        String after = null;
        do {
            String query = "?fields=id,name,language,status,category&limit=100"
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            URI uri = URI.create(base + "/" + account + "/message_templates" + query);
            JsonNode page = calls.call(() -> get(uri), "template list");
            JsonNode data = page.path("data");
            if (!data.isArray()) {
                throw new MalformedPayloadException("the template list has no data array");
            }
            for (JsonNode t : data) {
                out.add(new WhatsAppTemplate(HttpCalls.text(t, "id", "a template"), HttpCalls.text(t, "name", "a template"),
                        HttpCalls.text(t, "language", "a template"), t.path("status").asText(""),
                        t.path("category").asText("")));
            }
            after = page.path("paging").has("next") ? page.path("paging").path("cursors").path("after").asText(null) : null;
        } while (after != null);
        return out;
    }

    /**
     * Submits a template for review: {@code name} (lower_snake_case, the engine's template id), {@code language},
     * {@code category} ({@code UTILITY} for the engine's messages) and its body text with {{1}}, {{2}}, ...
     * placeholders, one {@code example} value each. Returns the template's id.
     */
    public String submitTemplate(String name, String language, String category, String bodyText, List<String> example) {
        OutboundMessage.requireTemplate(name);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(bodyText, "body text");
        ObjectNode root = HttpCalls.JSON.createObjectNode();
        root.put("name", name);
        root.put("language", language);
        root.put("category", category);
        ObjectNode body = root.putArray("components").addObject();
        body.put("type", "BODY");
        body.put("text", bodyText);
        if (!example.isEmpty()) {
            ArrayNode values = body.putObject("example").putArray("body_text").addArray();
            example.forEach(values::add);
        }
        String json = root.toString();
        URI uri = URI.create(base + "/" + requireAccount() + "/message_templates");
        return HttpCalls.text(calls.call(() -> post(uri, json), "template " + name + " (" + language + ")"), "id",
                "the template submission's answer");
    }

    private String requireAccount() {
        if (businessAccountId == null) {
            throw new IllegalStateException("templates need the business account id: WhatsAppCloud.builder().businessAccountId(...)");
        }
        return businessAccountId;
    }

    private HttpRequest post(URI uri, String json) {
        return HttpRequest.newBuilder(uri).timeout(http.timeout()).header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(http.timeout()).header("Authorization", "Bearer " + accessToken)
                .GET().build();
    }

    /** A Graph API error body ({@code {"error":{"message","code",...}}}) as the kind of failure it is. */
    private static ProviderException refused(int status, String body) {
        JsonNode error;
        try {
            error = HttpCalls.JSON.readTree(body == null ? "" : body).path("error");
        } catch (java.io.IOException e) {
            error = HttpCalls.JSON.missingNode();
        }
        int code = error.path("code").asInt(-1);
        String details = error.path("error_data").path("details").asText("");
        String text = "WhatsApp refused (HTTP " + status + (code >= 0 ? ", code " + code : "") + "): "
                + (error.path("message").isTextual() ? error.get("message").asText() : HttpCalls.shortened(body))
                + (details.isBlank() ? "" : " (" + HttpCalls.shortened(details) + ")");
        if (RATE_LIMIT_CODES.contains(code)) {
            return ProviderException.rateLimited(text, null);
        }
        if (TRANSIENT_CODES.contains(code)) {
            return ProviderException.transientFailure(text, null);
        }
        return ProviderException.permanent(text);
    }

    /**
     * Configures {@link WhatsAppCloud}. Required: {@link #phoneNumber}, {@link #accessToken}. Setters fail at once on
     * a bad or repeated value. Not thread-safe.
     */
    public static final class Builder {
        private URI base;
        private String phoneNumberId;
        private String businessAccountId;
        private String accessToken;
        private ProviderHttp http;

        private Builder() {}

        /** The API's base, {@link #GRAPH_API} when not set (tests point it at a local server). */
        public Builder baseUri(URI value) {
            base = once(base, value, "base URI");
            return this;
        }

        /** Required: the id of the business phone number messages are sent from. */
        public Builder phoneNumber(String id) {
            phoneNumberId = once(phoneNumberId, requireId(id, "phone number id"), "phone number id");
            return this;
        }

        /** The WhatsApp Business account id, for {@link #templates()} and {@link #submitTemplate}. */
        public Builder businessAccountId(String id) {
            businessAccountId = once(businessAccountId, requireId(id, "business account id"), "business account id");
            return this;
        }

        /** Required: the system user's access token. */
        public Builder accessToken(String token) {
            if (token != null && token.isBlank()) {
                throw new IllegalArgumentException("access token must not be blank");
            }
            accessToken = once(accessToken, token, "access token");
            return this;
        }

        /** How calls are made; {@link ProviderHttp#defaults()} when not set. */
        public Builder http(ProviderHttp value) {
            http = once(http, value, "http");
            return this;
        }

        public WhatsAppCloud build() {
            if (phoneNumberId == null || accessToken == null) {
                throw new IllegalStateException("WhatsAppCloud needs phoneNumber(...) and accessToken(...)");
            }
            if (base == null) {
                base = GRAPH_API;
            }
            if (http == null) {
                http = ProviderHttp.defaults();
            }
            return new WhatsAppCloud(this);
        }
    }

    static String requireId(String id, String what) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException(what + " must be 1-64 letters, digits, _ or -, was '" + id + "'");
        }
        return id;
    }

    static <T> T once(T current, T value, String name) {
        Objects.requireNonNull(value, name);
        if (current != null) {
            throw new IllegalStateException(name + " is already set");
        }
        return value;
    }
}
