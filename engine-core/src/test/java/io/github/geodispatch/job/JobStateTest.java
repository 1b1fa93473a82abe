package io.github.geodispatch.job;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobStateTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final StreamId STREAM = StreamId.of(TENANT, JobId.of("J-1"));
    private static final Actor OWNER = Actor.owner(TENANT, "o1");
    private static final Instant T = Instant.parse("2025-06-02T04:30:00Z");
    private static final TechnicianId RAVI = TechnicianId.of("ravi");

    private final List<JobEvent> stream = new ArrayList<>();

    private EventHeader next() {
        return new EventHeader(UUID.randomUUID(), STREAM, stream.size() + 1, T.plusSeconds(60L * stream.size()), OWNER,
                HashChain.head(stream));
    }

    private JobEvent add(java.util.function.Function<EventHeader, JobEvent> event) {
        JobEvent e = event.apply(next());
        stream.add(e);
        return e;
    }

    private void created() {
        add(h -> new JobEvent.JobCreated(h, BranchId.of("b1"), CustomerId.of("c1"),
                new Site(SiteId.of("s1"), GeoPoint.of(12.97, 77.64), 50, "addr"), "not cooling", "AC_SERVICE",
                List.of(), Priority.HIGH, null, null, 90, Money.inr(149_900), null, null));
    }

    @Test
    void foldTracksTheVisitAndResetsItOnReassignment() {
        created();
        add(h -> new JobEvent.JobAssigned(h, RAVI, null));
        add(h -> new JobEvent.StatusChanged(h, JobStatus.EN_ROUTE, "", null));
        add(h -> new JobEvent.StatusChanged(h, JobStatus.ARRIVED, "", "visit-1"));
        add(h -> new JobEvent.StatusChanged(h, JobStatus.ON_HOLD, "parts", null));
        add(h -> new JobEvent.StatusChanged(h, JobStatus.ARRIVED, "", "visit-2"));
        JobState onSite = JobState.fold(stream);

        assertThat(onSite.status()).isEqualTo(JobStatus.ARRIVED);
        assertThat(onSite.arrivalEvidence()).as("first arrival of the visit").isEqualTo("visit-1");
        assertThat(onSite.arrivedAt()).isEqualTo(T.plusSeconds(180));
        assertThat(onSite.assignedAt()).isEqualTo(T.plusSeconds(60));

        add(h -> new JobEvent.JobAssigned(h, TechnicianId.of("asha"), "ravi sick"));
        JobState reassigned = JobState.fold(stream);
        assertThat(reassigned.arrivedAt()).isNull();
        assertThat(reassigned.enRouteAt()).isNull();
        assertThat(reassigned.overrideReason()).isEqualTo("ravi sick");

        add(h -> new JobEvent.JobUnassigned(h, TechnicianId.of("asha"), "re-plan"));
        JobState unassigned = JobState.fold(stream);
        assertThat(unassigned.status()).isEqualTo(JobStatus.NEW);
        assertThat(unassigned.technician()).isNull();
        assertThat(unassigned.statusReason()).isEqualTo("re-plan");
        assertThat(unassigned.version()).isEqualTo(8);
        assertThat(unassigned.headHash()).isEqualTo(HashChain.head(stream));
    }

    @Test
    void foldCollectsProofPartsExpensesPaymentsAndInvoice() {
        created();
        add(h -> new JobEvent.ProofAdded(h, ProofKind.OTP, "customer approval", "otp-1", null));
        add(h -> new JobEvent.PartUsed(h, "CAP", null, 2, Money.inr(45_000), true));
        add(h -> new JobEvent.ExpenseAdded(h, "parking", Money.inr(2_000), false));
        add(h -> new JobEvent.PaymentRecorded(h, PaymentMode.PENDING, Money.inr(1), null, null, null));
        JobState pending = JobState.fold(stream);
        add(h -> new JobEvent.PaymentRecorded(h, PaymentMode.CASH, Money.inr(149_900), null, null, null));
        add(h -> new JobEvent.InvoiceHandedOff(h, "INV-1", Money.inr(149_900), List.of("CAP")));
        JobState state = JobState.fold(stream);

        assertThat(pending.hasClearPayment()).isFalse();
        assertThat(state.hasClearPayment()).isTrue();
        assertThat(state.proofs()).hasSize(1);
        assertThat(state.parts().get(0).lineTotal()).isEqualTo(Money.inr(90_000));
        assertThat(state.expenses()).hasSize(1);
        assertThat(state.payments()).hasSize(2);
        assertThat(state.invoice().invoiceNumber()).isEqualTo("INV-1");
        assertThat(state.latestPayment().orElseThrow().mode()).isEqualTo(PaymentMode.CASH);
    }

    @Test
    void applyingOneByOneEqualsFoldingAll() {
        created();
        add(h -> new JobEvent.JobAssigned(h, RAVI, null));
        add(h -> new JobEvent.StatusChanged(h, JobStatus.CANCELLED, "customer", null));
        JobState stepwise = JobState.of((JobEvent.JobCreated) stream.get(0)).apply(stream.get(1)).apply(stream.get(2));

        assertThat(stepwise).isEqualTo(JobState.fold(stream));
        assertThat(stepwise.cancelledAt()).isEqualTo(T.plusSeconds(120));
        assertThat(stepwise.isFinished()).isTrue();
    }

    @Test
    void malformedStreamsDoNotFold() {
        assertThatThrownBy(() -> JobState.fold(List.of())).hasMessageContaining("empty stream");
        add(h -> new JobEvent.JobAssigned(new EventHeader(h.eventId(), STREAM, 1, T, OWNER, HashChain.GENESIS), RAVI, null));
        assertThatThrownBy(() -> JobState.fold(stream)).hasMessageContaining("starts with JobCreated");
        stream.clear();
        created();
        JobEvent skipped = new JobEvent.JobAssigned(new EventHeader(UUID.randomUUID(), STREAM, 3, T, OWNER,
                HashChain.head(stream)), RAVI, null);
        assertThatThrownBy(() -> JobState.fold(List.of(stream.get(0), skipped))).hasMessageContaining("does not follow");
        StreamId other = StreamId.of(TENANT, JobId.of("J-2"));
        JobEvent foreign = new JobEvent.JobAssigned(new EventHeader(UUID.randomUUID(), other, 2, T, OWNER,
                HashChain.head(stream)), RAVI, null);
        assertThatThrownBy(() -> JobState.fold(List.of(stream.get(0), foreign))).hasMessageContaining("cannot apply");
        JobEvent secondCreate = stream.get(0);
        assertThatThrownBy(() -> JobState.fold(stream).apply(secondCreate)).hasMessageContaining("does not follow");
    }

    @Test
    void visibilityIsTenantBranchAndAssignment() {
        created();
        add(h -> new JobEvent.JobAssigned(h, RAVI, null));
        JobState job = JobState.fold(stream);

        assertThat(job.visibleTo(OWNER)).isTrue();
        assertThat(job.visibleTo(Actor.dispatcher(TENANT, BranchId.of("b1"), "d"))).isTrue();
        assertThat(job.visibleTo(Actor.dispatcher(TENANT, BranchId.of("b2"), "d"))).isFalse();
        assertThat(job.visibleTo(Actor.technician(TENANT, BranchId.of("b1"), RAVI))).isTrue();
        assertThat(job.visibleTo(Actor.technician(TENANT, BranchId.of("b1"), TechnicianId.of("asha")))).isFalse();
        assertThat(job.visibleTo(Actor.owner(TenantId.of("other"), "o1"))).isFalse();
    }
}
