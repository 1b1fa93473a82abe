package io.github.geodispatch.messaging.http;

import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.customer.CustomerCommand;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.messaging.MessagingPolicy;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.DeliveryReport;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentCallback;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Nairobi business on the real engine with both adapters against local servers: the job's messages go to the
 * WhatsApp Cloud API, the webhook's delivery report lands on the job, completion pushes an M-Pesa prompt through
 * Daraja, and the STK callback records the payment with its M-Pesa receipt, which the reconciliation then finds on
 * the statement credit it was given.
 */
class KenyanJobEndToEndTest {
    private static final TenantId TENANT = TenantId.of("baridi-nbo");
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final BranchId BRANCH = BranchId.of("westlands");
    private static final TechnicianId OTIENO = TechnicianId.of("otieno");
    private static final byte[] APP_SECRET = "whatsapp app secret".getBytes(StandardCharsets.UTF_8);

    private Instant now = Instant.parse("2026-11-16T07:00:00Z");
    private final LocalProvider whatsApp = new LocalProvider();
    private final LocalProvider daraja = new LocalProvider();
    private final AtomicInteger wamids = new AtomicInteger();
    private final GeoDispatch gd;
    private final Actor desk = Actor.dispatcher(TENANT, BRANCH, "wanjiru");
    private final Actor otieno = Actor.technician(TENANT, BRANCH, OTIENO);

    KenyanJobEndToEndTest() throws IOException {
        whatsApp.otherwise(call -> new LocalProvider.Answer(200, Map.of(),
                "{\"messages\":[{\"id\":\"wamid." + wamids.incrementAndGet() + "\"}]}"));
        daraja.answer(200, DarajaStkPushTest.TOKEN).answer(200, DarajaStkPushTest.ACCEPTED);
        gd = GeoDispatch.builder().business(TENANT, Currency.KES, NAIROBI).clock(() -> now)
                .messaging(MessagingPolicy.builder().feedbackLinks("https://baridi.example/rate",
                        "a secret of sixteen bytes or more".getBytes(StandardCharsets.UTF_8)).build())
                .messageSender(WhatsAppCloud.builder().baseUri(whatsApp.uri()).phoneNumber("2547000").accessToken("token")
                        .http(whatsApp.http()).build())
                .paymentRequests(DarajaStkPush.builder().baseUri(daraja.uri()).credentials("key", "secret")
                        .shortCode("174379", "passkey").callbackBase(URI.create("https://baridi.example/stk"))
                        .http(daraja.http().withClock(() -> now)).build())
                .build();
    }

    @AfterEach
    void stop() {
        whatsApp.close();
        daraja.close();
    }

