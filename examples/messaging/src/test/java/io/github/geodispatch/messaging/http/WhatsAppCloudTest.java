package io.github.geodispatch.messaging.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.MessageChannel;
import io.github.geodispatch.spi.MessageRecipient;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.OutboundMessage;
import io.github.geodispatch.spi.ProviderException;
import io.github.geodispatch.spi.TenantId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The WhatsApp Cloud API adapter against a local server: success, 429, 5xx with back-off, permanent refusals. */
class WhatsAppCloudTest {
    private static final Instant NOW = Instant.parse("2026-11-16T04:30:00Z");
    private final LocalProvider provider = new LocalProvider();
    private final WhatsAppCloud whatsApp = WhatsAppCloud.builder().baseUri(provider.uri()).phoneNumber("1098765")
            .businessAccountId("55501").accessToken("EAAG-token").http(provider.http().withClock(() -> NOW)).build();

    WhatsAppCloudTest() throws IOException {}

    @AfterEach
    void stop() {
        provider.close();
    }

    static OutboundMessage message(MessageChannel channel, String address) {
        return new OutboundMessage("evt-1/booking_confirmed/customer:C-1", TenantId.of("coolair-blr"), JobId.of("J-1"),
                MessageRecipient.customer(CustomerId.of("C-1")), channel, address, "booking_confirmed", "hi",
                List.of("J-1", "AC SERVICE", "16 नवंबर 14:00-16:00"), "text", NOW, NOW.plusSeconds(3600));
    }

