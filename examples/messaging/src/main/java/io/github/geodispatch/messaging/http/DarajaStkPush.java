package io.github.geodispatch.messaging.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.PaymentRequest;
import io.github.geodispatch.spi.PaymentRequestReceipt;
import io.github.geodispatch.spi.PaymentRequests;
import io.github.geodispatch.spi.ProviderException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Objects;

/**
 * Safaricom Daraja's M-Pesa Express ({@code docs/adapters.md}): {@link #request} takes an OAuth token
 * ({@code GET /oauth/v1/generate?grant_type=client_credentials}, kept until a minute before it expires) and posts
 * the STK push ({@code POST /mpesa/stkpush/v1/processrequest}) for whole shillings, with the password
 * base64(short code + passkey + timestamp), the timestamp in Nairobi time and the callback URL {@code callbackBase/JOB}
 * (so the host knows the job the callback is about). Its receipt's reference is the {@code CheckoutRequestID} the
 * callback ({@link DarajaCallback}) names. Failures are {@link ProviderException}s: 429 RATE_LIMITED, a 5xx or I/O
 * error retried with back-off then TRANSIENT, any other refusal and a ResponseCode other than 0 PERMANENT, with Daraja's
 * errorMessage. Thread-safe: the token is swapped under the instance's lock.
 */