    @Test
    void aJobsMessagesDeliveryPromptAndCallbackRunThroughTheAdaptersToTheReconciliation() {
        gd.customers().execute(Actor.owner(TENANT, "owner"), new CustomerCommand.RegisterCustomer(CustomerId.of("C-7"),
                BRANCH, new CustomerProfile("Amina Njeri", List.of("+254712345678"), null, "sw", null, null, ""))).orThrow();
        JobId job = JobId.of("J-7");
        gd.jobs().execute(desk, JobCommand.CreateJob.builder(job, BRANCH, CustomerId.of("C-7"),
                new Site(SiteId.of("S-7"), GeoPoint.of(-1.2676, 36.8108), 60, "Woodvale Grove"), "AC_SERVICE")
                .quote(Money.kes(250_000)).build()).orThrow();
        gd.jobs().execute(desk, JobCommand.Assign.of(job, OTIENO)).orThrow();
        gd.jobs().execute(otieno, JobCommand.ChangeStatus.enRoute(job)).orThrow();
        // no pings in this test, so no geofence visit proves the arrival: the dispatcher records it
        gd.jobs().execute(desk, JobCommand.ChangeStatus.arrivalOverride(job, "GPS dead in the basement")).orThrow();
        gd.jobs().execute(otieno, JobCommand.ChangeStatus.workStarted(job)).orThrow();
        gd.jobs().execute(otieno, JobCommand.AddProof.photo(job, "before", "b.jpg", "a".repeat(64))).orThrow();
        gd.jobs().execute(otieno, JobCommand.AddProof.photo(job, "after", "a.jpg", "b".repeat(64))).orThrow();
        gd.jobs().execute(otieno, JobCommand.AddProof.signature(job, "sig.png", "c".repeat(64))).orThrow();
        gd.jobs().execute(otieno, JobCommand.ChangeStatus.completed(job)).orThrow();

        // the customer's messages went to WhatsApp in Swahili; the completion asked for the payment by STK push
        List<String> templates = whatsApp.received().stream().map(r -> r.body().replaceAll(".*\"name\":\"([a-z_]+)\".*", "$1"))
                .toList();
        assertThat(templates).containsExactly("booking_confirmed", "technician_assigned", "technician_on_the_way",
                "technician_arrived", "job_completed");
        assertThat(whatsApp.received()).allSatisfy(r -> assertThat(r.body()).contains("\"code\":\"sw\""));
        assertThat(daraja.received()).extracting(LocalProvider.Received::path)
                .containsExactly("/oauth/v1/generate", "/mpesa/stkpush/v1/processrequest");
        assertThat(daraja.received().get(1).body()).contains("\"Amount\":2500", "\"CallBackURL\":\"https://baridi.example/stk/J-7\"");

        // the webhook says the booking confirmation was delivered
        String webhook = WhatsAppWebhookTest.STATUSES.replace("wamid.A", "wamid.1");
        assertThat(WhatsAppWebhook.verified(APP_SECRET, webhook.getBytes(StandardCharsets.UTF_8),
                WhatsAppWebhook.signature(APP_SECRET, webhook.getBytes(StandardCharsets.UTF_8)))).isTrue();
        for (DeliveryReport report : WhatsAppWebhook.reports(webhook)) {
            if (report.providerMessageId().equals("wamid.1")) {
                assertThat(gd.messaging().report(report)).isTrue();
            }
        }
        assertThat(history(job)).filteredOn(JobEvent.MessageStatusChanged.class::isInstance)
                .map(e -> (JobEvent.MessageStatusChanged) e).filteredOn(s -> s.providerReference().equals("wamid.1"))
                .extracting(JobEvent.MessageStatusChanged::status)
                .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);

        Instant audit = now.plus(Duration.ofDays(3));
        // the technician sent no pings here, so the visit is a ghost either way: only the payment findings matter
        assertThat(findings(job, audit)).as("unpaid before the callback")
                .containsExactlyInAnyOrder(LeakageCode.PAYMENT_STATUS_MISSING, LeakageCode.GHOST_VISIT);

        now = now.plus(Duration.ofMinutes(2));
        String callback = DarajaStkPushTest.PAID.replace("1499.00", "2500").replace("20261116101530", "20261116101600");
        PaymentCallback paid = DarajaCallback.parse(callback, now);
        CommandResult result = gd.messaging().paymentCallback(job, paid);
        CommandResult replay = gd.messaging().paymentCallback(job, DarajaCallback.parse(callback, now));

        assertThat(result.isAccepted()).isTrue();
        assertThat(replay.isAccepted()).isTrue();
        assertThat(history(job)).filteredOn(JobEvent.PaymentRecorded.class::isInstance)
                .singleElement().isInstanceOfSatisfying(JobEvent.PaymentRecorded.class, p -> {
                    assertThat(p.mode()).isEqualTo(PaymentMode.MPESA);
                    assertThat(p.reference()).isEqualTo("TKG7RT61SV");
                    assertThat(p.amount()).isEqualTo(Money.kes(250_000));
                });
        assertThat(findings(job, audit)).as("paid, and the credit carries the receipt").containsExactly(LeakageCode.GHOST_VISIT);
    }

    private List<JobEvent> history(JobId job) {
        return gd.jobs().history(Actor.owner(TENANT, "owner"), job);
    }

    private List<LeakageCode> findings(JobId job, Instant asOf) {
        return gd.payments().audit(asOf).stream().filter(f -> job.equals(f.job())).map(Finding::code).toList();
    }
}
