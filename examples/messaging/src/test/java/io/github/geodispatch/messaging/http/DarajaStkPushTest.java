package io.github.geodispatch.messaging.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentCallback;
import io.github.geodispatch.spi.PaymentRequest;
import io.github.geodispatch.spi.PaymentRequestReceipt;
import io.github.geodispatch.spi.ProviderException;
import io.github.geodispatch.spi.TenantId;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Daraja STK push adapter against a local server, and its callback read. */
class DarajaStkPushTest {
    static final String TOKEN = "{\"access_token\":\"c9SQxWWhmdVRlyh0zh8gZDTkubVF\",\"expires_in\":\"3599\"}";
    static final String ACCEPTED = """
            {"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"ws_CO_161120261000363925",
             "ResponseCode":"0","ResponseDescription":"Success. Request accepted for processing",
             "CustomerMessage":"Success. Request accepted for processing"}""";
    /** 10:00 in Nairobi. */
    private Instant now = Instant.parse("2026-11-16T07:00:00Z");
    private final LocalProvider provider = new LocalProvider();
    private final DarajaStkPush daraja = DarajaStkPush.builder().baseUri(provider.uri()).credentials("key", "secret")
            .shortCode("174379", "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919")
            .callbackBase(URI.create("https://coolair.example/mpesa/stk/")).http(provider.http().withClock(() -> now)).build();
    private final PaymentRequest request = new PaymentRequest(TenantId.of("coolair-nbo"), JobId.of("J-ke-20261116-0042"),
            Money.kes(149_900), "+254712345678", "J-ke-20261116-0042", "Job J-ke-20261116-0042");

