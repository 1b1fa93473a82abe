package io.github.geodispatch.messaging.http;

import io.github.geodispatch.spi.DeliveryReport;
import io.github.geodispatch.spi.DeliveryStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delivery-status webhook: statuses read as reports, its signature checked, bad bodies refused by name. */
class WhatsAppWebhookTest {
    static final String STATUSES = """
            {"object":"whatsapp_business_account","entry":[{"id":"55501","changes":[{"field":"messages","value":{
              "messaging_product":"whatsapp","metadata":{"display_phone_number":"919845000000","phone_number_id":"1098765"},
              "statuses":[
                {"id":"wamid.A","status":"delivered","timestamp":"1763267400","recipient_id":"919845012345",
                 "conversation":{"id":"c1","origin":{"type":"utility"}},"pricing":{"billable":true,"category":"utility"}},
                {"id":"wamid.A","status":"read","timestamp":"1763267460","recipient_id":"919845012345"},
                {"id":"wamid.B","status":"failed","timestamp":"1763267500","recipient_id":"919845099999",
                 "errors":[{"code":131026,"title":"Message undeliverable","message":"Message undeliverable",
                            "error_data":{"details":"Receiver is incapable of receiving this message"}}]},
                {"id":"wamid.C","status":"deleted","timestamp":"1763267500","recipient_id":"919845099999"}]}}]}]}""";

    @Test
    void deliveredReadAndFailedBecomeReportsAndOtherStatusesNothing() {
        assertThat(WhatsAppWebhook.reports(STATUSES)).containsExactly(
                new DeliveryReport("wamid.A", DeliveryStatus.DELIVERED, Instant.ofEpochSecond(1763267400), ""),
                new DeliveryReport("wamid.A", DeliveryStatus.READ, Instant.ofEpochSecond(1763267460), ""),
                new DeliveryReport("wamid.B", DeliveryStatus.FAILED, Instant.ofEpochSecond(1763267500),
                        "131026 Message undeliverable Receiver is incapable of receiving this message"));
    }

    @Test
    void anIncomingMessageNotificationHasNoReports() {
        assertThat(WhatsAppWebhook.reports("""
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages",
                 "value":{"messages":[{"from":"919845012345","id":"wamid.in","type":"text","text":{"body":"hi"}}]}}]}]}"""))
                .isEmpty();
    }

    @Test
    void aMalformedBodyIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> WhatsAppWebhook.reports("not json")).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> WhatsAppWebhook.reports("{\"object\":\"page\",\"entry\":[]}"))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("whatsapp_business_account");
        assertThatThrownBy(() -> WhatsAppWebhook.reports("{\"object\":\"whatsapp_business_account\"}"))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("entry");
        assertThatThrownBy(() -> WhatsAppWebhook.reports(STATUSES.replace("\"id\":\"wamid.B\",", "")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("no id");
        assertThatThrownBy(() -> WhatsAppWebhook.reports(STATUSES.replace("1763267460", "yesterday")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("wamid.A");
    }

    @Test
    void onlyTheAppSecretsSignatureOfTheExactBodyIsVerified() {
        byte[] secret = "app-secret".getBytes(StandardCharsets.UTF_8);
        byte[] body = STATUSES.getBytes(StandardCharsets.UTF_8);
        String signature = WhatsAppWebhook.signature(secret, body);

        assertThat(WhatsAppWebhook.verified(secret, body, signature)).isTrue();
        assertThat(WhatsAppWebhook.verified(secret, body, signature.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
        assertThat(WhatsAppWebhook.verified(secret, STATUSES.replace("read", "sent").getBytes(StandardCharsets.UTF_8),
                signature)).isFalse();
        assertThat(WhatsAppWebhook.verified("other".getBytes(StandardCharsets.UTF_8), body, signature)).isFalse();
        assertThat(WhatsAppWebhook.verified(secret, body, null)).isFalse();
        assertThat(WhatsAppWebhook.verified(secret, body, "sha1=abc")).isFalse();
    }

    @Test
    void theSubscriptionCheckEchoesTheChallengeOnlyForTheHostsToken() {
        assertThat(WhatsAppWebhook.subscription("subscribe", "tok", "1158201444", "tok")).contains("1158201444");
        assertThat(WhatsAppWebhook.subscription("subscribe", "guess", "1158201444", "tok")).isEmpty();
        assertThat(WhatsAppWebhook.subscription("unsubscribe", "tok", "1158201444", "tok")).isEmpty();
    }
}
