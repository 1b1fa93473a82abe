package io.github.geodispatch.job;

import io.github.geodispatch.job.JobCommand.AddExpense;
import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.JobCommand.RecordPayment;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static io.github.geodispatch.job.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A technician's offline session delivered as any interleaving with duplicates (all within the reorder window)
 * ends in exactly the job, event for event, that applying the session's distinct commands one by one in
 * device-time order gives; the commands the state machine does not allow in that order are rejected in both.
 * Keys sent again afterwards change nothing.
 */
class OfflineProperties {
    private static final JobId JOB = JobId.of("J-1");
    private static final Instant ASSIGNED = Instant.parse("2025-06-02T04:00:00Z");
    private static final Instant RECONNECTED = ASSIGNED.plus(Duration.ofHours(2));

    /** Everything a technician's phone may queue on one job. */
    private static final List<JobCommand> POOL = List.of(ChangeStatus.enRoute(JOB), ChangeStatus.arrived(JOB),
            ChangeStatus.workStarted(JOB), ChangeStatus.onHold(JOB, "customer away"), ChangeStatus.delayed(JOB, "traffic"),
            AddProof.photo(JOB, "before", "b.jpg", SHA), AddProof.photo(JOB, "after", "a.jpg", SHA),
            AddProof.signature(JOB, "sig.png", "cd".repeat(32)), new JobCommand.UsePart(JOB, "CAP-35UF", "85322990", 1, Money.inr(45_000), true),
            new AddExpense(JOB, "parking", Money.inr(4_000), false), ChangeStatus.completed(JOB),
            RecordPayment.cash(JOB, Money.inr(194_900)));

    /** A session: commands from the pool in some order, at strictly increasing device times, with their keys. */
    record Session(List<OfflineCommand> commands, long shuffleSeed, List<Integer> repeats) {}

    @Provide
    Arbitrary<Session> sessions() {
        Arbitrary<List<OfflineCommand>> commands = Combinators.combine(
                Arbitraries.integers().between(0, POOL.size() - 1).list().ofMinSize(1).ofMaxSize(14),
                Arbitraries.integers().between(1, 500).list().ofSize(14)).as((picks, gaps) -> {
                    List<OfflineCommand> out = new ArrayList<>();
                    Instant t = ASSIGNED;
                    for (int i = 0; i < picks.size(); i++) {
                        t = t.plusSeconds(gaps.get(i));
                        out.add(new OfflineCommand(POOL.get(picks.get(i)), t, "key-" + i));
                    }
                    return out;
                });
        return Combinators.combine(commands, Arbitraries.longs(), Arbitraries.integers().between(0, 13).list().ofMaxSize(6))
                .as(Session::new);
    }

    private static JobRecord record(ManualClock clock, Duration window) {
        JobRecord record = records().clock(clock).idGenerator(IdGenerator.sequential(7)).offlineReorderWindow(window).build();
        Instant now = clock.now;
        clock.now = ASSIGNED.minusSeconds(60);
        record.execute(DISPATCHER, create(JOB, "AC_SERVICE")).orThrow();
        clock.now = ASSIGNED;
        record.execute(DISPATCHER, Assign.of(JOB, RAVI)).orThrow();
        clock.now = now;
        return record;
    }

    @Property(tries = 150)
    void anyInterleavingWithDuplicatesEndsAsTheDeviceTimeOrder(@ForAll("sessions") Session session) {
        List<OfflineCommand> distinct = session.commands();

        // as uploaded: shuffled, some commands sent twice, all within the window
        List<OfflineCommand> uploaded = new ArrayList<>(distinct);
        for (int r : session.repeats()) {
            uploaded.add(distinct.get(r % distinct.size()));
        }
        java.util.Collections.shuffle(uploaded, new Random(session.shuffleSeed()));
        ManualClock clock = new ManualClock(RECONNECTED);
        JobRecord interleaved = record(clock, Duration.ofSeconds(30));
        for (OfflineCommand c : uploaded) {
            interleaved.offline().submit(TECH_RAVI, c);
        }
        clock.pass(Duration.ofSeconds(30));
        List<OfflineOutcome> released = interleaved.offline().releaseDue();

        // the oracle: the distinct commands one at a time in device-time order, each applied as it arrives
        ManualClock oracleClock = new ManualClock(RECONNECTED);
        JobRecord oracle = record(oracleClock, Duration.ZERO);
        List<OfflineOutcome> expected = new ArrayList<>();
        for (OfflineCommand c : distinct.stream().sorted(Comparator.comparing(OfflineCommand::deviceTime)).toList()) {
            expected.add(oracle.offline().submit(TECH_RAVI, c));
        }

        assertThat(released).hasSameSizeAs(distinct);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(released.get(i).idempotencyKey()).isEqualTo(expected.get(i).idempotencyKey());
            assertThat(released.get(i).result().isAccepted()).as(released.get(i).idempotencyKey())
                    .isEqualTo(expected.get(i).result().isAccepted());
        }
        List<JobEvent> history = interleaved.history(OWNER, JOB);
        assertThat(history).isEqualTo(oracle.history(OWNER, JOB));
        assertThat(interleaved.job(OWNER, JOB)).isEqualTo(oracle.job(OWNER, JOB));

        for (OfflineCommand c : uploaded) {
            assertThat(interleaved.offline().submit(TECH_RAVI, c).duplicate()).isTrue();
        }
        interleaved.offline().releaseAll();
        assertThat(interleaved.history(OWNER, JOB)).as("keys sent again append nothing").isEqualTo(history);
    }
}