    @Test
    void aTemplateMessageIsPostedWithItsLanguageAndParametersAndItsWamidReturned() throws Exception {
        provider.answer(200, """
                {"messaging_product":"whatsapp","contacts":[{"input":"919845012345","wa_id":"919845012345"}],
                 "messages":[{"id":"wamid.HBgMOTE5ODQ1MDEyMzQ1FQIAERgSMA=="}]}""");

        String id = whatsApp.send(message(MessageChannel.WHATSAPP, "+919845012345"));

        assertThat(id).isEqualTo("wamid.HBgMOTE5ODQ1MDEyMzQ1FQIAERgSMA==");
        LocalProvider.Received call = provider.received().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/1098765/messages");
        assertThat(call.authorization()).isEqualTo("Bearer EAAG-token");
        JsonNode body = HttpCalls.JSON.readTree(call.body());
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.path("to").asText()).isEqualTo("919845012345");
        assertThat(body.path("type").asText()).isEqualTo("template");
        assertThat(body.at("/template/name").asText()).isEqualTo("booking_confirmed");
        assertThat(body.at("/template/language/code").asText()).isEqualTo("hi");
        assertThat(body.at("/template/components/0/type").asText()).isEqualTo("body");
        assertThat(body.at("/template/components/0/parameters").findValuesAsText("text"))
                .containsExactly("J-1", "AC SERVICE", "16 नवंबर 14:00-16:00");
        assertThat(provider.sleeps).isEmpty();
    }

    @Test
    void parametersAreSentAsTheApiTakesThemWhileTheMessageKeepsItsText() throws Exception {
        provider.answer(200, "{\"messages\":[{\"id\":\"wamid.2\"}]}");
        OutboundMessage message = new OutboundMessage("evt-2/tech_job_assigned/technician:T-1", TenantId.of("coolair-blr"),
                JobId.of("J-2"), MessageRecipient.customer(CustomerId.of("C-1")), MessageChannel.WHATSAPP,
                "+919845012345", "tech_job_assigned", "en",
                List.of("J-2", "AC\tSERVICE", "Flat 4B,\r\nPrestige Lakeside\n\nWhitefield     Main Road", "\n",
                        "x".repeat(1500)), "text", NOW, NOW.plusSeconds(3600));

        whatsApp.send(message);

        JsonNode body = HttpCalls.JSON.readTree(provider.received().get(0).body());
        assertThat(body.at("/template/components/0/parameters").findValuesAsText("text")).containsExactly("J-2",
                "AC SERVICE", "Flat 4B, Prestige Lakeside, Whitefield Main Road", "-", "x".repeat(1023) + "\u2026");
        assertThat(message.parameters().get(2)).isEqualTo("Flat 4B,\r\nPrestige Lakeside\n\nWhitefield     Main Road");
    }

    @Test
    void aParameterTheApiRefuses132018IsPermanentWithItsDetailsAndNotRetried() {
        provider.answer(400, """
                {"error":{"message":"(#132018) There's an issue with the parameters in your template message",
                 "type":"OAuthException","code":132018,"error_data":{"messaging_product":"whatsapp",
                 "details":"Param text cannot have new-line/tab characters or more than 4 consecutive spaces"},
                 "fbtrace_id":"A1b2"}}""");

        assertThatThrownBy(() -> whatsApp.send(message(MessageChannel.WHATSAPP, "+919845012345")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.PERMANENT);
                    assertThat(e.retryAfter()).isEmpty();
                    assertThat(e.getMessage()).contains("HTTP 400", "code 132018",
                            "Param text cannot have new-line/tab characters");
                });
        assertThat(provider.received()).hasSize(1);
        assertThat(provider.sleeps).isEmpty();
    }

    @Test
    void a429IsRateLimitedWithTheRetryAfterInSecondsOrAsADateAndIsNotRetriedHere() {
        provider.answer(429, Map.of("Retry-After", "30"), "{\"error\":{\"message\":\"slow down\",\"code\":130429}}")
                .answer(429, Map.of("Retry-After", "Mon, 16 Nov 2026 04:32:00 GMT"), "{}")
                .answer(429, "{}");

        assertThatThrownBy(() -> whatsApp.send(message(MessageChannel.WHATSAPP, "+919845012345")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
                });
        assertThatThrownBy(() -> whatsApp.send(message(MessageChannel.WHATSAPP, "+919845012345")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(2)));
        assertThatThrownBy(() -> whatsApp.send(message(MessageChannel.WHATSAPP, "+919845012345")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEmpty();
                });
        assertThat(provider.received()).hasSize(3);
        assertThat(provider.sleeps).isEmpty();
    }

    @Test
    void aRateLimitErrorCodeWithoutA429IsRateLimitedToo() {
        provider.answer(400, "{\"error\":{\"message\":\"(#131056) pair rate limit hit\",\"code\":131056}}");

        assertThatThrownBy(() -> whatsApp.send(message(MessageChannel.WHATSAPP, "+919845012345")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED));
    }

    @Test
    void a5xxIsRetriedWithDoublingBackOffUntilItSucceeds() {
        provider.answer(503, "").answer(500, "{\"error\":{\"message\":\"oops\"}}")
                .answer(200, "{\"messages\":[{\"id\":\"wamid.3\"}]}");

        assertThat(whatsApp.send(message(MessageChannel.WHATSAPP, "+919845012345"))).isEqualTo("wamid.3");
        assertThat(provider.received()).hasSize(3);
        assertThat(provider.sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void a5xxOnEveryAttemptIsTransient() {
        provider.answer(502, "bad gateway").answer(502, "bad gateway").answer(502, "bad gateway").answer(200, "{}");

        assertThatThrownBy(() -> whatsApp.send(message(MessageChannel.WHATSAPP, "+919845012345")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT);
                    assertThat(e.getMessage()).contains("HTTP 502", "3 attempts");
                });
        assertThat(provider.received()).hasSize(3);
        assertThat(provider.sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void anUnreachableProviderIsTransientAfterItsRetries() {
        provider.close();

        assertThatThrownBy(() -> whatsApp.send(message(MessageChannel.WHATSAPP, "+919845012345")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT));
        assertThat(provider.sleeps).hasSize(2);
    }

    @Test
    void aRefusalIsPermanentWithTheApisMessageAndNotRetried() {
        provider.answer(400, """
                {"error":{"message":"(#132001) Template name does not exist in the translation","type":"OAuthException",
                 "code":132001,"fbtrace_id":"A1b2"}}""");

        assertThatThrownBy(() -> whatsApp.send(message(MessageChannel.WHATSAPP, "+919845012345")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("HTTP 400", "132001", "Template name does not exist");
                });
        assertThat(provider.received()).hasSize(1);
        assertThat(provider.sleeps).isEmpty();
    }

    @Test
    void aMessageForAnotherChannelOrWithoutANumberIsPermanentWithoutACall() {
        assertThatThrownBy(() -> whatsApp.send(message(MessageChannel.SMS, "+919845012345")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.PERMANENT)).hasMessageContaining("SMS");
        assertThatThrownBy(() -> whatsApp.send(message(MessageChannel.WHATSAPP, null)))
                .isInstanceOf(ProviderException.class).hasMessageContaining("no WhatsApp number");
        assertThat(provider.received()).isEmpty();
    }

    @Test
    void anAcceptedCallWithoutAnIdIsPermanentSoItIsNotSentTwice() {
        provider.answer(200, "{\"messages\":[]}");

        assertThatThrownBy(() -> whatsApp.send(message(MessageChannel.WHATSAPP, "+919845012345")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.PERMANENT));
    }

    @Test
    void theTemplateListFollowsEveryPageAndASubmissionReturnsItsId() throws Exception {
        provider.answer(200, """
                {"data":[{"id":"1","name":"booking_confirmed","language":"en","status":"APPROVED","category":"UTILITY"}],
                 "paging":{"cursors":{"before":"a","after":"QVFI"},"next":"https://graph.facebook.com/next"}}""")
                .answer(200, """
                {"data":[{"id":"2","name":"booking_confirmed","language":"sw","status":"PENDING","category":"UTILITY"}],
                 "paging":{"cursors":{"before":"b","after":"QVFJ"}}}""")
                .answer(200, "{\"id\":\"594425479261596\",\"status\":\"PENDING\",\"category\":\"UTILITY\"}");

        List<WhatsAppTemplate> templates = whatsApp.templates();
        String id = whatsApp.submitTemplate("job_cancelled", "kn", "UTILITY", "ಕೆಲಸ {{1}} ರದ್ದಾಗಿದೆ: {{2}}",
                List.of("J-1", "customer asked"));

        assertThat(templates).extracting(WhatsAppTemplate::language).containsExactly("en", "sw");
        assertThat(templates).extracting(WhatsAppTemplate::approved).containsExactly(true, false);
        assertThat(id).isEqualTo("594425479261596");
        List<LocalProvider.Received> calls = provider.received();
        assertThat(calls.get(0).path()).isEqualTo("/55501/message_templates");
        assertThat(calls.get(1).query()).contains("after=QVFI");
        JsonNode submitted = HttpCalls.JSON.readTree(calls.get(2).body());
        assertThat(submitted.path("name").asText()).isEqualTo("job_cancelled");
        assertThat(submitted.at("/components/0/text").asText()).isEqualTo("ಕೆಲಸ {{1}} ರದ್ದಾಗಿದೆ: {{2}}");
        assertThat(submitted.at("/components/0/example/body_text/0/1").asText()).isEqualTo("customer asked");
    }

    @Test
    void theBuilderRefusesMissingOrRepeatedSettings() {
        assertThatThrownBy(() -> WhatsAppCloud.builder().accessToken("t").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("phoneNumber");
        assertThatThrownBy(() -> WhatsAppCloud.builder().phoneNumber("1").phoneNumber("2"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("phone number id");
        assertThatThrownBy(() -> WhatsAppCloud.builder().phoneNumber("12/../x")).isInstanceOf(IllegalArgumentException.class);
        WhatsAppCloud noAccount = WhatsAppCloud.builder().phoneNumber("1").accessToken("t").build();
        assertThatThrownBy(noAccount::templates).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("businessAccountId");
    }
}
