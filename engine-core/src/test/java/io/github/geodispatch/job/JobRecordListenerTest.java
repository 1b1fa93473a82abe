package io.github.geodispatch.job;
import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.StoredEvent;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import static io.github.geodispatch.job.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class JobRecordListenerTest {
    private static final JobId JOB = JobId.of("J-1");

    @Test
    void listenersGetEveryStoredBatchInOrderAndRejectionsNothing() {
        InMemoryJobEventStore store = new InMemoryJobEventStore();
        JobRecord engine = records().eventStore(store).build();
        List<StoredEvent> seen = new ArrayList<>();
        engine.subscribe(seen::addAll);

        engine.execute(DISPATCHER, create(JOB, "AC_SERVICE"));
        engine.execute(DISPATCHER, Assign.of(JOB, RAVI));
        engine.execute(TECH_ASHA, ChangeStatus.enRoute(JOB)); // rejected
        engine.execute(DISPATCHER, Assign.of(JOB, RAVI));     // no-op
        engine.execute(TECH_RAVI, ChangeStatus.enRoute(JOB));

        assertThat(seen).isEqualTo(store.readAll(0, 100));
        assertThat(seen).extracting(s -> s.event().header().version()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aClosedSubscriptionGetsNothingMore() {
        JobRecord engine = records().build();
        List<StoredEvent> seen = new ArrayList<>();
        Subscription subscription = engine.subscribe(seen::addAll);
        engine.execute(DISPATCHER, create(JOB, "AC_SERVICE"));

        subscription.close();
        subscription.close();
        engine.execute(DISPATCHER, Assign.of(JOB, RAVI));

        assertThat(seen).hasSize(1);
    }

    @Test
    void aFailingListenerNeitherUndoesEventsNorStarvesOtherListeners() {
        JobRecord engine = records().build();
        List<StoredEvent> seen = new ArrayList<>();
        engine.subscribe(events -> {
            throw new IllegalStateException("listener bug");
        });
        engine.subscribe(seen::addAll);

        CommandResult result = engine.execute(DISPATCHER, create(JOB, "AC_SERVICE"));

        assertThat(result.isAccepted()).isTrue();
        assertThat(seen).hasSize(1);
        assertThat(engine.job(OWNER, JOB)).isPresent();
    }

    @Test
    void aListenerMayExecuteCommandsWhoseEventsFollowTheCurrentBatch() {
        JobRecord engine = records().build();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        // Like a geofence job-link: on ARRIVED, the system records a note.
        engine.subscribe(events -> {
            for (StoredEvent s : events) {
                first.add(describe(s.event()));
                if (s.event() instanceof JobEvent.StatusChanged c && c.status() == io.github.geodispatch.spi.JobStatus.ARRIVED) {
                    engine.execute(SYSTEM, new AddProof(JOB, ProofKind.NOTE, "geofence", "arrival seen", null)).orThrow();
                }
            }
        });
        engine.subscribe(events -> events.forEach(s -> second.add(describe(s.event()))));

        engine.execute(DISPATCHER, create(JOB, "AC_SERVICE")).orThrow();
        engine.execute(DISPATCHER, Assign.of(JOB, RAVI)).orThrow();
        engine.execute(TECH_RAVI, ChangeStatus.arrived(JOB)).orThrow();

        assertThat(first).containsExactly("1 JobCreated", "2 JobAssigned", "3 StatusChanged", "4 ProofAdded");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theNotifierHearsOfAssignmentsAndCancellationsAndItsFailuresChangeNothing() {
        List<String> messages = new ArrayList<>();
        JobRecord engine = records().notifier((to, subject, body) -> {
            messages.add(to + ": " + subject);
            throw new IllegalStateException("SMS gateway down");
        }).build();

        engine.execute(DISPATCHER, create(JOB, "AC_SERVICE")).orThrow();
        engine.execute(DISPATCHER, Assign.of(JOB, RAVI)).orThrow();
        engine.execute(DISPATCHER, Assign.of(JOB, ASHA)).orThrow();
        engine.execute(DISPATCHER, ChangeStatus.cancelled(JOB, "customer cancelled")).orThrow();

        assertThat(messages).containsExactly("ravi: New job J-1", "asha: New job J-1", "asha: Job J-1 CANCELLED");
        assertThat(engine.job(OWNER, JOB).orElseThrow().version()).isEqualTo(4);
    }

    private static String describe(JobEvent event) {
        return event.header().version() + " " + event.getClass().getSimpleName();
    }
}
