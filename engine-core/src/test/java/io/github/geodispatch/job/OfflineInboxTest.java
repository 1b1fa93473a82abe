package io.github.geodispatch.job;

import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.spi.DeviceOrigin;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.github.geodispatch.job.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands from a technician's phone that was offline: held for the reorder window, applied in device-time order
 * where the state machine allows, duplicates dropped, the delay recorded on each event.
 */
class OfflineInboxTest {
    private static final JobId JOB = JobId.of("J-1");
    private static final Instant AT_SITE = Instant.parse("2025-06-02T05:00:00Z");

    private final InMemoryJobEventStore store = new InMemoryJobEventStore();
    private final ManualClock clock = new ManualClock(AT_SITE.minusSeconds(3600));
    private final JobRecord engine = records().eventStore(store).clock(clock).build();

    /** The job, assigned to Ravi an hour before he reached the site; the clock then moves to when the phone reconnects. */
    private void assignedThenReconnected() {
        engine.execute(DISPATCHER, create(JOB, "AC_SERVICE")).orThrow();
        engine.execute(DISPATCHER, Assign.of(JOB, RAVI)).orThrow();
        clock.now = AT_SITE.plus(Duration.ofMinutes(40));
    }

    private static OfflineCommand queued(JobCommand command, int minutesAfterArrival, String key) {
        return new OfflineCommand(command, AT_SITE.plus(Duration.ofMinutes(minutesAfterArrival)), key);
    }

    /** What the phone queued in the basement, in the order the technician did it. */
    private static List<OfflineCommand> basementVisit() {
        return List.of(
                queued(ChangeStatus.enRoute(JOB), -20, "k1"),
                queued(ChangeStatus.arrived(JOB), 0, "k2"),
                queued(ChangeStatus.workStarted(JOB), 1, "k3"),
                queued(AddProof.photo(JOB, "before", "b.jpg", SHA), 2, "k4"),
                queued(AddProof.photo(JOB, "after", "a.jpg", SHA), 30, "k5"),
                queued(AddProof.signature(JOB, "sig.png", "cd".repeat(32)), 31, "k6"),
                queued(ChangeStatus.completed(JOB), 32, "k7"));
    }

