package io.github.geodispatch.job;

import io.github.geodispatch.job.JobCommand.AddExpense;
import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.JobCommand.CreateJob;
import io.github.geodispatch.job.JobCommand.RecordInvoiceHandoff;
import io.github.geodispatch.job.JobCommand.RecordPayment;
import io.github.geodispatch.job.JobCommand.UsePart;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Commands validate their own shape; each bad value is named. */
class JobCommandTest {
    private static final JobId JOB = JobId.of("J-1");
    private static final String SHA = "ab".repeat(32);
    private static final Site SITE = new Site(SiteId.of("S-1"), GeoPoint.of(12.97, 77.64), 50, "");

    private static CreateJob.Builder create() {
        return CreateJob.builder(JOB, BranchId.of("b1"), CustomerId.of("c1"), SITE, "AC_SERVICE");
    }

    @Test
    void createJobValidatesAndDefaults() {
        CreateJob job = create().build();
        assertThat(job.priority()).isEqualTo(Priority.NORMAL);
        assertThat(job.estimatedMinutes()).isEqualTo(60);
        assertThat(job.quote()).isEqualTo(Money.inr(0));
        assertThatThrownBy(() -> CreateJob.builder(JOB, BranchId.of("b1"), CustomerId.of("c1"), SITE, "ac").build())
                .hasMessageContaining("UPPER_SNAKE_CASE");
        assertThatThrownBy(() -> create().estimatedMinutes(0).build()).hasMessageContaining("estimated minutes");
        assertThatThrownBy(() -> create().estimatedMinutes(1441).build()).hasMessageContaining("estimated minutes");
        assertThatThrownBy(() -> create().quote(Money.inr(-1)).build()).hasMessageContaining("quote must not be negative");
        assertThatThrownBy(() -> create().quote(null).build()).hasMessageContaining("quote");
        assertThatThrownBy(() -> CreateJob.builder(null, BranchId.of("b1"), CustomerId.of("c1"), SITE, "AC").build())
                .hasMessageContaining("job id");
        assertThatThrownBy(() -> CreateJob.builder(JOB, null, CustomerId.of("c1"), SITE, "AC").build())
                .hasMessageContaining("branch");
    }

