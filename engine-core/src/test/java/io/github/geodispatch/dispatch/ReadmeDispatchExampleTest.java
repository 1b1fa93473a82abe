package io.github.geodispatch.dispatch;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TimeWindow;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import static org.assertj.core.api.Assertions.assertThat;

/** The dispatch page's example ({@code docs/dispatch.md}), compiled and run. */
class ReadmeDispatchExampleTest {

    @Test
    void readmeSnippet() {
        ZoneId ist = ZoneId.of("Asia/Kolkata");
        LocalDate today = LocalDate.of(2025, 3, 10);
        BranchId branch = BranchId.of("indiranagar");
        Actor priya = Actor.dispatcher(TenantId.of("coolair"), branch, "priya");
        // example:begin
        Dispatcher board = Dispatcher.builder()
                .travelTimes(HaversineTravelTimes.builder().roadFactor(1.4).speedKmh(18).build())
                .clock(InstantSource.fixed(today.atTime(9, 30).atZone(ist).toInstant()))
                .build();
        Shift shift = Shift.on(today, ist, LocalTime.of(9, 0), LocalTime.of(18, 0), LocalTime.of(13, 0), Duration.ofMinutes(45));
        GeoPoint depot = GeoPoint.of(12.9719, 77.6412);
        board.putTechnicians(List.of(
                new Technician(TechnicianId.of("ravi"), branch, Map.of("ac.split.install", 3),
                        List.of(Certification.validThrough("refrigerant", today.plusMonths(6), ist)),
                        ServiceAreas.anywhere(), shift, 8, depot, depot, null),
                new Technician(TechnicianId.of("arun"), branch, Map.of("ac.split.install", 1),
                        List.of(), ServiceAreas.anywhere(), shift, 8, depot, depot, null)));

        Instant two = today.atTime(14, 0).atZone(ist).toInstant();
        DispatchJob job = new DispatchJob(JobId.of("JOB-7"), branch, GeoPoint.of(12.9784, 77.6408), "AC_INSTALL",
                List.of(SkillRequirement.of("ac.split.install", 2)), Set.of("refrigerant"), Priority.HIGH,
                new TimeWindow(two, two.plus(Duration.ofHours(2))), two.plus(Duration.ofHours(4)),
                Duration.ofMinutes(120), null);

        Recommendation rec = board.recommend(job);
        System.out.println(rec.explain());          // who, why, and why not the others
        Assignment a = board.assign(rec, priya);    // or board.assign(rec, OverrideRequest.of(id, "reason"), priya)
        // example:end
        assertThat(a.technician()).isEqualTo(TechnicianId.of("ravi"));
        assertThat(rec.rejection(TechnicianId.of("arun")).orElseThrow().reasons())
                .containsExactlyInAnyOrder(RejectionReason.SKILL_MISSING, RejectionReason.CERTIFICATION_EXPIRED);
        assertThat(rec.explain()).contains("Recommended: ravi");
    }
}
