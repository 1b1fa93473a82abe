package io.github.geodispatch.contract;

import io.github.geodispatch.customer.CustomerCommand;
import io.github.geodispatch.customer.HistoryEntry;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.job.Rejection;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.github.geodispatch.contract.AmcBusiness.BRANCH;
import static io.github.geodispatch.contract.AmcBusiness.ZONE;
import static io.github.geodispatch.contract.AmcBusiness.plan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage on a job created through the front door comes from the contract (or the unit's warranty) on the job's
 * day, at the boundaries of a term, a cancellation, a renewal and a warranty; a hand-supplied coverage that
 * disagrees is rejected.
 */
class CoverageOnCreatedJobsTest {
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final LocalDate WARRANTY_END = LocalDate.of(2026, 3, 31);

    static AmcBusiness business() {
        return new AmcBusiness().customer("C1", "S-1", "S-2").contract("C1", "AMC-1", plan(4, 2), START, END, "S-1")
                .equipment("C1", "EQ-1", "S-2", WARRANTY_END).equipment("C1", "EQ-2", "S-1", WARRANTY_END);
    }

    static JobCommand.CreateJob job(String job, String site, LocalDate day, Coverage coverage) {
        return JobCommand.CreateJob.builder(JobId.of(job), BRANCH, CustomerId.of("C1"),
                        new Site(SiteId.of(site), GeoPoint.of(12.9, 77.6), 80, ""), "AC_REPAIR")
                .window(new TimeWindow(day.atTime(10, 0).atZone(ZONE).toInstant(), day.atTime(12, 0).atZone(ZONE).toInstant()))
                .quote(Money.inr(150_000)).coverage(coverage).build();
    }

    static Coverage created(AmcBusiness b, CommandResult result) {
        return ((CommandResult.Accepted) result).state().coverage();
    }

    Coverage on(AmcBusiness b, String job, String site, LocalDate day) {
        return created(b, b.gd.jobs().execute(b.owner, job(job, site, day, null)));
    }

    Coverage forUnit(AmcBusiness b, String job, String site, String unit, LocalDate day) {
        return created(b, b.gd.contracts().createJob(b.owner, job(job, site, day, null), EquipmentId.of(unit)));
    }

    static Coverage amc(String contract, LocalDate until) {
        return new Coverage(CoverageKind.AMC, contract, until, List.of("AC_PM", "AC_REPAIR"));
    }

    @Test
    void theContractCoversItsFirstAndLastDayAndNotTheDaysAround() {
        AmcBusiness b = business();
        assertThat(on(b, "J-1", "S-1", START.minusDays(1))).isNull();
        assertThat(on(b, "J-2", "S-1", START)).isEqualTo(amc("AMC-1", END));
        assertThat(on(b, "J-3", "S-1", END)).isEqualTo(amc("AMC-1", END));
        assertThat(on(b, "J-4", "S-1", END.plusDays(1))).isNull();
    }

    @Test
    void aCancelledContractCoversUpToTheDayBeforeItsCancellation() {
        AmcBusiness b = business().on(LocalDate.of(2026, 7, 10));
        b.gd.customers().execute(b.owner, new CustomerCommand.CancelContract(CustomerId.of("C1"), ContractId.of("AMC-1"),
                "moved out")).orThrow();
        LocalDate cancelled = LocalDate.of(2026, 7, 10);
        assertThat(on(b, "J-1", "S-1", cancelled.minusDays(1))).isEqualTo(amc("AMC-1", cancelled.minusDays(1)));
        assertThat(on(b, "J-2", "S-1", cancelled)).isNull();
    }

    @Test
    void aRenewalCoversFromItsFirstDay() {
        AmcBusiness b = business().on(LocalDate.of(2026, 12, 1));
        b.gd.contracts().renew(b.owner, ContractId.of("AMC-1"), ContractId.of("AMC-2"), Money.inr(650_000)).orThrow();
        assertThat(on(b, "J-1", "S-1", END)).isEqualTo(amc("AMC-1", END));
        assertThat(on(b, "J-2", "S-1", END.plusDays(1))).isEqualTo(amc("AMC-2", END.plusDays(365)));
    }

    @Test
    void aUnitUnderWarrantyGivesTheWarrantyUpToItsLastDay() {
        AmcBusiness b = business();
        Coverage warranty = new Coverage(CoverageKind.WARRANTY, "EQ-1", WARRANTY_END, List.of());
        assertThat(forUnit(b, "J-1", "S-2", "EQ-1", WARRANTY_END)).isEqualTo(warranty);
        assertThat(forUnit(b, "J-2", "S-2", "EQ-1", WARRANTY_END.plusDays(1))).isNull();
        assertThat(on(b, "J-3", "S-2", WARRANTY_END)).as("no unit named: no warranty").isNull();
        assertThat(b.gd.contracts().history().ofEquipment(EquipmentId.of("EQ-1"))).extracting(HistoryEntry::job)
                .contains(JobId.of("J-1"), JobId.of("J-2"));
    }

    @Test
    void aContractTakesPrecedenceOverTheWarranty() {
        AmcBusiness b = business();
        assertThat(forUnit(b, "J-1", "S-1", "EQ-2", LocalDate.of(2026, 2, 1))).isEqualTo(amc("AMC-1", END));
    }

    @Test
    void aHandSuppliedCoverageMustBeTheOneTheContractsGive() {
        AmcBusiness b = business();
        LocalDate day = LocalDate.of(2026, 2, 1);
        CommandResult longer = b.gd.jobs().execute(b.owner, job("J-1", "S-1", day, amc("AMC-1", END.plusYears(1))));
        assertThat(longer).isInstanceOf(CommandResult.Rejected.class);
        assertThat(((CommandResult.Rejected) longer).rejection().reason()).isEqualTo(Rejection.Reason.COVERAGE_DISAGREES);
        assertThat(b.gd.jobs().job(b.owner, JobId.of("J-1"))).as("nothing stored").isEmpty();

        CommandResult uncovered = b.gd.jobs().execute(b.owner, job("J-2", "S-2", day, amc("AMC-1", END)));
        assertThat(((CommandResult.Rejected) uncovered).rejection().reason()).isEqualTo(Rejection.Reason.COVERAGE_DISAGREES);

        Coverage expiredWarranty = new Coverage(CoverageKind.WARRANTY, "EQ-1", WARRANTY_END, List.of());
        CommandResult late = b.gd.jobs().execute(b.owner, job("J-3", "S-2", WARRANTY_END.plusDays(1), expiredWarranty));
        assertThat(((CommandResult.Rejected) late).rejection().reason()).isEqualTo(Rejection.Reason.COVERAGE_DISAGREES);

        assertThat(created(b, b.gd.jobs().execute(b.owner, job("J-4", "S-1", day, amc("AMC-1", END)))))
                .as("the contract's own coverage is accepted").isEqualTo(amc("AMC-1", END));
        assertThat(created(b, b.gd.jobs().execute(b.owner, job("J-5", "S-2", day, expiredWarranty))))
                .as("the warranty named by its unit").isEqualTo(expiredWarranty);
    }

    @Test
    void aCustomerTheContractsDoNotKnowKeepsTheCommandsCoverage() {
        AmcBusiness b = business();
        Coverage copied = amc("PAPER-7", END);
        JobCommand.CreateJob c = job("J-1", "S-1", START, copied);
        JobCommand.CreateJob stranger = new JobCommand.CreateJob(c.job(), c.branch(), CustomerId.of("WALK-IN"), c.site(),
                c.issue(), c.jobType(), c.requiredSkills(), c.priority(), c.window(), c.slaDeadline(), c.estimatedMinutes(),
                c.quote(), copied, null);
        JobState state = ((CommandResult.Accepted) b.gd.jobs().execute(b.owner, stranger)).state();
        assertThat(state.coverage()).isEqualTo(copied);
    }
}