    DarajaStkPushTest() throws IOException {}

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void theStkPushCarriesThePasswordWholeShillingsAndTheJobsCallbackAndItsTokenIsKept() throws Exception {
        provider.answer(200, TOKEN).answer(200, ACCEPTED).answer(200, ACCEPTED);

        PaymentRequestReceipt receipt = daraja.request(request);
        daraja.request(request);

        assertThat(receipt.requestReference()).isEqualTo("ws_CO_161120261000363925");
        assertThat(receipt.detail()).isEqualTo("Success. Request accepted for processing");
        List<LocalProvider.Received> calls = provider.received();
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0).path()).isEqualTo("/oauth/v1/generate");
        assertThat(calls.get(0).authorization())
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("key:secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(calls.get(1).path()).isEqualTo("/mpesa/stkpush/v1/processrequest");
        assertThat(calls.get(1).authorization()).isEqualTo("Bearer c9SQxWWhmdVRlyh0zh8gZDTkubVF");
        JsonNode body = HttpCalls.JSON.readTree(calls.get(1).body());
        assertThat(body.path("Timestamp").asText()).isEqualTo("20261116100000");
        assertThat(new String(Base64.getDecoder().decode(body.path("Password").asText()), StandardCharsets.UTF_8))
                .isEqualTo("174379bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c91920261116100000");
        assertThat(body.path("TransactionType").asText()).isEqualTo("CustomerPayBillOnline");
        assertThat(body.path("Amount").asLong()).isEqualTo(1499);
        assertThat(body.path("PartyA").asText()).isEqualTo("254712345678");
        assertThat(body.path("PhoneNumber").asText()).isEqualTo("254712345678");
        assertThat(body.path("PartyB").asText()).isEqualTo("174379");
        assertThat(body.path("CallBackURL").asText()).isEqualTo("https://coolair.example/mpesa/stk/J-ke-20261116-0042");
        assertThat(body.path("AccountReference").asText()).isEqualTo("J-ke-2026111");
        assertThat(body.path("TransactionDesc").asText()).hasSize(13);
    }

    @Test
    void anExpiredTokenIsTakenAgain() {
        provider.answer(200, "{\"access_token\":\"first\",\"expires_in\":\"120\"}").answer(200, ACCEPTED)
                .answer(200, "{\"access_token\":\"second\",\"expires_in\":\"3599\"}").answer(200, ACCEPTED);

        daraja.request(request);
        now = now.plusSeconds(61);
        daraja.request(request);

        assertThat(provider.received()).extracting(LocalProvider.Received::authorization).element(3)
                .isEqualTo("Bearer second");
    }

    @Test
    void a429IsRateLimitedAndA5xxRetriedWithBackOff() {
        provider.answer(200, TOKEN).answer(429, Map.of("Retry-After", "5"), "{}")
                .answer(500, "{\"errorCode\":\"500.001.1001\",\"errorMessage\":\"Unable to lock subscriber\"}")
                .answer(200, ACCEPTED);

        assertThatThrownBy(() -> daraja.request(request)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
        });
        assertThat(daraja.request(request).requestReference()).isEqualTo("ws_CO_161120261000363925");
        assertThat(provider.sleeps).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void aRefusalOrARefusingResponseCodeIsPermanentWithDarajasMessage() {
        provider.answer(200, TOKEN)
                .answer(400, "{\"requestId\":\"1\",\"errorCode\":\"400.002.02\",\"errorMessage\":\"Bad Request - Invalid PhoneNumber\"}")
                .answer(200, "{\"ResponseCode\":\"1\",\"ResponseDescription\":\"Rejected\"}");

        assertThatThrownBy(() -> daraja.request(request)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.PERMANENT);
            assertThat(e.getMessage()).contains("400.002.02", "Invalid PhoneNumber");
        });
        assertThatThrownBy(() -> daraja.request(request)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.getMessage()).contains("Rejected"));
        assertThat(provider.sleeps).isEmpty();
    }

    @Test
    void anAmountThatIsNotWholeShillingsIsRefusedWithoutACall() {
        PaymentRequest cents = new PaymentRequest(TenantId.of("t"), JobId.of("J-1"), Money.kes(149_950), "+254712345678",
                "J-1", "");
        assertThatThrownBy(() -> daraja.request(cents)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("whole Kenya shillings");
        assertThat(provider.received()).isEmpty();
    }

    static final String PAID = """
            {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"ws_CO_161120261000363925",
              "ResultCode":0,"ResultDesc":"The service request is processed successfully.",
              "CallbackMetadata":{"Item":[{"Name":"Amount","Value":1499.00},{"Name":"MpesaReceiptNumber","Value":"TKG7RT61SV"},
                {"Name":"Balance"},{"Name":"TransactionDate","Value":20261116101530},{"Name":"PhoneNumber","Value":254712345678}]}}}}""";

    @Test
    void aPaidCallbackCarriesTheReceiptAmountPhoneAndNairobiTime() {
        PaymentCallback callback = DarajaCallback.parse(PAID, Instant.EPOCH);

        assertThat(callback).isEqualTo(new PaymentCallback("ws_CO_161120261000363925", true, "0",
                "The service request is processed successfully.", "TKG7RT61SV", Money.kes(149_900), "+254712345678",
                Instant.parse("2026-11-16T07:15:30Z")));
    }

    @Test
    void aCancelledCallbackIsNotPaidAndTakesTheTimeItCame() {
        PaymentCallback callback = DarajaCallback.parse("""
                {"Body":{"stkCallback":{"MerchantRequestID":"1","CheckoutRequestID":"ws_CO_9","ResultCode":1032,
                 "ResultDesc":"Request cancelled by user"}}}""", now);

        assertThat(callback.paid()).isFalse();
        assertThat(callback.resultCode()).isEqualTo("1032");
        assertThat(callback.resultDescription()).isEqualTo("Request cancelled by user");
        assertThat(callback.at()).isEqualTo(now);
    }

    @Test
    void aMalformedCallbackIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> DarajaCallback.parse("{\"Body\":{}}", now)).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("stkCallback");
        assertThatThrownBy(() -> DarajaCallback.parse(PAID.replace("{\"Name\":\"MpesaReceiptNumber\",\"Value\":\"TKG7RT61SV\"},", ""), now))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("MpesaReceiptNumber");
        assertThatThrownBy(() -> DarajaCallback.parse(PAID.replace("1499.00", "1499.005"), now))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("Amount");
        assertThatThrownBy(() -> DarajaCallback.parse(PAID.replace("20261116101530", "20261316101530"), now))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("TransactionDate");
        assertThatThrownBy(() -> DarajaCallback.parse(PAID.replace("\"ResultCode\":0", "\"ResultCode\":\"ok\""), now))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("ResultCode");
        assertThatThrownBy(() -> DarajaCallback.parse("[]", now)).isInstanceOf(MalformedPayloadException.class);
    }
}
