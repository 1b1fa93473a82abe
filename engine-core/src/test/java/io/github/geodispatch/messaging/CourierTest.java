package io.github.geodispatch.messaging;

import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.IdGenerator;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.spi.DeliveryReport;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.ProviderException;
import io.github.geodispatch.spi.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static io.github.geodispatch.messaging.Talk.RAVI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * From the store to the provider: quiet hours, the per-customer rate limit, retries with back-off and the provider's
 * retry-after, permanent failures, expiry, a sender that stopped, delivery reports, and two instances sending a held
 * message once.
 */
class CourierTest {

    private static Talk talk() {
        return new Talk().customer("C-1", "+919845012345", "en");
    }

    private static String createdKey(Talk talk, JobId job) {
        return talk.history(job).get(0).header().eventId() + "/booking_confirmed/customer:C-1";
    }

    private static List<DeliveryStatus> statuses(Talk talk, JobId job) {
        return talk.history(job).stream().filter(JobEvent.MessageStatusChanged.class::isInstance)
                .map(e -> ((JobEvent.MessageStatusChanged) e).status()).toList();
    }

    @Test
    void quietHoursHoldDaytimeMessagesUntilMorningButNotWhatIsHappeningNow() {
        Talk talk = talk();
        talk.at(LocalTime.of(22, 0));
        JobId job = talk.job("J-1", "C-1");
        StoredMessage held = talk.messaging.message(createdKey(talk, job)).orElseThrow();
        assertThat(held.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(held.dueAt()).isEqualTo(Talk.DAY.plusDays(1).atTime(8, 0).atZone(Talk.ZONE).toInstant());
        assertThat(held.detail()).isEqualTo("quiet hours");
        talk.run(talk.dispatcher, Assign.of(job, RAVI));
        talk.run(talk.tech(RAVI), ChangeStatus.enRoute(job));
        assertThat(talk.sent(Template.ON_THE_WAY)).as("on the way goes at any hour").hasSize(1);
        assertThat(talk.sent(Template.TECH_JOB_ASSIGNED)).as("technicians hear at any hour").hasSize(1);
        assertThat(talk.sent(Template.BOOKING_CONFIRMED)).isEmpty();

        talk.now = held.dueAt().minusSeconds(60);
        assertThat(talk.messaging.sendDue()).isZero();
        talk.now = held.dueAt();
        assertThat(talk.messaging.sendDue()).isEqualTo(2);
        assertThat(talk.sent(Template.BOOKING_CONFIRMED)).hasSize(1);
        assertThat(talk.sent(Template.TECHNICIAN_ASSIGNED)).hasSize(1);
    }

    @Test
    void quietHoursThatEndBeforeTheyStartRunPastMidnight() {
        MessagingPolicy policy = MessagingPolicy.builder().feedbackLinks(Talk.FEEDBACK, Talk.SECRET)
                .quietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)).build();
        assertThat(policy.quiet(LocalTime.of(23, 30))).isTrue();
        assertThat(policy.quiet(LocalTime.of(7, 59))).isTrue();
        assertThat(policy.quiet(LocalTime.of(8, 0))).isFalse();
        assertThat(policy.quiet(LocalTime.of(20, 59))).isFalse();
        MessagingPolicy lunch = MessagingPolicy.builder().feedbackLinks(Talk.FEEDBACK, Talk.SECRET)
                .quietHours(LocalTime.of(13, 0), LocalTime.of(14, 0)).build();
        assertThat(lunch.quiet(LocalTime.of(13, 30))).isTrue();
        assertThat(lunch.quiet(LocalTime.of(14, 0))).isFalse();
        MessagingPolicy never = MessagingPolicy.builder().feedbackLinks(Talk.FEEDBACK, Talk.SECRET)
                .quietHours(LocalTime.of(9, 0), LocalTime.of(9, 0)).build();
        assertThat(never.quiet(LocalTime.of(9, 0))).isFalse();
    }

    @Test
    void theRateLimitHoldsACustomersMessagesBeyondItAndCountsNeitherTechniciansNorCodes() {
        Talk talk = new Talk(p -> p.rateLimit(2, Duration.ofHours(1)), b -> b).customer("C-1", "+919845012345", "en");
        JobId job = talk.job("J-1", "C-1");
        talk.run(talk.dispatcher, Assign.of(job, RAVI));
        talk.run(talk.tech(RAVI), ChangeStatus.enRoute(job));

        assertThat(talk.sent(Template.BOOKING_CONFIRMED)).hasSize(1);
        assertThat(talk.sent(Template.TECHNICIAN_ASSIGNED)).hasSize(1);
        assertThat(talk.sent(Template.TECH_JOB_ASSIGNED)).hasSize(1);
        assertThat(talk.sent(Template.ON_THE_WAY)).as("the third customer message within the hour").isEmpty();
        talk.run(talk.tech(RAVI), ChangeStatus.arrived(job));
        talk.run(talk.tech(RAVI), ChangeStatus.workStarted(job));
        assertThat(talk.messaging.requestOtp(talk.tech(RAVI), job).outcome()).isEqualTo(OtpResult.Outcome.ISSUED);
        assertThat(talk.sent(Template.APPROVAL_CODE)).as("the code the customer waits for is not held").hasSize(1);

        talk.pass(Duration.ofMinutes(30));
        talk.messaging.sendDue();
        assertThat(talk.sent(Template.ON_THE_WAY)).as("held until one of the two left the hour").isEmpty();
        talk.pass(Duration.ofMinutes(31));
        talk.messaging.sendDue();
        assertThat(talk.sent(Template.ON_THE_WAY)).hasSize(1);
    }

    @Test
    void aTransientFailureIsRetriedWithBackOffAndTheProvidersRetryAfter() {
        Talk talk = talk();
        talk.sender.failNext(ProviderException.transientFailure("503", null),
                ProviderException.rateLimited("429 too many", Duration.ofMinutes(5)));
        JobId job = talk.job("J-1", "C-1");
        String key = createdKey(talk, job);
        StoredMessage first = talk.messaging.message(key).orElseThrow();
        assertThat(first.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(first.dueAt()).isEqualTo(talk.now.plus(Duration.ofMinutes(1)));
        assertThat(first.detail()).contains("TRANSIENT").contains("503");

        talk.pass(Duration.ofSeconds(59));
        talk.messaging.sendDue();
        assertThat(talk.sender.sent()).isEmpty();
        talk.pass(Duration.ofSeconds(1));
        talk.messaging.sendDue();
        StoredMessage second = talk.messaging.message(key).orElseThrow();
        assertThat(second.dueAt()).as("retry-after beats the 2-minute back-off").isEqualTo(talk.now.plus(Duration.ofMinutes(5)));
        assertThat(second.attempts()).isEqualTo(2);

        talk.pass(Duration.ofMinutes(5));
        talk.messaging.sendDue();
        assertThat(talk.messaging.message(key).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(talk.sent(Template.BOOKING_CONFIRMED)).hasSize(1);
        assertThat(statuses(talk, job)).containsExactly(DeliveryStatus.SENT);
    }

    @Test
    void aRetryAfterBeyondTheMessagesLifeHoldsItOnlyUntilItExpires() {
        Talk talk = talk();
        talk.sender.failNext(ProviderException.rateLimited("429", Duration.ofSeconds(Long.MAX_VALUE)));
        JobId job = talk.job("J-1", "C-1");
        StoredMessage held = talk.messaging.message(createdKey(talk, job)).orElseThrow();
        assertThat(held.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(held.dueAt()).isEqualTo(held.message().expiresAt());

        talk.now = held.dueAt();
        talk.messaging.sendDue();

        assertThat(talk.sender.sent()).isEmpty();
        assertThat(statuses(talk, job)).containsExactly(DeliveryStatus.EXPIRED);
    }

    @Test
    void aPermanentFailureOrTheLastAttemptFailsTheMessageOnTheJob() {
        Talk talk = new Talk(p -> p.retries(2, Duration.ofMinutes(2), Duration.ofSeconds(10)), b -> b)
                .customer("C-1", "+919845012345", "en");
        talk.sender.failNext(ProviderException.permanent("131026 message undeliverable"));
        JobId refused = talk.job("J-1", "C-1");
        assertThat(talk.messaging.message(createdKey(talk, refused)).orElseThrow().detail())
                .isEqualTo("PERMANENT: 131026 message undeliverable");
        assertThat(statuses(talk, refused)).containsExactly(DeliveryStatus.FAILED);

        talk.sender.failNext(ProviderException.transientFailure("timeout", null), ProviderException.transientFailure("timeout", null));
        JobId retried = talk.job("J-2", "C-1");
        assertThat(statuses(talk, retried)).as("the first failure is retried").isEmpty();
        talk.pass(Duration.ofSeconds(10));
        talk.messaging.sendDue();

        assertThat(talk.sender.sent()).isEmpty();
        StoredMessage last = talk.messaging.message(createdKey(talk, retried)).orElseThrow();
        assertThat(last.attempts()).isEqualTo(2);
        assertThat(last.detail()).isEqualTo("TRANSIENT: timeout");
        assertThat(statuses(talk, retried)).containsExactly(DeliveryStatus.FAILED);
    }

    @Test
    void aMessageHeldPastItsLifetimeExpires() {
        Talk talk = new Talk(p -> p.lifetimes(Duration.ofHours(2), Duration.ofMinutes(30)), b -> b)
                .customer("C-1", "+919845012345", "en");
        talk.at(LocalTime.of(22, 0));
        JobId job = talk.job("J-1", "C-1");
        talk.now = Talk.DAY.plusDays(1).atTime(8, 0).atZone(Talk.ZONE).toInstant();

        assertThat(talk.messaging.sendDue()).isZero();

        assertThat(talk.sender.sent()).isEmpty();
        assertThat(statuses(talk, job)).containsExactly(DeliveryStatus.EXPIRED);
    }

    @Test
    void aMessageWhoseSenderStoppedWhileSendingFailsAndIsNotSentAgain() {
        Talk talk = talk();
        talk.at(LocalTime.of(22, 0));
        JobId job = talk.job("J-1", "C-1");
        StoredMessage held = talk.messaging.message(createdKey(talk, job)).orElseThrow();
        Instant morning = held.dueAt();
        // another instance took it at 08:00 and died before the provider answered
        assertThat(talk.store.replace(held, held.sending(morning, morning.plus(Duration.ofMinutes(2))))).isTrue();
        talk.now = morning.plus(Duration.ofMinutes(2));

        talk.messaging.sendDue();

        assertThat(talk.sender.sent()).isEmpty();
        StoredMessage failed = talk.messaging.message(held.key()).orElseThrow();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.detail()).contains("stopped while sending");
        assertThat(statuses(talk, job)).containsExactly(DeliveryStatus.FAILED);
    }

    @Test
    void aMessageTheSenderTookWithoutAnIdIsSentAndNotSentAgain() {
        Talk talk = talk();
        talk.sender.noIdNext(1);
        JobId job = talk.job("J-1", "C-1");
        talk.pass(Duration.ofHours(1));
        talk.messaging.sendDue();

        assertThat(talk.sent(Template.BOOKING_CONFIRMED)).hasSize(1);
        StoredMessage sent = talk.messaging.message(createdKey(talk, job)).orElseThrow();
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(statuses(talk, job)).containsExactly(DeliveryStatus.SENT);
    }

    @Test
    void deliveryReportsMoveTheStatusForwardOnlyAndTheJobRecordsEach() {
        Talk talk = talk();
        JobId job = talk.job("J-1", "C-1");
        Instant at = talk.now.plusSeconds(3);

        assertThat(talk.messaging.report(new DeliveryReport("wamid.1", DeliveryStatus.DELIVERED, at, null))).isTrue();
        assertThat(talk.messaging.report(new DeliveryReport("wamid.1", DeliveryStatus.READ, at.plusSeconds(60), null))).isTrue();
        assertThat(talk.messaging.report(new DeliveryReport("wamid.1", DeliveryStatus.DELIVERED, at, null)))
                .as("late and behind: ignored").isTrue();
        assertThat(talk.messaging.report(new DeliveryReport("wamid.1", DeliveryStatus.FAILED, at, "x"))).isTrue();
        assertThat(talk.messaging.report(new DeliveryReport("wamid.404", DeliveryStatus.READ, at, null))).isFalse();

        assertThat(statuses(talk, job)).containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
        assertThat(talk.messaging.message(createdKey(talk, job)).orElseThrow().updatedAt()).isEqualTo(at.plusSeconds(60));
    }

    @Test
    void twoInstancesSendingHeldMessagesAtOnceSendEachOnce() throws Exception {
        Talk talk = talk();
        talk.at(LocalTime.of(22, 0));
        for (int i = 0; i < 20; i++) {
            talk.customer("C-x" + i, "+91984501" + (2000 + i), "en");
            talk.job("J-" + i, "C-x" + i);
        }
        JobRecord other = JobRecord.builder().eventStore(talk.events).clock(talk.clock).idGenerator(IdGenerator.sequential(9))
                .build();
        Messaging second = talk.build(other);
        talk.at(LocalTime.of(23, 59));
        talk.now = talk.now.plus(Duration.ofHours(8).plusMinutes(1));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> a = pool.submit(() -> {
                go.await();
                return talk.messaging.sendDue();
            });
            Future<Integer> b = pool.submit(() -> {
                go.await();
                return second.sendDue();
            });
            go.countDown();
            assertThat(a.get(30, TimeUnit.SECONDS) + b.get(30, TimeUnit.SECONDS)).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        assertThat(talk.sent(Template.BOOKING_CONFIRMED)).hasSize(20)
                .extracting(m -> m.job().value()).doesNotHaveDuplicates();
    }

    @Test
    void aReplayedEventDoesNotSendItsMessagesAgain() {
        Talk talk = talk();
        List<io.github.geodispatch.spi.StoredEvent> batches = new java.util.ArrayList<>();
        talk.jobs.subscribe(batches::addAll);
        JobId job = talk.job("J-1", "C-1");
        talk.run(talk.dispatcher, Assign.of(job, RAVI));
        int sent = talk.sender.sent().size();

        ((io.github.geodispatch.job.JobEventListener) talk.messaging).onEvents(batches);
        talk.restart();
        ((io.github.geodispatch.job.JobEventListener) talk.messaging).onEvents(batches);

        assertThat(talk.sender.sent()).hasSize(sent);
        talk.run(talk.dispatcher, new JobCommand.Unassign(job, "sick"));
        assertThat(talk.sender.sent()).hasSize(sent + 1);
    }
}
