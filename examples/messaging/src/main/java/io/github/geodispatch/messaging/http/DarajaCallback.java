package io.github.geodispatch.messaging.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentCallback;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Daraja's STK push callback ({@code {"Body":{"stkCallback":{...}}}}, {@code docs/formats.md}) as a
 * {@link PaymentCallback} for {@code Messaging.paymentCallback}: ResultCode 0 is paid, with the amount, the M-Pesa
 * receipt number (the reference the payment and the reconciliation use), the paying phone and the transaction date
 * (Nairobi time) from its CallbackMetadata; any other code is not paid (1032 cancelled by the payer, 1037 phone not
 * reached, ...). Stateless and thread-safe.
 */
public final class DarajaCallback {
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private DarajaCallback() {}

    /**
     * Reads {@code body}; {@code receivedAt} stands for the time of a callback that carries none (a failure).
     *
     * @throws MalformedPayloadException when it is not an STK callback, or a paid one lacks its amount, receipt or
     *         phone, or a value is of the wrong form
     */
    public static PaymentCallback parse(String body, Instant receivedAt) {
        JsonNode callback = HttpCalls.parse(body, "the STK callback").path("Body").path("stkCallback");
        if (!callback.isObject()) {
            throw new MalformedPayloadException("the STK callback has no Body.stkCallback");
        }
        String checkout = HttpCalls.text(callback, "CheckoutRequestID", "the STK callback");
        JsonNode resultCode = callback.path("ResultCode");
        if (!resultCode.isIntegralNumber() && !resultCode.asText("").matches("\\d{1,9}")) {
            throw new MalformedPayloadException("STK callback " + checkout + " has no numeric ResultCode");
        }
        String code = resultCode.asText();
        String description = callback.path("ResultDesc").asText("");
        if (!"0".equals(code)) {
            return new PaymentCallback(checkout, false, code, description, null, null, null, receivedAt);
        }
        JsonNode items = callback.path("CallbackMetadata").path("Item");
        if (!items.isArray()) {
            throw new MalformedPayloadException("paid STK callback " + checkout + " has no CallbackMetadata.Item");
        }
        JsonNode amount = item(items, "Amount", checkout);
        String receipt = item(items, "MpesaReceiptNumber", checkout).asText();
        String phone = item(items, "PhoneNumber", checkout).asText();
        String date = item(items, "TransactionDate", checkout).asText();
        if (!amount.isNumber() && !amount.asText().matches("\\d{1,12}(\\.\\d{1,2})?")) {
            throw new MalformedPayloadException("STK callback " + checkout + " has Amount '" + amount.asText() + "'");
        }
        if (!phone.matches("[1-9]\\d{6,14}")) {
            throw new MalformedPayloadException("STK callback " + checkout + " has PhoneNumber '" + phone + "'");
        }
        Money paid;
        Instant at;
        try {
            paid = Money.ofMinor(new BigDecimal(amount.asText()).movePointRight(2).longValueExact(), Currency.KES);
            at = LocalDateTime.parse(date, DATE).atZone(NAIROBI).toInstant();
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw new MalformedPayloadException("STK callback " + checkout + " has an Amount or TransactionDate that "
                    + "cannot be read: " + e.getMessage(), e);
        }
        return new PaymentCallback(checkout, true, code, description, receipt, paid, "+" + phone, at);
    }

    private static JsonNode item(JsonNode items, String name, String checkout) {
        for (JsonNode item : items) {
            if (name.equals(item.path("Name").asText())) {
                JsonNode value = item.path("Value");
                if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
                    break;
                }
                return value;
            }
        }
        throw new MalformedPayloadException("paid STK callback " + checkout + " has no " + name);
    }
}
