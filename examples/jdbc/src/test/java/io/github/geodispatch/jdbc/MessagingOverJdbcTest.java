package io.github.geodispatch.jdbc;

import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.customer.CustomerCommand;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.memory.InMemoryMessageSender;
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
import io.github.geodispatch.spi.OutboundMessage;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StoredMessage;
import io.github.geodispatch.spi.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two host instances over one database (H2), each with its own WhatsApp sender: a booking confirmed at night is held
 * through the quiet hours in the shared outbox, and when both instances send what is due in the morning at once,
 * the customer gets it once; the delivery report reaches the job through either instance.
 */
class MessagingOverJdbcTest {
    private static final TenantId TENANT = TenantId.of("coolair-blr");
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final BranchId BRANCH = BranchId.of("indiranagar");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 16);

    private final TestDatabase db = TestDatabases.h2();
    private Instant now = DAY.atTime(22, 30).atZone(IST).toInstant();
    private final InMemoryMessageSender first = new InMemoryMessageSender();
    private final InMemoryMessageSender second = new InMemoryMessageSender();
    private final GeoDispatch one = instance(first);
    private final GeoDispatch two = instance(second);

    private GeoDispatch instance(InMemoryMessageSender sender) {
        return GeoDispatch.builder().business(TENANT, Currency.INR, IST).clock(() -> now)
                .eventStore(db.database().events()).customerStore(db.database().customers())
                .messageStore(db.database().messages()).messageSender(sender)
                .messaging(MessagingPolicy.builder().feedbackLinks("https://coolair.example/rate",
                        "a secret of sixteen bytes or more".getBytes(StandardCharsets.UTF_8)).build())
                .build();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aHeldMessageIsSentOnceWhenBothInstancesSendWhatIsDue() throws Exception {
        Actor owner = Actor.owner(TENANT, "owner");
        one.customers().execute(owner, new CustomerCommand.RegisterCustomer(CustomerId.of("C-1"), BRANCH,
                new CustomerProfile("Asha Rao", List.of("+919845012345"), null, "hi", null, "29", ""))).orThrow();
        JobId job = JobId.of("J-1");
        one.jobs().execute(Actor.dispatcher(TENANT, BRANCH, "priya"), JobCommand.CreateJob.builder(job, BRANCH,
                CustomerId.of("C-1"), new Site(SiteId.of("S-1"), GeoPoint.of(12.9719, 77.6412), 60, "100 Feet Rd"),
                "AC_SERVICE").quote(Money.inr(149_900)).build()).orThrow();
        assertThat(first.sent()).as("held through the quiet hours").isEmpty();

        now = DAY.plusDays(1).atTime(8, 5).atZone(IST).toInstant();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> sends = new ArrayList<>();
        for (GeoDispatch instance : List.of(one, two)) {
            sends.add(pool.submit(() -> {
                start.await();
                return instance.messaging().sendDue();
            }));
        }
        start.countDown();
        int handed = 0;
        for (Future<Integer> f : sends) {
            handed += f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<OutboundMessage> all = new ArrayList<>(first.sent());
        all.addAll(second.sent());
        assertThat(handed).isEqualTo(1);
        assertThat(all).singleElement().satisfies(m -> {
            assertThat(m.template()).isEqualTo("booking_confirmed");
            assertThat(m.language()).isEqualTo("hi");
        });
        StoredMessage sent = db.database().messages().find(TENANT, all.get(0).key()).orElseThrow();
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);

        // the provider's webhook may land on either instance
        assertThat(two.messaging().report(new DeliveryReport(sent.providerMessageId(), DeliveryStatus.DELIVERED,
                now.plusSeconds(5), ""))).isTrue();
        assertThat(one.jobs().history(owner, job)).filteredOn(JobEvent.MessageStatusChanged.class::isInstance)
                .extracting(e -> ((JobEvent.MessageStatusChanged) e).status())
                .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
    }
}
