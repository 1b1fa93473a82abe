package io.github.geodispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.FreeSlot;
import io.github.geodispatch.dispatch.Schedule;
import io.github.geodispatch.dispatch.ServiceAreas;
import io.github.geodispatch.dispatch.SlotQuery;
import io.github.geodispatch.dispatch.TeamCalendar;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.WorkCalendar;
import io.github.geodispatch.dispatch.WorkingHours;
import io.github.geodispatch.job.JobCommand.CreateJob;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TimeWindow;
import io.github.geodispatch.spi.VisitSlot;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** With a team calendar the front door's board spans days, and a reschedule lands on the job record with its slot. */
class ScheduleThroughTheFrontDoorTest {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);
    private static final TenantId TENANT = TenantId.of("sheetal-care");
    private static final BranchId BRANCH = BranchId.of("BR-1");
    private static final Actor PRIYA = Actor.dispatcher(TENANT, BRANCH, "priya");
    private static final TeamCalendar CALENDAR = TeamCalendar.of(IST, WorkCalendar.weekly(
            WorkingHours.of(LocalTime.of(9, 0), LocalTime.of(18, 0)), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY)));

    @Test
    void aJobBookedFromTheFreeSlotsAndRescheduledCarriesItsSlotOnTheRecord() {
        GeoDispatch gd = GeoDispatch.builder().business(TENANT, Currency.INR, IST)
                .clock(InstantSource.fixed(MONDAY.atTime(8, 0).atZone(IST).toInstant()))
                .calendar(CALENDAR, 7).build();
        GeoPoint office = GeoPoint.of(12.9352, 77.6245);
        gd.schedule().putTechnicians(List.of(
                new Technician(TechnicianId.of("ravi"), BRANCH, Map.of("ac.service", 3), List.of(), ServiceAreas.anywhere(),
                        null, 8, office, office, null),
                new Technician(TechnicianId.of("asha"), BRANCH, Map.of("ac.service", 2), List.of(), ServiceAreas.anywhere(),
                        null, 8, office, office, null)));
        Site site = new Site(SiteId.of("S-1"), GeoPoint.of(12.9719, 77.6412), 60, "100 Feet Rd");
        JobId id = gd.jobs().newJobId();
        gd.jobs().execute(PRIYA, CreateJob.builder(id, BRANCH, CustomerId.of("C-1"), site, "AC_SERVICE")
                .skills(SkillRequirement.of("ac.service", 2)).build()).orThrow();
        JobEvent.JobCreated created = (JobEvent.JobCreated) gd.jobs().history(PRIYA, id).get(0);
        DispatchJob job = DispatchJob.from(created, Set.of());
        SlotQuery query = new SlotQuery(BRANCH, site.location(), "AC_SERVICE", job.requiredSkills(), Set.of(),
                job.duration(), null, 3);

        FreeSlot first = gd.schedule().freeSlots(query).get(0);
        gd.schedule().book(first, job, PRIYA);
        TechnicianId other = first.technician().value().equals("ravi") ? TechnicianId.of("asha") : TechnicianId.of("ravi");
        LocalDate thursday = MONDAY.plusDays(3);
        VisitSlot slot = new VisitSlot(other, new TimeWindow(thursday.atTime(10, 0).atZone(IST).toInstant(),
                thursday.atTime(12, 0).atZone(IST).toInstant()));
        gd.schedule().reschedule(id, slot, "customer travelling until Wednesday", PRIYA);

        assertThat(gd.dispatch()).isSameAs(gd.schedule().day(MONDAY));
        assertThat(gd.schedule().placement(id)).contains(new Schedule.Placement(thursday, other));
        List<JobEvent> history = gd.jobs().history(PRIYA, id);
        assertThat(history).filteredOn(e -> e instanceof JobEvent.StatusChanged s && s.status() == JobStatus.RESCHEDULED)
                .singleElement().satisfies(e -> assertThat(((JobEvent.StatusChanged) e).slot()).isEqualTo(slot));
        assertThat(gd.jobs().job(PRIYA, id).orElseThrow().technician()).isEqualTo(other);
    }

    @Test
    void withoutACalendarThereIsNoScheduleAndAForeignZoneIsRefused() {
        GeoDispatch gd = GeoDispatch.builder().business(TENANT, Currency.INR, IST).build();
        assertThatThrownBy(gd::schedule).isInstanceOf(IllegalStateException.class).hasMessageContaining("calendar");
        assertThatThrownBy(() -> GeoDispatch.builder().business(TENANT, Currency.INR, ZoneId.of("Africa/Nairobi"))
                .calendar(CALENDAR, 7).build()).hasMessageContaining("is not the business's");
        assertThatThrownBy(() -> GeoDispatch.builder().calendar(CALENDAR, 0)).hasMessageContaining("1-62 days");
    }
}
