package io.github.geodispatch.job;

import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.github.geodispatch.job.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenant-scoped subscriptions, and what a failing listener gets: its batch again after a back-off, or parked. */
class JobRecordDeliveryTest {
    private static final JobId JOB = JobId.of("J-1");

    /** A listener that fails while {@link #failing} is set, and records what it took. */
    static final class Flaky implements JobEventListener {
        final List<Long> taken = new ArrayList<>();
        int calls;
        boolean failing = true;

        @Override
        public void onEvents(List<StoredEvent> events) {
            calls++;
            if (failing) {
                throw new IllegalStateException("accounts system down");
            }
            events.forEach(e -> taken.add(e.position()));
        }

        @Override
        public String toString() {
            return "flaky accounts feed";
        }
    }

    private static List<Long> positions(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::position).toList();
    }

    private static void note(JobRecord engine, int n) {
        engine.execute(DISPATCHER, new AddProof(JOB, ProofKind.NOTE, "", "note " + n, null)).orThrow();
    }

    @Test
    void aTenantScopedListenerHearsOnlyItsTenantsJobs() {
        JobRecord engine = JobRecord.builder().build();
        List<StoredEvent> ours = new ArrayList<>(), everyone = new ArrayList<>();
        engine.subscribe(TENANT, ours::addAll);
        engine.subscribe(everyone::addAll);
        Actor foreignDispatcher = Actor.dispatcher(OTHER_TENANT, BranchId.of("nairobi"), "wanjiku");

        engine.execute(DISPATCHER, create(JOB, "AC_SERVICE")).orThrow();
        engine.execute(foreignDispatcher, JobCommand.CreateJob.builder(JOB, BranchId.of("nairobi"), CustomerId.of("C-9"),
                SITE, "AC_SERVICE").build()).orThrow();
        engine.execute(DISPATCHER, Assign.of(JOB, RAVI)).orThrow();

        assertThat(ours).extracting(s -> s.event().header().tenant()).containsOnly(TENANT).hasSize(2);
        assertThat(everyone).hasSize(3);
    }

    @Test
    void aFailedBatchIsDeliveredAgainAfterItsBackOffAndTheLaterOnesWaitBehindIt() {
        ManualClock clock = new ManualClock();
        JobRecord engine = JobRecord.builder().clock(clock)
                .redelivery(new RedeliveryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(5))).build();
        Flaky flaky = new Flaky();
        List<StoredEvent> healthy = new ArrayList<>();
        engine.subscribe(flaky);
        engine.subscribe(healthy::addAll);

        engine.execute(DISPATCHER, create(JOB, "AC_SERVICE")).orThrow();       // position 1: fails
        clock.pass(Duration.ofSeconds(9));
        note(engine, 1);                                                      // position 2: waits behind 1
        assertThat(flaky.calls).as("not retried before its back-off").isEqualTo(1);
        assertThat(positions(healthy)).containsExactly(1L, 2L);

        clock.pass(Duration.ofSeconds(1));
        flaky.failing = false;
        engine.redeliverDue();

        assertThat(flaky.taken).containsExactly(1L, 2L);
        assertThat(engine.parkedDeliveries()).isEmpty();
    }

    @Test
    void theBackOffDoublesUpToItsMaximum() {
        RedeliveryPolicy policy = new RedeliveryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(List.of(1, 2, 3, 4, 9).stream().map(policy::backoff).toList())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    /** A longer back-off overflowed its doubling (an ArithmeticException from a failed delivery). */
    @Test
    void aBackOffLongerThanADayIsRefusedAndTheLongestDoublesWithoutOverflow() {
        assertThatThrownBy(() -> new RedeliveryPolicy(100, Duration.ofSeconds(1), Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max back-off must be at most PT24H, was " + Duration.ofSeconds(Long.MAX_VALUE));
        RedeliveryPolicy longest = new RedeliveryPolicy(100, Duration.ofNanos(1), RedeliveryPolicy.MAX_BACKOFF);
        assertThat(longest.backoff(100)).isEqualTo(RedeliveryPolicy.MAX_BACKOFF);
    }

    @Test
    void aListenerThatKeepsFailingIsParkedVisiblyAndResumedWithNothingLost() {
        ManualClock clock = new ManualClock();
        JobRecord engine = JobRecord.builder().clock(clock)
                .redelivery(new RedeliveryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1))).build();
        Flaky flaky = new Flaky();
        Subscription subscription = engine.subscribe(TENANT, flaky);

        engine.execute(DISPATCHER, create(JOB, "AC_SERVICE")).orThrow();
        for (int attempt = 2; attempt <= 5; attempt++) {
            clock.pass(Duration.ofSeconds(1));
            engine.redeliverDue();
        }
        note(engine, 1);
        note(engine, 2);

        assertThat(flaky.calls).as("three attempts, then parked").isEqualTo(3);
        ParkedDelivery parked = engine.parkedDeliveries().get(0);
        assertThat(parked).isEqualTo(subscription.parked().orElseThrow());
        assertThat(parked.listener()).isEqualTo("flaky accounts feed");
        assertThat(parked.tenant()).isEqualTo(TENANT);
        assertThat(parked.firstPosition()).isEqualTo(1);
        assertThat(parked.attempts()).isEqualTo(3);
        assertThat(parked.lastFailure()).contains("accounts system down");
        assertThat(parked.pendingBatches()).isEqualTo(3);
        assertThat(parked.parkedAt()).isEqualTo(Instant.parse("2025-06-02T04:30:02Z"));

        flaky.failing = false;
        parked.subscription().resume();

        assertThat(flaky.taken).containsExactly(1L, 2L, 3L);
        assertThat(engine.parkedDeliveries()).isEmpty();
        assertThat(subscription.parked()).isEmpty();
    }

    @Test
    void closingAParkedSubscriptionDropsWhatWaitedForIt() {
        JobRecord engine = JobRecord.builder().redelivery(new RedeliveryPolicy(1, Duration.ZERO, Duration.ZERO)).build();
        Flaky flaky = new Flaky();
        Subscription subscription = engine.subscribe(flaky);
        engine.execute(DISPATCHER, create(JOB, "AC_SERVICE")).orThrow();
        assertThat(engine.parkedDeliveries()).hasSize(1);

        subscription.close();
        flaky.failing = false;
        subscription.resume();
        note(engine, 1);

        assertThat(engine.parkedDeliveries()).isEmpty();
        assertThat(flaky.taken).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotHoldUpAnotherTenantsListener() {
        ManualClock clock = new ManualClock();
        JobRecord engine = JobRecord.builder().clock(clock).build();
        TenantId other = OTHER_TENANT;
        Flaky flaky = new Flaky();
        List<StoredEvent> theirs = new ArrayList<>();
        engine.subscribe(TENANT, flaky);
        engine.subscribe(other, theirs::addAll);

        engine.execute(DISPATCHER, create(JOB, "AC_SERVICE")).orThrow();
        engine.execute(Actor.owner(other, "o"), JobCommand.CreateJob.builder(JOB, BRANCH, CustomerId.of("C-2"), SITE,
                "AC_SERVICE").build()).orThrow();

        assertThat(theirs).hasSize(1);
        assertThat(flaky.calls).isEqualTo(1);
    }
}
