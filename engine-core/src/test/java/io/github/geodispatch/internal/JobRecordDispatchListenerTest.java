package io.github.geodispatch.internal;
import io.github.geodispatch.dispatch.Assignment;
import io.github.geodispatch.dispatch.Certification;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Dispatcher;
import io.github.geodispatch.dispatch.OverrideRequest;
import io.github.geodispatch.dispatch.Recommendation;
import io.github.geodispatch.dispatch.ServiceAreas;
import io.github.geodispatch.dispatch.Shift;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.job.CommandRejectedException;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobRecordDispatchListenerTest {
    static final Instant NOW = Instant.parse("2025-03-10T03:30:00Z");
    static final TenantId TENANT = TenantId.of("coolair");
    static final BranchId BRANCH = BranchId.of("indiranagar");
    static final Actor DISPATCHER = Actor.dispatcher(TENANT, BRANCH, "priya");

    static Technician tech(String id, double lat) {
        return new Technician(TechnicianId.of(id), BRANCH, Map.of("ac.split.service", 3),
                List.of(new Certification("refrigerant", NOW.plus(Duration.ofDays(90)))), ServiceAreas.anywhere(),
                Shift.of(NOW, NOW.plus(Duration.ofHours(9))), 8, GeoPoint.of(lat, 77.64), GeoPoint.of(lat, 77.64), null);
    }

    @Test
    void assignmentsAndOverridesLandOnTheJobRecordAndARefusedRecordFreesTheSlot() {
        JobRecord engine = JobRecord.builder().clock(InstantSource.fixed(NOW)).build();
        Dispatcher board = Dispatcher.builder().clock(InstantSource.fixed(NOW))
                .listener(new JobRecordDispatchListener(engine)).build();
        board.putTechnicians(List.of(tech("ravi", 12.972), tech("arun", 12.99)));

        JobId id = JobId.of("JOB-1");
        Site site = new Site(SiteId.of("S-1"), GeoPoint.of(12.9719, 77.6412), 60, "Indiranagar");
        engine.execute(DISPATCHER, JobCommand.CreateJob.builder(id, BRANCH, CustomerId.of("C-1"), site, "AC_SERVICE")
                .skills(SkillRequirement.of("ac.split.service", 2)).estimatedMinutes(45).build()).orThrow();
        JobEvent.JobCreated created = (JobEvent.JobCreated) engine.history(DISPATCHER, id).get(0);
        DispatchJob job = DispatchJob.from(created, Set.of("refrigerant"));
        Recommendation rec = board.recommend(job);
        assertThat(rec.best().orElseThrow().technician()).isEqualTo(TechnicianId.of("ravi"));

        Assignment a = board.assign(rec, OverrideRequest.of(TechnicianId.of("arun"), "customer asked for Arun"), DISPATCHER);
        List<JobEvent> history = engine.history(DISPATCHER, id);
        JobEvent.JobAssigned assigned = (JobEvent.JobAssigned) history.get(history.size() - 1);
        assertThat(assigned.technician()).isEqualTo(TechnicianId.of("arun"));
        assertThat(assigned.overrideReason()).isEqualTo("customer asked for Arun");
        assertThat(a.overridden()).isTrue();

        board.unassign(id, "customer rescheduled", DISPATCHER);
        assertThat(engine.history(DISPATCHER, id).get(engine.history(DISPATCHER, id).size() - 1))
                .isInstanceOf(JobEvent.JobUnassigned.class);

        // a job the record does not know: the record refuses, so the board takes the slot back
        DispatchJob ghost = new DispatchJob(JobId.of("GHOST"), BRANCH, site.location(), "AC_SERVICE", List.of(), Set.of(),
                job.priority(), null, null, Duration.ofMinutes(30), null);
        Recommendation ghostRec = board.recommend(ghost);
        assertThatThrownBy(() -> board.assign(ghostRec, DISPATCHER)).isInstanceOf(CommandRejectedException.class);
        assertThat(board.holderOf(JobId.of("GHOST"))).isEmpty();
        assertThat(board.route(TechnicianId.of("ravi")).visits()).isEmpty();
    }
}
