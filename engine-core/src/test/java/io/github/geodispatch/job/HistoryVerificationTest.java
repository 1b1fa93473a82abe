package io.github.geodispatch.job;
import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.StreamId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import static io.github.geodispatch.job.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tampering with a stored history shows in verifyHistory, the last event included. */
class HistoryVerificationTest {
    private static final JobId JOB = JobId.of("J-1");
    private static final StreamId STREAM = StreamId.of(TENANT, JOB);

    /** A store whose streams a test can rewrite behind the engine's back, as a rogue database user could. */
    private final Map<StreamId, List<JobEvent>> rewritten = new ConcurrentHashMap<>();
    private final InMemoryJobEventStore backing = new InMemoryJobEventStore();
    private final RejectionPathsTest.ForwardingStore store = new RejectionPathsTest.ForwardingStore(backing) {
        @Override
        public List<JobEvent> readStream(StreamId stream) {
            return rewritten.getOrDefault(stream, super.readStream(stream));
        }
    };
    private JobRecord engine;
    private JobState last;

    @BeforeEach
    void setUp() {
        engine = records().eventStore(store).clock(tickingClock()).build();
        engine.execute(DISPATCHER, create(JOB, "AC_SERVICE")).orThrow();
        engine.execute(DISPATCHER, Assign.of(JOB, RAVI)).orThrow();
        engine.execute(TECH_RAVI, ChangeStatus.arrived(JOB)).orThrow();
        last = engine.execute(TECH_RAVI, AddProof.signature(JOB, "sig-1", "cd".repeat(32))).orThrow();
    }

    private void rewrite(int index, JobEvent replacement) {
        List<JobEvent> events = new ArrayList<>(backing.readStream(STREAM));
        if (replacement == null) {
            events.remove(index);
        } else {
            events.set(index, replacement);
        }
        rewritten.put(STREAM, events);
    }

    private static JobEvent.ProofAdded forgedOtp(JobEvent original) {
        JobEvent.ProofAdded p = (JobEvent.ProofAdded) original;
        return new JobEvent.ProofAdded(p.header(), p.kind(), p.label(), "otp-forged", p.sha256());
    }

    @Test
    void untouchedHistoryVerifiesAgainstTheRememberedAndTheTrustedHead() {
        HistoryVerification remembered = engine.verifyHistory(OWNER, JOB).orElseThrow();
        HistoryVerification trusted = engine.verifyHistory(ACCOUNTANT, JOB, last.headHash()).orElseThrow();

        assertThat(remembered.intact()).isTrue();
        assertThat(remembered.headChecked()).isTrue();
        assertThat(remembered.events()).isEqualTo(4);
        assertThat(remembered.head()).isEqualTo(last.headHash());
        assertThat(trusted.intact()).isTrue();
    }

    @Test
    void editedMiddleEventIsFound() {
        JobEvent.StatusChanged arrived = (JobEvent.StatusChanged) backing.readStream(STREAM).get(2);
        rewrite(2, new JobEvent.StatusChanged(arrived.header(), arrived.status(), "", "visit-forged"));

        HistoryVerification result = engine.verifyHistory(OWNER, JOB).orElseThrow();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBroken()).hasValue(3);
    }

    @Test
    void editedLastEventIsFoundByTheEngineThatWroteIt() {
        rewrite(3, forgedOtp(backing.readStream(STREAM).get(3)));

        assertThat(engine.verifyHistory(OWNER, JOB).orElseThrow().firstBroken()).hasValue(3);
    }

    @Test
    void editedLastEventIsFoundByAnyEngineGivenTheTrustedHead() {
        rewrite(3, forgedOtp(backing.readStream(STREAM).get(3)));
        JobRecord freshHost = records().eventStore(store).build();

        HistoryVerification chainOnly = freshHost.verifyHistory(OWNER, JOB).orElseThrow();
        HistoryVerification withHead = freshHost.verifyHistory(OWNER, JOB, last.headHash()).orElseThrow();

        assertThat(chainOnly.headChecked()).isFalse();
        assertThat(chainOnly.intact()).as("the chain alone cannot see an edit of the last event").isTrue();
        assertThat(withHead.intact()).isFalse();
        assertThat(withHead.firstBroken()).hasValue(3);
    }

    @Test
    void droppedLastEventIsFound() {
        rewrite(3, null);

        assertThat(engine.verifyHistory(OWNER, JOB).orElseThrow().intact()).isFalse();
        assertThat(engine.verifyHistory(OWNER, JOB, last.headHash()).orElseThrow().intact()).isFalse();
    }

    @Test
    void anOlderTrustedHeadStillVerifiesAGrownStream() {
        String receiptHead = last.headHash();
        engine.execute(TECH_RAVI, ChangeStatus.workStarted(JOB)).orThrow();

        assertThat(engine.verifyHistory(OWNER, JOB, receiptHead).orElseThrow().intact()).isTrue();
    }

    @Test
    void verificationIsTenantAndBranchChecked() {
        assertThat(engine.verifyHistory(FOREIGN_OWNER, JOB)).isEmpty();
        assertThat(engine.verifyHistory(OTHER_BRANCH_DISPATCHER, JOB)).isEmpty();
        assertThat(engine.verifyHistory(TECH_ASHA, JOB)).isEmpty();
        assertThatThrownBy(() -> engine.verifyHistory(OWNER, JOB, "not-a-hash"))
                .hasMessageContaining("trusted head");
    }

    @Test
    void eventsAnotherInstanceAppendedLaterDoNotLookLikeTampering() {
        JobRecord other = records().eventStore(store).clock(tickingClock()).build();
        other.execute(TECH_RAVI, AddProof.signature(JOB, "sig-2", "cd".repeat(32))).orThrow();

        HistoryVerification byFirst = engine.verifyHistory(OWNER, JOB).orElseThrow();
        assertThat(byFirst.intact()).isTrue();
        assertThat(byFirst.headChecked()).isTrue();
        assertThat(byFirst.events()).isEqualTo(5);
        assertThat(other.verifyHistory(OWNER, JOB).orElseThrow().intact()).isTrue();
    }

    @Test
    void aReadAfterAnotherInstanceAppendedSeesItsEventsNotTheStateCachedAtTheOlderVersion() {
        assertThat(engine.job(OWNER, JOB).orElseThrow()).isEqualTo(last); // cached at version 4
        JobRecord other = records().eventStore(store).clock(tickingClock()).build();
        other.execute(TECH_RAVI, ChangeStatus.workStarted(JOB)).orThrow();

        JobState read = engine.job(OWNER, JOB).orElseThrow();
        assertThat(read.version()).isEqualTo(5);
        assertThat(read.status()).isEqualTo(JobStatus.WORK_STARTED);
        assertThat(read).isEqualTo(JobState.fold(backing.readStream(STREAM)));
        assertThat(engine.history(OWNER, JOB)).hasSize(5);
    }
}
