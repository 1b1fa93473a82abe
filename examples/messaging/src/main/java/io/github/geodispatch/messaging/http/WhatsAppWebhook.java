package io.github.geodispatch.messaging.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.geodispatch.spi.DeliveryReport;
import io.github.geodispatch.spi.DeliveryStatus;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The WhatsApp Business webhook ({@code docs/formats.md}): {@link #verified} checks the {@code X-Hub-Signature-256}
 * header against the app secret, {@link #reports} reads the delivery statuses of a {@code messages} notification as
 * {@link DeliveryReport}s for {@code Messaging.report}, and {@link #subscription} answers the subscription check. A host
 * answers a notification 200 once each report is taken, else an error so the provider retries. Stateless and
 * thread-safe.
 */
public final class WhatsAppWebhook {
    private WhatsAppWebhook() {}

    /**
     * The delivery reports in a webhook {@code body}, in order: each {@code statuses} entry of each change of each
     * entry whose status is sent, delivered, read or failed (a failure's detail is its first error's code, title and
     * details). Statuses the engine has no word for and notifications without statuses (incoming messages) give
     * nothing.
     *
     * @throws MalformedPayloadException when the body is not a WhatsApp notification or a status lacks its id, status
     *         or timestamp
     */
    public static List<DeliveryReport> reports(String body) {
        JsonNode root = HttpCalls.parse(body, "the webhook body");
        if (!"whatsapp_business_account".equals(root.path("object").asText())) {
            throw new MalformedPayloadException("the webhook body's object is not whatsapp_business_account, was '"
                    + root.path("object").asText() + "'");
        }
        List<DeliveryReport> reports = new ArrayList<>();
        for (JsonNode entry : array(root, "entry", "the webhook body")) {
            for (JsonNode change : array(entry, "changes", "a webhook entry")) {
                for (JsonNode status : change.path("value").path("statuses")) {
                    status(status).ifPresent(reports::add);
                }
            }
        }
        return reports;
    }

    private static Optional<DeliveryReport> status(JsonNode status) {
        String id = HttpCalls.text(status, "id", "a webhook status");
        String word = HttpCalls.text(status, "status", "webhook status " + id);
        String seconds = HttpCalls.text(status, "timestamp", "webhook status " + id);
        if (!seconds.matches("\\d{1,12}")) {
            throw new MalformedPayloadException("webhook status " + id + " has timestamp '" + seconds
                    + "', not epoch seconds");
        }
        DeliveryStatus delivery = switch (word) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "failed" -> DeliveryStatus.FAILED;
            default -> null;
        };
        if (delivery == null) {
            return Optional.empty();
        }
        JsonNode error = status.path("errors").path(0);
        String detail = error.isMissingNode() ? "" : (error.path("code").asText("") + " " + error.path("title").asText("")
                + " " + error.path("error_data").path("details").asText("")).strip();
        return Optional.of(new DeliveryReport(id, delivery, Instant.ofEpochSecond(Long.parseLong(seconds)), detail));
    }

    private static JsonNode array(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isArray()) {
            throw new MalformedPayloadException(where + " has no " + field + " array");
        }
        return value;
    }

    /**
     * True when {@code signatureHeader} ({@code sha256=<hex>}) is the HMAC-SHA256 of the raw {@code body} under the
     * app secret; compared in constant time. A host drops a notification that is not.
     */
    public static boolean verified(byte[] appSecret, byte[] body, String signatureHeader) {
        if (signatureHeader == null || !signatureHeader.matches("sha256=[0-9a-fA-F]{64}")) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(signatureHeader.substring("sha256=".length()).toLowerCase());
        return MessageDigest.isEqual(expected, hmac(appSecret, body));
    }

    /** The {@code X-Hub-Signature-256} header value of {@code body} under {@code appSecret}. */
    public static String signature(byte[] appSecret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(appSecret, body));
    }

    private static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * The answer to the subscription check ({@code GET ?hub.mode=subscribe&hub.verify_token=...&hub.challenge=...}):
     * the challenge when the mode is subscribe and the token is the host's, else empty (answer 403).
     */
    public static Optional<String> subscription(String mode, String verifyToken, String challenge, String expectedToken) {
        boolean ok = "subscribe".equals(mode) && verifyToken != null && expectedToken != null
                && MessageDigest.isEqual(verifyToken.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        expectedToken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return ok && challenge != null ? Optional.of(challenge) : Optional.empty();
    }
}
