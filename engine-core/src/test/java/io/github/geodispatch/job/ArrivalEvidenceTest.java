package io.github.geodispatch.job;

import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.github.geodispatch.job.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ARRIVED needs evidence that is evidence: a geofence visit of the job's technician at the job's site that the
 * record can find, or an override by a dispatcher or owner, recorded as such and shown on the job.
 */
class ArrivalEvidenceTest {
    private static final JobId JOB = JobId.of("J-1");
    private static final Instant T0 = Instant.parse("2025-06-02T04:30:00Z");

    /** The visits the geofence knows: filled by each test. */
    private final List<ArrivalEvidence.Visit> known = new ArrayList<>();
    private final JobRecord engine = JobRecord.builder().clock(() -> T0)
            .arrivalVisits((technician, site, from, to) -> known.stream()
                    .filter(v -> v.technician().equals(technician) && v.site().equals(site)).toList()).build();

    private void assigned() {
        engine.execute(DISPATCHER, create(JOB, "AC_SERVICE")).orThrow();
        engine.execute(DISPATCHER, Assign.of(JOB, RAVI)).orThrow();
    }

    private Rejection.Reason refused(CommandResult result) {
        return ((CommandResult.Rejected) result).rejection().reason();
    }

    @Test
    void aTapWithNoVisitYetIsNotAnArrival() {
        assigned();

        CommandResult tap = engine.execute(TECH_RAVI, ChangeStatus.arrived(JOB));

        assertThat(refused(tap)).isEqualTo(Rejection.Reason.ARRIVAL_NOT_PROVEN);
        assertThat(((CommandResult.Rejected) tap).rejection().message()).contains("no geofence visit of ravi at S-1")
                .contains("dispatcher's override");
        assertThat(engine.job(OWNER, JOB).orElseThrow().status()).isEqualTo(JobStatus.ASSIGNED);
    }

    @Test
    void aTapRecordsTheTechniciansVisitWithItsSignals() {
        assigned();
        known.add(ArrivalEvidence.Visit.of(RAVI, SITE.id(), T0.minusSeconds(600)));
        known.add(new ArrivalEvidence.Visit(RAVI, SITE.id(), T0.minusSeconds(60), List.of("REPEATED_COORDINATES")));

        JobState state = engine.execute(TECH_RAVI, ChangeStatus.arrived(JOB)).orThrow();

        assertThat(state.arrivalEvidence()).isEqualTo("visit:ravi at S-1 from 2025-06-02T04:29:00Z flagged:REPEATED_COORDINATES");
        assertThat(state.arrival()).get().isInstanceOfSatisfying(ArrivalEvidence.Visit.class, v -> {
            assertThat(v.flagged()).isTrue();
            assertThat(v.enteredAt()).isEqualTo(T0.minusSeconds(60));
        });
    }

    @Test
    void aNamedVisitMustBeTheTechniciansAtTheJobsSiteAndKnown() {
        assigned();
        ArrivalEvidence.Visit real = ArrivalEvidence.Visit.of(RAVI, SITE.id(), T0.minusSeconds(300));
        known.add(real);

        assertThat(refused(engine.execute(SYSTEM, ChangeStatus.arrived(JOB,
                ArrivalEvidence.Visit.of(ASHA, SITE.id(), T0.minusSeconds(300)))))).isEqualTo(Rejection.Reason.ARRIVAL_NOT_PROVEN);
        assertThat(refused(engine.execute(SYSTEM, ChangeStatus.arrived(JOB,
                ArrivalEvidence.Visit.of(RAVI, SiteId.of("S-elsewhere"), T0.minusSeconds(300))))))
                .isEqualTo(Rejection.Reason.ARRIVAL_NOT_PROVEN);
        assertThat(refused(engine.execute(SYSTEM, ChangeStatus.arrived(JOB,
                ArrivalEvidence.Visit.of(RAVI, SITE.id(), T0.minusSeconds(299)))))).as("no such visit")
                .isEqualTo(Rejection.Reason.ARRIVAL_NOT_PROVEN);

        JobState state = engine.execute(SYSTEM, ChangeStatus.arrived(JOB, real)).orThrow();
        assertThat(state.arrival()).contains(real);
    }