public final class DarajaStkPush implements PaymentRequests {
    /** Daraja's sandbox; production is {@code https://api.safaricom.co.ke}. */
    public static final URI SANDBOX = URI.create("https://sandbox.safaricom.co.ke");
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(NAIROBI);
    /** A token is renewed this long before Daraja says it expires. */
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);

    private final URI base;
    private final String consumerKey;
    private final String consumerSecret;
    private final String shortCode;
    private final String passkey;
    private final URI callbackBase;
    private final String transactionType;
    private final ProviderHttp http;
    private final HttpCalls calls;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    private DarajaStkPush(Builder b) {
        this.base = b.base;
        this.consumerKey = b.consumerKey;
        this.consumerSecret = b.consumerSecret;
        this.shortCode = b.shortCode;
        this.passkey = b.passkey;
        this.callbackBase = b.callbackBase;
        this.transactionType = b.buyGoods ? "CustomerBuyGoodsOnline" : "CustomerPayBillOnline";
        this.http = b.http;
        this.calls = b.http.calls("Daraja", DarajaStkPush::refused);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Pushes the prompt to the payer's phone.
     *
     * @throws ProviderException as the class says; PERMANENT for an amount that is not whole Kenya shillings
     */
    @Override
    public PaymentRequestReceipt request(PaymentRequest request) {
        if (request.amount().currency() != Currency.KES || request.amount().minor() % 100 != 0) {
            throw ProviderException.permanent("M-Pesa takes whole Kenya shillings, was " + request.amount());
        }
        Instant now = http.clock().instant();
        String timestamp = TIMESTAMP.format(now);
        String phone = request.payerPhone().substring(1);
        ObjectNode body = HttpCalls.JSON.createObjectNode();
        body.put("BusinessShortCode", shortCode);
        body.put("Password", Base64.getEncoder().encodeToString((shortCode + passkey + timestamp)
                .getBytes(StandardCharsets.UTF_8)));
        body.put("Timestamp", timestamp);
        body.put("TransactionType", transactionType);
        body.put("Amount", request.amount().minor() / 100);
        body.put("PartyA", phone);
        body.put("PartyB", shortCode);
        body.put("PhoneNumber", phone);
        body.put("CallBackURL", callbackBase + "/" + URLEncoder.encode(request.job().value(), StandardCharsets.UTF_8));
        // Daraja cuts the reference at 12 characters and the description at 13
        body.put("AccountReference", cut(request.accountReference(), 12));
        body.put("TransactionDesc", cut(request.description().isBlank() ? request.accountReference()
                : request.description(), 13));
        String json = body.toString();
        String bearer = token();
        URI uri = URI.create(base + "/mpesa/stkpush/v1/processrequest");
        JsonNode answer = calls.call(() -> HttpRequest.newBuilder(uri).timeout(http.timeout())
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), "STK push for job " + request.job());
        String code = answer.path("ResponseCode").asText("");
        if (!"0".equals(code)) {
            throw ProviderException.permanent("Daraja did not take the STK push for job " + request.job() + ": "
                    + code + " " + answer.path("ResponseDescription").asText(""));
        }
        return new PaymentRequestReceipt(HttpCalls.text(answer, "CheckoutRequestID", "Daraja's STK push answer"),
                answer.path("CustomerMessage").asText(answer.path("ResponseDescription").asText("")));
    }

    private synchronized String token() {
        Instant now = http.clock().instant();
        if (token != null && now.isBefore(tokenExpires)) {
            return token;
        }
        String basic = Base64.getEncoder().encodeToString((consumerKey + ":" + consumerSecret)
                .getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(base + "/oauth/v1/generate?grant_type=client_credentials");
        JsonNode answer = calls.call(() -> HttpRequest.newBuilder(uri).timeout(http.timeout())
                .header("Authorization", "Basic " + basic).GET().build(), "OAuth token");
        String seconds = answer.path("expires_in").asText("3599");
        token = HttpCalls.text(answer, "access_token", "Daraja's OAuth answer");
        tokenExpires = now.plusSeconds(seconds.matches("\\d{1,7}") ? Long.parseLong(seconds) : 0).minus(TOKEN_MARGIN);
        return token;
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /** Daraja's error body ({@code {"requestId","errorCode","errorMessage"}}) as a permanent refusal. */
    private static ProviderException refused(int status, String body) {
        String message;
        try {
            JsonNode error = HttpCalls.JSON.readTree(body == null ? "" : body);
            message = error.path("errorCode").asText("") + " " + error.path("errorMessage").asText(HttpCalls.shortened(body));
        } catch (java.io.IOException e) {
            message = HttpCalls.shortened(body);
        }
        return ProviderException.permanent("Daraja refused (HTTP " + status + "): " + message.strip());
    }

    /**
     * Configures {@link DarajaStkPush}. Required: {@link #credentials}, {@link #shortCode}, {@link #callbackBase}.
     * Setters fail at once on a bad or repeated value. Not thread-safe.
     */
    public static final class Builder {
        private URI base;
        private String consumerKey;
        private String consumerSecret;
        private String shortCode;
        private String passkey;
        private URI callbackBase;
        private boolean buyGoods;
        private ProviderHttp http;

        private Builder() {}

        /** Daraja's base, {@link #SANDBOX} when not set. */
        public Builder baseUri(URI value) {
            base = WhatsAppCloud.once(base, value, "base URI");
            return this;
        }

        /** Required: the app's consumer key and secret. */
        public Builder credentials(String key, String secret) {
            if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("consumer key and secret must not be blank");
            }
            consumerKey = WhatsAppCloud.once(consumerKey, key, "consumer key");
            consumerSecret = secret;
            return this;
        }

        /** Required: the paybill or till number (5-7 digits) and its Lipa na M-Pesa Online passkey. */
        public Builder shortCode(String code, String onlinePasskey) {
            if (code == null || !code.matches("\\d{5,7}")) {
                throw new IllegalArgumentException("short code must be 5-7 digits, was '" + code + "'");
            }
            if (onlinePasskey == null || onlinePasskey.isBlank()) {
                throw new IllegalArgumentException("passkey must not be blank");
            }
            shortCode = WhatsAppCloud.once(shortCode, code, "short code");
            passkey = onlinePasskey;
            return this;
        }

        /** A till number (Buy Goods) rather than a paybill. */
        public Builder buyGoods() {
            buyGoods = true;
            return this;
        }

        /** Required: the https URL the callbacks go to; each request's is this plus {@code /JOB}. */
        public Builder callbackBase(URI value) {
            Objects.requireNonNull(value, "callback base");
            if (!"https".equals(value.getScheme()) && !"http".equals(value.getScheme())) {
                throw new IllegalArgumentException("callback base must be an http(s) URL, was " + value);
            }
            String text = value.toString();
            callbackBase = WhatsAppCloud.once(callbackBase,
                    URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text), "callback base");
            return this;
        }

        /** How calls are made; {@link ProviderHttp#defaults()} when not set. */
        public Builder http(ProviderHttp value) {
            http = WhatsAppCloud.once(http, value, "http");
            return this;
        }

        public DarajaStkPush build() {
            if (consumerKey == null || shortCode == null || callbackBase == null) {
                throw new IllegalStateException("DarajaStkPush needs credentials(...), shortCode(...) and callbackBase(...)");
            }
            if (base == null) {
                base = SANDBOX;
            }
            if (http == null) {
                http = ProviderHttp.defaults();
            }
            return new DarajaStkPush(this);
        }
    }
}
