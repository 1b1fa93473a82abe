package io.github.geodispatch.contract;

import io.github.geodispatch.customer.ContractStatus;
import io.github.geodispatch.customer.CustomerRejection;
import io.github.geodispatch.customer.CustomerResult;
import io.github.geodispatch.customer.HistoryEntry;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractKind;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.SiteId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.github.geodispatch.contract.AmcBusiness.plan;
import static org.assertj.core.api.Assertions.assertThat;

/** The front door's contracts: coverage on created jobs, visits, renewals, reminders, KPIs and history. */
class ContractDeskTest {
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);

    static AmcBusiness business() {
        return new AmcBusiness().customer("C1", "S-1", "S-2").contract("C1", "AMC-1", plan(4, 1), START, END, "S-1");
    }

    @Test
    void aCreatedJobTakesItsCoverageFromTheContractOnItsDay() {
        AmcBusiness b = business().on(LocalDate.of(2026, 5, 5));

        JobState covered = b.create("J-1", "C1", "S-1", "AC_REPAIR", 150_000);
        assertThat(covered.coverage().reference()).isEqualTo("AMC-1");
        assertThat(covered.coverage().validUntil()).isEqualTo(END);
        assertThat(covered.slaDeadline()).as("the 24 h response promise").isEqualTo(
                LocalDate.of(2026, 5, 6).atTime(9, 0).atZone(AmcBusiness.ZONE).toInstant());
        assertThat(b.create("J-2", "C1", "S-2", "AC_REPAIR", 150_000).coverage()).as("a site it does not cover").isNull();
        assertThat(b.create("J-3", "C1", "S-1", "RO_SERVICE", 50_000).coverage()).as("a type it does not cover").isNull();
        assertThat(b.on(END.plusDays(1)).create("J-4", "C1", "S-1", "AC_REPAIR", 150_000).coverage())
                .as("the day after its end").isNull();
    }

    @Test
    void visitsAreCaughtUpAfterAGapWithAWindowFromToday() {
        AmcBusiness b = business().on(LocalDate.of(2026, 5, 10));

        List<JobId> created = b.gd.contracts().scheduleVisits(b.owner, LocalDate.of(2026, 5, 10));

        assertThat(created).containsExactly(JobId.of("AMC-1/S-1/1"), JobId.of("AMC-1/S-1/2"));
        JobState first = b.gd.jobs().job(b.owner, created.get(0)).orElseThrow();
        assertThat(LocalDate.ofInstant(first.window().from(), AmcBusiness.ZONE)).isEqualTo(LocalDate.of(2026, 5, 10));
        assertThat(LocalDate.ofInstant(first.window().to(), AmcBusiness.ZONE)).isEqualTo(LocalDate.of(2026, 5, 23));
        assertThat(first.coverage().reference()).isEqualTo("AMC-1");
        assertThat(first.jobType()).isEqualTo("AC_PM");
        assertThat(b.gd.contracts().scheduleVisits(b.owner, LocalDate.of(2026, 5, 10))).isEmpty();
    }

    @Test
    void remindersGoOutOncePerStageThroughTheNotifier() {
        AmcBusiness b = business().equipment("C1", "EQ-1", "S-1", END);

        assertThat(b.gd.contracts().sendReminders(END.minusDays(31))).isEmpty();
        assertThat(b.gd.contracts().sendReminders(END.minusDays(20))).extracting(Reminder::key)
                .containsExactly("renewal:AMC-1:30", "warranty:C1:EQ-1:30");
        assertThat(b.gd.contracts().sendReminders(END.minusDays(19))).isEmpty();
        assertThat(b.gd.contracts().sendReminders(END.minusDays(10))).extracting(Reminder::key)
                .containsExactly("renewal:AMC-1:15", "warranty:C1:EQ-1:15");
        assertThat(b.notified).hasSize(4).allSatisfy(n -> assertThat(n).startsWith("C1: "));
        assertThat(b.notified.get(0)).contains("AMC-1 ends on 2026-12-31");
    }

    @Test
    void aRenewalIsANewContractLinkedToTheOld() {
        AmcBusiness b = business().on(END.minusDays(5));
        assertThat(b.gd.contracts().portfolio().renewalsDue(b.today())).hasSize(1);

        b.gd.contracts().renew(b.owner, ContractId.of("AMC-1"), ContractId.of("AMC-2"), Money.inr(650_000)).orThrow();

        ContractPortfolio p = b.gd.contracts().portfolio();
        ContractTerms renewal = p.contract(ContractId.of("AMC-2")).orElseThrow().terms();
        assertThat(renewal.renews()).isEqualTo(ContractId.of("AMC-1"));
        assertThat(renewal.start()).isEqualTo(END.plusDays(1));
        assertThat(renewal.end()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(renewal.kind()).isEqualTo(ContractKind.AMC);
        assertThat(p.renewalsDue(b.today())).isEmpty();
        assertThat(p.contract(ContractId.of("AMC-1")).orElseThrow().status(END.plusDays(1), AmcBusiness.ZONE))
                .isEqualTo(ContractStatus.RENEWED);
        assertThat(b.gd.owner().contracts(END.plusDays(2))).satisfies(k -> {
            assertThat(k.active()).isEqualTo(1);
            assertThat(k.renewed()).isEqualTo(1);
            assertThat(k.ended()).isEqualTo(1);
            assertThat(k.revenue()).as("nothing invoiced: billing is off").isEqualTo(Money.inr(0));
        });
    }

    @Test
    void aRenewalPastTheYear9999IsRejectedLikeAnyDraftTheTermsCannotCarry() {
        AmcBusiness b = new AmcBusiness().customer("C1", "S-1")
                .contract("C1", "AMC-1", plan(4, 1), LocalDate.of(9999, 1, 1), LocalDate.of(9999, 12, 31), "S-1");

        CustomerResult renewed = b.gd.contracts().renew(b.owner, ContractId.of("AMC-1"), ContractId.of("AMC-2"),
                Money.inr(650_000));

        assertThat(renewed).isInstanceOfSatisfying(CustomerResult.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(CustomerRejection.Reason.INVALID_INPUT);
            assertThat(r.rejection().message()).contains("start +10000-01-01 is outside the years 0001-9999");
        });
        assertThat(b.gd.contracts().portfolio().contract(ContractId.of("AMC-2"))).as("nothing drafted").isEmpty();
        assertThat(b.gd.contracts().renew(b.owner, ContractId.of("AMC-1"), ContractId.of("AMC-1"), Money.inr(1))
                .isAccepted()).as("a contract renewing itself").isFalse();
    }

    @Test
    void theKpisCountVisitsDueAndOverdue() {
        AmcBusiness b = business();
        ContractKpis kpis = b.gd.owner().contracts(LocalDate.of(2026, 4, 5));
        assertThat(kpis.active()).isEqualTo(1);
        assertThat(kpis.visitsOverdue()).as("the January visit").isEqualTo(1);
        assertThat(kpis.visitsDue()).as("the April visit, due 2 April").isEqualTo(1);
        assertThat(kpis.revenue()).as("the revenue is what was invoiced; ContractBillingTest invoices")
                .isEqualTo(Money.inr(0));
        assertThat(kpis.renewalRate()).isEmpty();
    }

    @Test
    void theServiceHistoryListsJobsPaymentsFindingsAndLinkedVisitsInOrder() {
        AmcBusiness b = new AmcBusiness().customer("C1", "S-1").equipment("C1", "EQ-1", "S-1", null);
        b.draft("C1", new ContractTerms(ContractId.of("AMC-1"), ContractKind.AMC, List.of(SiteId.of("S-1")),
                List.of(EquipmentId.of("EQ-1")), plan(2, 0), Money.inr(300_000), 1, START, END, null));
        b.gd.customers().execute(b.owner, new io.github.geodispatch.customer.CustomerCommand.ActivateContract(
                CustomerId.of("C1"), ContractId.of("AMC-1"))).orThrow();
        List<JobId> visits = b.on(START).gd.contracts().scheduleVisits(b.owner, START);
        b.complete(visits.get(0).value()).pay(visits.get(0).value(), PaymentMode.AMC, 0, "AMC-1");
        b.on(START.plusDays(3)).done("J-9", "C1", "S-1", "AC_REPAIR", 150_000).pay("J-9", PaymentMode.CARD, 150_000, null);
        b.audit(START.plusDays(10));

        List<HistoryEntry> customer = b.gd.contracts().history().ofCustomer(CustomerId.of("C1"));
        assertThat(customer).extracting(e -> e.kind() + " " + e.job()).containsExactly(
                "JOB_CREATED AMC-1/EQ-1/1", "JOB_COMPLETED AMC-1/EQ-1/1", "PAYMENT AMC-1/EQ-1/1",
                "JOB_CREATED J-9", "JOB_COMPLETED J-9", "PAYMENT J-9", "FINDING J-9");
        assertThat(customer.get(6).detail()).isEqualTo("COVERED_JOB_CHARGED");
        assertThat(b.gd.contracts().history().ofSite(SiteId.of("S-1"))).hasSize(7);
        assertThat(b.gd.contracts().history().ofEquipment(EquipmentId.of("EQ-1"))).extracting(HistoryEntry::job)
                .containsOnly(JobId.of("AMC-1/EQ-1/1")).hasSize(3);
    }
}
