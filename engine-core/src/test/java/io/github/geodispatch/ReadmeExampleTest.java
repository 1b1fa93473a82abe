package io.github.geodispatch;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.JobCommand.CreateJob;
import io.github.geodispatch.job.Rejection;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

/** The README's embedding example, compiled and run ({@link DocExamplesTest} keeps the README's copy equal). */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRuns() {
        List<String> log = new ArrayList<>();
        // example:begin
        GeoDispatch gd = GeoDispatch.builder()
                .business(TenantId.of("coolair-blr"), Currency.INR, ZoneId.of("Asia/Kolkata"))
                .eventStore(new InMemoryJobEventStore())       // or the JDBC adapter over the host's DataSource
                .build();
        gd.jobs().subscribe(events -> events.forEach(e -> log.add(e.position() + " " + e.event().getClass().getSimpleName())));

        BranchId branch = BranchId.of("indiranagar");
        Actor dispatcher = Actor.dispatcher(gd.tenant(), branch, "priya");
        TechnicianId ravi = TechnicianId.of("ravi");
        JobId job = gd.jobs().newJobId();
        Site site = new Site(SiteId.of("S-77"), GeoPoint.of(12.9719, 77.6412), 60, "100 Feet Rd, Indiranagar");

        gd.jobs().execute(dispatcher, CreateJob.builder(job, branch, CustomerId.of("C-5521"), site, "AC_SERVICE")
                .quote(Money.parse("1499.00", Currency.INR)).build()).orThrow();
        gd.jobs().execute(dispatcher, Assign.of(job, ravi)).orThrow();
        CommandResult early = gd.jobs().execute(Actor.technician(gd.tenant(), branch, ravi), ChangeStatus.completed(job));
        if (early instanceof CommandResult.Rejected r) {          // nothing was stored
            log.add(r.rejection().reason() + ": " + r.rejection().message());
        }
        // the site is now a fence: Ravi's pings there record his arrival (gd.visits().accept(ping))
        // example:end
        assertThat(early).isInstanceOfSatisfying(CommandResult.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Rejection.Reason.ILLEGAL_TRANSITION));
        assertThat(log).hasSize(3);
        assertThat(log.get(0)).isEqualTo("1 JobCreated");
        assertThat(log.get(2)).startsWith("ILLEGAL_TRANSITION: job " + job + " cannot move from ASSIGNED to COMPLETED");
        assertThat(gd.visits().fences().fence(FenceId.of("S-77"))).isPresent();
    }
}
