package io.github.geodispatch.spi.contract;

import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.MessageChannel;
import io.github.geodispatch.spi.MessageRecipient;
import io.github.geodispatch.spi.MessageStore;
import io.github.geodispatch.spi.OutboundMessage;
import io.github.geodispatch.spi.StoredMessage;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@link MessageStore}. An adapter proves itself by extending this class in its own tests and
 * returning a store from {@link #newStore()}. Each test works in a fresh random tenant, so a persistent store may be
 * shared by all tests.
 */
public abstract class MessageStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-16T04:30:00Z");

    /** A store to test: a new one, or a shared one whose tenants are left to the tests. */
    protected abstract MessageStore newStore();

    private MessageStore store;
    private TenantId tenant;

    @BeforeEach
    void setUpStore() {
        store = newStore();
        tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 12));
    }

    private OutboundMessage message(String key, String customer, Instant notBefore) {
        return new OutboundMessage(key, tenant, JobId.of("J-1"), MessageRecipient.customer(
                io.github.geodispatch.spi.CustomerId.of(customer)), MessageChannel.WHATSAPP, "+919845012345",
                "booking_confirmed", "hi", List.of("J-1", "AC SERVICE", "16/11 10:00–12:00"),
                "आपकी बुकिंग J-1 (AC SERVICE) की पुष्टि हो गई है।", notBefore, notBefore.plus(Duration.ofDays(3)));
    }

    @Test
    void anEnqueuedMessageReadsBackQueuedAtVersionOneDueAtItsNotBefore() {
        OutboundMessage m = message("e1/booking_confirmed/customer:C-1", "C-1", T0.plusSeconds(60));

        assertThat(store.enqueue(m, T0)).isTrue();

        StoredMessage stored = store.find(tenant, m.key()).orElseThrow();
        assertThat(stored).isEqualTo(StoredMessage.queued(m, T0));
        assertThat(stored.message().text()).as("text in any script round-trips").isEqualTo(m.text());
    }

    @Test
    void aKeyIsEnqueuedOncePerTenant() {
        OutboundMessage m = message("e1/booking_confirmed/customer:C-1", "C-1", T0);
        assertThat(store.enqueue(m, T0)).isTrue();

        assertThat(store.enqueue(m, T0.plusSeconds(5))).as("the same key again").isFalse();
        assertThat(store.find(tenant, m.key()).orElseThrow().updatedAt()).isEqualTo(T0);

        TenantId other = TenantId.of(tenant.value() + "-b");
        OutboundMessage elsewhere = new OutboundMessage(m.key(), other, m.job(), m.recipient(), m.channel(), m.address(),
                m.template(), m.language(), m.parameters(), m.text(), m.notBefore(), m.expiresAt());
        assertThat(store.enqueue(elsewhere, T0)).as("another tenant's key is its own").isTrue();
    }

    @Test
    void replaceIsACompareAndSetOnTheVersion() {
        OutboundMessage m = message("e1/booking_confirmed/customer:C-1", "C-1", T0);
        store.enqueue(m, T0);
        StoredMessage queued = store.find(tenant, m.key()).orElseThrow();
        StoredMessage sending = queued.sending(T0, T0.plusSeconds(120));

        assertThat(store.replace(queued, sending)).isTrue();
        assertThat(store.replace(queued, queued.deferred(T0.plusSeconds(60), "late", T0)))
                .as("a writer holding the old version loses").isFalse();
        assertThat(store.find(tenant, m.key())).contains(sending);

        StoredMessage sent = sending.sent("wamid.1", T0.plusSeconds(1));
        assertThat(store.replace(sending, sent)).isTrue();
        assertThat(store.byProviderMessageId("wamid.1")).contains(sent);
        assertThat(store.byProviderMessageId("wamid.unknown")).isEmpty();
    }

    @Test
    void replaceRefusesAnotherMessageOrAVersionThatDoesNotFollow() {
        OutboundMessage m = message("e1/booking_confirmed/customer:C-1", "C-1", T0);
        store.enqueue(m, T0);
        StoredMessage queued = store.find(tenant, m.key()).orElseThrow();
        StoredMessage other = StoredMessage.queued(message("e2/booking_confirmed/customer:C-1", "C-1", T0), T0);

        assertThatThrownBy(() -> store.replace(queued, other.sending(T0, T0))).isInstanceOf(IllegalArgumentException.class);
        StoredMessage skipping = new StoredMessage(m, DeliveryStatus.SENDING, 3, 1, T0, T0, null, "", T0);
        assertThatThrownBy(() -> store.replace(queued, skipping)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dueListsOneStatusUpToNowEarliestFirstThenByKey() {
        store.enqueue(message("k-c", "C-1", T0.plusSeconds(30)), T0);
        store.enqueue(message("k-b", "C-1", T0.plusSeconds(10)), T0);
        store.enqueue(message("k-a", "C-1", T0.plusSeconds(30)), T0);
        store.enqueue(message("k-later", "C-1", T0.plusSeconds(90)), T0);
        StoredMessage b = store.find(tenant, "k-b").orElseThrow();
        store.replace(b, b.sending(T0, T0.plusSeconds(20)));

        assertThat(store.due(tenant, DeliveryStatus.QUEUED, T0.plusSeconds(60), 10)).extracting(StoredMessage::key)
                .containsExactly("k-a", "k-c");
        assertThat(store.due(tenant, DeliveryStatus.QUEUED, T0.plusSeconds(60), 1)).extracting(StoredMessage::key)
                .containsExactly("k-a");
        assertThat(store.due(tenant, DeliveryStatus.SENDING, T0.plusSeconds(19), 10)).isEmpty();
        assertThat(store.due(tenant, DeliveryStatus.SENDING, T0.plusSeconds(20), 10)).extracting(StoredMessage::key)
                .containsExactly("k-b");
        assertThat(store.due(TenantId.of(tenant.value() + "-x"), DeliveryStatus.QUEUED, T0.plusSeconds(60), 10)).isEmpty();
    }

    @Test
    void sentSinceCountsARecipientsMessagesHandedOverSinceThen() {
        for (int i = 0; i < 3; i++) {
            OutboundMessage m = message("k-" + i, "C-1", T0);
            store.enqueue(m, T0);
            StoredMessage q = store.find(tenant, m.key()).orElseThrow();
            store.replace(q, q.sending(T0.plusSeconds(i * 600L), T0.plusSeconds(i * 600L + 60)));
        }
        store.enqueue(message("k-other", "C-2", T0), T0);
        StoredMessage other = store.find(tenant, "k-other").orElseThrow();
        store.replace(other, other.sending(T0, T0.plusSeconds(60)));
        store.enqueue(message("k-queued", "C-1", T0), T0);

        MessageRecipient c1 = MessageRecipient.customer(io.github.geodispatch.spi.CustomerId.of("C-1"));
        assertThat(store.sentSince(tenant, c1, T0)).isEqualTo(3);
        assertThat(store.sentSince(tenant, c1, T0.plusSeconds(600))).isEqualTo(2);
        assertThat(store.sentSince(tenant, c1, T0.plusSeconds(1201))).isZero();
    }

    @Test
    @Timeout(60)
    void ofTwoWritersRacingOnOneMessageExactlyOneWins() throws Exception {
        int rounds = 20;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int r = 0; r < rounds; r++) {
                OutboundMessage m = message("race-" + r, "C-1", T0);
                CountDownLatch start = new CountDownLatch(1);
                Callable<Boolean> enqueue = () -> {
                    start.await();
                    return store.enqueue(m, T0);
                };
                List<Future<Boolean>> enqueued = List.of(pool.submit(enqueue), pool.submit(enqueue));
                start.countDown();
                assertThat(count(enqueued)).as("enqueue winners, round %d", r).isEqualTo(1);

                StoredMessage queued = store.find(tenant, m.key()).orElseThrow();
                CountDownLatch go = new CountDownLatch(1);
                Callable<Boolean> claim = () -> {
                    go.await();
                    return store.replace(queued, queued.sending(T0, T0.plusSeconds(60)));
                };
                List<Future<Boolean>> claimed = List.of(pool.submit(claim), pool.submit(claim));
                go.countDown();
                assertThat(count(claimed)).as("claim winners, round %d", r).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static int count(List<Future<Boolean>> results) throws Exception {
        List<Boolean> wins = new ArrayList<>();
        for (Future<Boolean> f : results) {
            wins.add(f.get(30, TimeUnit.SECONDS));
        }
        return (int) wins.stream().filter(w -> w).count();
    }
}