    @Test
    void onlyADispatcherOrOwnerOverridesAndTheOverrideShowsOnTheJob() {
        assigned();

        assertThat(refused(engine.execute(TECH_RAVI, ChangeStatus.arrivalOverride(JOB, "I am here, trust me"))))
                .isEqualTo(Rejection.Reason.ROLE_NOT_PERMITTED);
        assertThat(refused(engine.execute(SYSTEM, ChangeStatus.arrivalOverride(JOB, "integration says so"))))
                .isEqualTo(Rejection.Reason.ROLE_NOT_PERMITTED);
        JobState state = engine.execute(DISPATCHER, ChangeStatus.arrivalOverride(JOB, "GPS dead in the basement")).orThrow();

        assertThat(state.arrival()).contains(new ArrivalEvidence.Override("priya", "GPS dead in the basement"));
        assertThat(state.arrivalEvidence()).isEqualTo("override by priya: GPS dead in the basement");
        JobEvent.StatusChanged arrived = (JobEvent.StatusChanged) engine.history(OWNER, JOB).get(2);
        assertThat(arrived.header().actor()).isEqualTo(DISPATCHER);
        assertThat(arrived.reason()).isEqualTo("GPS dead in the basement");
    }

    @Test
    void evidenceTextsReadBackAsWhatTheyAre() {
        ArrivalEvidence.Visit visit = new ArrivalEvidence.Visit(RAVI, SiteId.of("S-77"), T0, List.of("MOCK_LOCATION",
                "IMPOSSIBLE_SPEED"));
        ArrivalEvidence.Visit oddIds = ArrivalEvidence.Visit.of(TechnicianId.of("ravi@coolair"), SiteId.of("blr/S:77"), T0);
        ArrivalEvidence.Override override = new ArrivalEvidence.Override("u:42", "phone died: customer confirmed");

        assertThat(ArrivalEvidence.parse(visit.text())).isEqualTo(visit);
        assertThat(ArrivalEvidence.parse(oddIds.text())).as("ids may hold @ / :").isEqualTo(oddIds);
        assertThat(ArrivalEvidence.parse(override.text())).isEqualTo(override);
        assertThat(ArrivalEvidence.parse("geofence-visit:ravi@S-77 from 2025-06-02T04:30:00Z")).as("the link's old form")
                .isEqualTo(ArrivalEvidence.Visit.of(RAVI, SiteId.of("S-77"), T0));
        for (String text : List.of("trust me", "visit-1", "visit:ravi at S-77 from not-a-time", "visit:ravi@S-77/2025-06-02T04:30:00Z", "override:priya: x", "")) {
            assertThat(ArrivalEvidence.parse(text)).as(text).isEqualTo(new ArrivalEvidence.Unverified(text));
            assertThat(ArrivalEvidence.parse(text).verified()).isFalse();
        }
    }

    @Test
    void anArrivalWrittenBeforeEvidenceWasCheckedFoldsAsUnverified() {
        StreamId stream = StreamId.of(TENANT, JOB);
        List<JobEvent> history = new ArrayList<>();
        JobCommand.CreateJob c = create(JOB, "AC_SERVICE");
        history.add(new JobEvent.JobCreated(header(stream, history, DISPATCHER), c.branch(), c.customer(), c.site(),
                c.issue(), c.jobType(), c.requiredSkills(), c.priority(), null, null, 60, c.quote(), null, null));
        history.add(new JobEvent.JobAssigned(header(stream, history, DISPATCHER), RAVI, null));
        history.add(new JobEvent.StatusChanged(header(stream, history, TECH_RAVI), JobStatus.ARRIVED, "", "trust me"));

        JobState state = JobState.fold(history);

        assertThat(state.arrival()).contains(new ArrivalEvidence.Unverified("trust me"));
    }

    private static EventHeader header(StreamId stream, List<JobEvent> before, io.github.geodispatch.spi.Actor actor) {
        return new EventHeader(UUID.randomUUID(), stream, before.size() + 1, T0, actor, HashChain.head(before));
    }

    @Test
    void withoutAVisitSourceOnlyAnOverrideRecordsAnArrival() {
        JobRecord alone = JobRecord.builder().build();
        alone.execute(DISPATCHER, create(JOB, "AC_SERVICE")).orThrow();
        alone.execute(DISPATCHER, Assign.of(JOB, TechnicianId.of("ravi"))).orThrow();

        assertThat(refused(alone.execute(TECH_RAVI, ChangeStatus.arrived(JOB)))).isEqualTo(Rejection.Reason.ARRIVAL_NOT_PROVEN);
        assertThat(alone.execute(OWNER, ChangeStatus.arrivalOverride(JOB, "seen by the owner")).isAccepted()).isTrue();
    }
}