    @Test
    void commandsUploadedOutOfOrderAreAppliedInDeviceTimeOrder() {
        assignedThenReconnected();
        List<OfflineCommand> queue = basementVisit();
        // the upload retried its first requests last: the completion arrives first
        for (int i : new int[] {6, 5, 0, 3, 1, 4, 2}) {
            OfflineOutcome held = engine.offline().submit(TECH_RAVI, queue.get(i));
            assertThat(held.held()).isTrue();
            assertThat(held.dueAt()).isEqualTo(clock.now.plusSeconds(30));
        }
        assertThat(engine.job(OWNER, JOB).orElseThrow().status()).as("held, not applied yet").isEqualTo(JobStatus.ASSIGNED);
        assertThat(engine.offline().releaseDue()).isEmpty();

        clock.pass(Duration.ofSeconds(30));
        List<OfflineOutcome> applied = engine.offline().releaseDue();

        assertThat(applied).extracting(OfflineOutcome::idempotencyKey).containsExactly("k1", "k2", "k3", "k4", "k5", "k6", "k7");
        assertThat(applied).allSatisfy(o -> assertThat(o.result().isAccepted()).as(o.idempotencyKey()).isTrue());
        JobState done = engine.job(OWNER, JOB).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.arrivedAt()).as("when it happened, by the phone").isEqualTo(AT_SITE);
        assertThat(done.completedAt()).isEqualTo(AT_SITE.plus(Duration.ofMinutes(32)));
        JobEvent completed = engine.history(OWNER, JOB).get(8);
        DeviceOrigin origin = completed.header().origin();
        assertThat(origin).isEqualTo(new DeviceOrigin("k7", AT_SITE.plus(Duration.ofMinutes(32)),
                AT_SITE.plus(Duration.ofMinutes(40))));
        assertThat(origin.delay()).isEqualTo(Duration.ofMinutes(8));
        assertThat(engine.verifyHistory(OWNER, JOB).orElseThrow().intact()).isTrue();
    }

    @Test
    void aKeySeenAgainChangesNothingAndAnswersTheFirstOutcome() {
        assignedThenReconnected();
        OfflineCommand enRoute = basementVisit().get(0);
        engine.offline().submit(TECH_RAVI, enRoute);
        assertThat(engine.offline().submit(TECH_RAVI, enRoute)).satisfies(o -> {
            assertThat(o.duplicate()).isTrue();
            assertThat(o.held()).isTrue();
        });
        clock.pass(Duration.ofSeconds(30));
        OfflineOutcome first = engine.offline().releaseDue().get(0);
        long version = engine.job(OWNER, JOB).orElseThrow().version();

        OfflineOutcome again = engine.offline().submit(TECH_RAVI, enRoute);
        JobRecord restarted = records().eventStore(store).clock(clock).build();
        OfflineOutcome afterRestart = restarted.offline().submit(TECH_RAVI, enRoute);
        restarted.offline().releaseAll();

        assertThat(again.duplicate()).isTrue();
        assertThat(again.result()).isEqualTo(first.result());
        assertThat(afterRestart.duplicate()).as("found on the stored stream").isTrue();
        assertThat(afterRestart.result().isAccepted()).isTrue();
        assertThat(afterRestart.deviceTime()).isEqualTo(enRoute.deviceTime());
        assertThat(restarted.job(OWNER, JOB).orElseThrow().version()).isEqualTo(version);
        assertThat(restarted.offline().outcome(TECH_RAVI, JOB, "k1")).get()
                .satisfies(o -> assertThat(o.result().isAccepted()).isTrue());
        assertThat(restarted.offline().outcome(TECH_RAVI, JOB, "never-sent")).isEmpty();
    }

    @Test
    void aCommandArrivingAfterItsWindowIsAppliedOnlyWhereTheStateMachineAllows() {
        assignedThenReconnected();
        List<OfflineCommand> queue = basementVisit();
        engine.offline().submit(TECH_RAVI, queue.get(1)); // arrived
        clock.pass(Duration.ofSeconds(30));
        engine.offline().releaseDue();

        engine.offline().submit(TECH_RAVI, queue.get(0)); // en route, earlier on the phone, later over the network
        engine.offline().submit(TECH_RAVI, queue.get(3)); // a photo: allowed in any order
        clock.pass(Duration.ofSeconds(30));
        List<OfflineOutcome> late = engine.offline().releaseDue();

        assertThat(late).extracting(OfflineOutcome::idempotencyKey).containsExactly("k1", "k4");
        assertThat(((CommandResult.Rejected) late.get(0).result()).rejection().reason())
                .isEqualTo(Rejection.Reason.ILLEGAL_TRANSITION);
        assertThat(late.get(1).result().isAccepted()).isTrue();
        assertThat(engine.job(OWNER, JOB).orElseThrow().status()).isEqualTo(JobStatus.ARRIVED);
    }

    @Test
    void aDeviceClockTooFarAheadOrACommandTooOldIsRefusedAtOnce() {
        assignedThenReconnected();
        OfflineOutcome ahead = engine.offline().submit(TECH_RAVI,
                new OfflineCommand(ChangeStatus.enRoute(JOB), clock.now.plus(Duration.ofMinutes(3)), "ahead"));
        OfflineOutcome old = engine.offline().submit(TECH_RAVI,
                new OfflineCommand(ChangeStatus.enRoute(JOB), clock.now.minus(Duration.ofDays(8)), "old"));
        OfflineOutcome skewed = engine.offline().submit(TECH_RAVI,
                new OfflineCommand(ChangeStatus.enRoute(JOB), clock.now.plus(Duration.ofMinutes(1)), "skewed"));

        for (OfflineOutcome refused : List.of(ahead, old)) {
            assertThat(((CommandResult.Rejected) refused.result()).rejection().reason())
                    .isEqualTo(Rejection.Reason.DEVICE_TIME_OUT_OF_RANGE);
        }
        assertThat(skewed.held()).as("within the tolerated skew").isTrue();
        clock.pass(Duration.ofSeconds(30));
        engine.offline().releaseDue();
        JobEvent enRoute = engine.history(OWNER, JOB).get(2);
        assertThat(enRoute.header().occurredAt()).as("never later than when it was applied").isEqualTo(clock.now);
        assertThat(enRoute.header().origin().delay()).isEqualTo(Duration.ofMinutes(-1));
    }

    @Test
    void officeCommandsAreNotHeldBackAndAWindowOfZeroAppliesAtOnce() {
        JobRecord immediate = records().clock(clock).offlineReorderWindow(Duration.ZERO).build();
        immediate.execute(DISPATCHER, create(JOB, "AC_SERVICE")).orThrow();
        immediate.execute(DISPATCHER, Assign.of(JOB, RAVI)).orThrow();

        OfflineOutcome applied = immediate.offline().submit(TECH_RAVI,
                new OfflineCommand(ChangeStatus.enRoute(JOB), clock.now.minusSeconds(5), "now"));
        assertThat(applied.held()).isFalse();
        assertThat(applied.result().isAccepted()).isTrue();

        assignedThenReconnected();
        engine.offline().submit(TECH_RAVI, basementVisit().get(0));
        engine.execute(DISPATCHER, ChangeStatus.delayed(JOB, "customer not home")).orThrow();
        assertThat(engine.job(OWNER, JOB).orElseThrow().status()).isEqualTo(JobStatus.DELAYED);
    }
}