    @Test
    void assignNeedsATechnicianAndANonBlankOverrideReason() {
        assertThatThrownBy(() -> Assign.of(JOB, null)).hasMessageContaining("technician");
        assertThatThrownBy(() -> new Assign(JOB, TechnicianId.of("t"), " ")).hasMessageContaining("override reason");
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"NEW", "ASSIGNED"})
    void newAndAssignedAreNotStatusChanges(JobStatus status) {
        assertThatThrownBy(() -> new ChangeStatus(JOB, status, "x", null)).hasMessageContaining("Unassign/Assign");
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"ON_HOLD", "DELAYED", "RESCHEDULED", "CANCELLED"})
    void statusesThatMustSayWhyNeedAReason(JobStatus status) {
        assertThatThrownBy(() -> new ChangeStatus(JOB, status, "  ", null)).hasMessageContaining("needs a reason");
        assertThat(new ChangeStatus(JOB, status, " parts awaited ", null).reason()).isEqualTo("parts awaited");
    }

    @Test
    void arrivedNeedsEvidenceThatIsEvidence() {
        // the hostile inputs of issue 17: any text passed as evidence
        for (String text : new String[] {"trust me", " ", "visit-1", "geofence", "visit:ravi at S-77 from yesterday"}) {
            assertThatThrownBy(() -> new ChangeStatus(JOB, JobStatus.ARRIVED, null, text)).as(text)
                    .hasMessageContaining("ARRIVED needs a geofence visit");
        }
        assertThatThrownBy(() -> ChangeStatus.arrivalOverride(JOB, " ")).hasMessageContaining("override needs a reason");
        assertThatThrownBy(() -> new ChangeStatus(JOB, JobStatus.EN_ROUTE, null, " ")).hasMessageContaining("evidence");

        assertThat(ChangeStatus.arrived(JOB).evidence()).isNull();
        assertThat(ChangeStatus.arrived(JOB, ArrivalEvidence.Visit.of(TechnicianId.of("ravi"), SiteId.of("S-1"), Instant.EPOCH)).evidence())
                .isEqualTo("visit:ravi at S-1 from 1970-01-01T00:00:00Z");
        assertThat(ChangeStatus.arrivalOverride(JOB, "GPS dead in the basement").evidence()).isEqualTo("override");
    }

    @Test
    void proofNeedsAReferenceAndPhotosAndDocumentsTheirHash() {
        assertThatThrownBy(() -> AddProof.photo(JOB, "before", "b.jpg", null)).hasMessageContaining("sha256");
        assertThatThrownBy(() -> new AddProof(JOB, ProofKind.DOCUMENT, "", "d.pdf", null)).hasMessageContaining("sha256");
        assertThatThrownBy(() -> AddProof.photo(JOB, "before", "b.jpg", "xyz")).hasMessageContaining("64 lower-case hex");
        assertThatThrownBy(() -> AddProof.signature(JOB, " ", SHA)).hasMessageContaining("reference");
        assertThatThrownBy(() -> AddProof.signature(JOB, "sig.png", null)).hasMessageContaining("sha256");
        assertThatThrownBy(() -> AddProof.approvalOverride(JOB, " ")).hasMessageContaining("reason");
    }

    @Test
    void partsAndExpensesValidate() {
        assertThatThrownBy(() -> new UsePart(JOB, "", null, 1, Money.inr(1), true)).hasMessageContaining("sku");
        assertThatThrownBy(() -> new UsePart(JOB, "CAP", "12AB", 1, Money.inr(1), true)).hasMessageContaining("HSN");
        assertThatThrownBy(() -> new UsePart(JOB, "CAP", null, 0, Money.inr(1), true)).hasMessageContaining("quantity");
        assertThatThrownBy(() -> new UsePart(JOB, "CAP", null, 1, Money.inr(-1), true)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new AddExpense(JOB, " ", Money.inr(1), true)).hasMessageContaining("kind");
        assertThatThrownBy(() -> new AddExpense(JOB, "fuel", Money.inr(-1), true)).hasMessageContaining("negative");
    }

    @Test
    void paymentsValidateTheirReferenceByMode() {
        assertThatThrownBy(() -> RecordPayment.upi(JOB, Money.inr(1), "12345678901")).hasMessageContaining("12-digit UTR");
        assertThatThrownBy(() -> RecordPayment.upi(JOB, Money.inr(1), null)).hasMessageContaining("12-digit UTR");
        assertThatThrownBy(() -> new RecordPayment(JOB, PaymentMode.MPESA, Money.kes(1), "qk12", null))
                .hasMessageContaining("TransID");
        assertThatThrownBy(() -> RecordPayment.cash(JOB, Money.inr(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> new RecordPayment(JOB, PaymentMode.CASH, Money.inr(1), " ", null))
                .hasMessageContaining("reference");
        assertThatThrownBy(() -> new RecordPayment(JOB, PaymentMode.CASH, Money.inr(1), null, LocalDate.of(2025, 1, 1)))
                .hasMessageContaining("PENDING");
        assertThat(new RecordPayment(JOB, PaymentMode.MPESA, Money.kes(150_000), "QK12ABC3DE", null).mode())
                .isEqualTo(PaymentMode.MPESA);
    }

    @Test
    void invoiceHandoffNeedsANumberAndATotal() {
        assertThatThrownBy(() -> new RecordInvoiceHandoff(JOB, " ", Money.inr(1), null)).hasMessageContaining("invoice number");
        assertThatThrownBy(() -> new RecordInvoiceHandoff(JOB, "INV-1", null, null)).hasMessageContaining("total");
        assertThat(new RecordInvoiceHandoff(JOB, "INV-1", Money.inr(1), null).partSkus()).isEmpty();
    }
}
