package io.github.geodispatch.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A reschedule carries its slot on the record, and every status change written before slots existed keeps its hash. */
class StatusChangedSlotTest {
    private static final EventHeader HEADER = new EventHeader(UUID.fromString("6f1c2a3e-0000-4000-8000-000000000001"),
            StreamId.of(TenantId.of("acme"), JobId.of("J-1")), 3, Instant.parse("2025-06-02T05:00:00Z"),
            Actor.dispatcher(TenantId.of("acme"), BranchId.of("nbo"), "amina"), HashChain.GENESIS);
    private static final VisitSlot WEDNESDAY = new VisitSlot(TechnicianId.of("ravi"),
            new TimeWindow(Instant.parse("2025-06-04T07:00:00Z"), Instant.parse("2025-06-04T09:00:00Z")));

    /** The record StatusChanged was before it carried a slot: its generated text is what old hashes were taken of. */
    private record StatusChanged(EventHeader header, JobStatus status, String reason, String evidence) {}

    @Test
    void aChangeWithoutASlotHasTheTextAndHashItHadBeforeSlotsExisted() {
        JobEvent.StatusChanged now = new JobEvent.StatusChanged(HEADER, JobStatus.ON_HOLD, "waiting for a part", null);
        StatusChanged before = new StatusChanged(HEADER, JobStatus.ON_HOLD, "waiting for a part", null);

        assertThat(now.toString()).isEqualTo(before.toString());
        assertThat(now.slot()).isNull();
    }

    @Test
    void aRescheduleCarriesItsSlotInTheHashedText() {
        JobEvent.StatusChanged moved = new JobEvent.StatusChanged(HEADER, JobStatus.RESCHEDULED, "customer away", null, WEDNESDAY);
        JobEvent.StatusChanged elsewhere = new JobEvent.StatusChanged(HEADER, JobStatus.RESCHEDULED, "customer away", null,
                new VisitSlot(TechnicianId.of("asha"), WEDNESDAY.window()));

        assertThat(moved.toString()).endsWith(", slot=" + WEDNESDAY + "]");
        assertThat(HashChain.hash(moved)).isNotEqualTo(HashChain.hash(elsewhere))
                .isNotEqualTo(HashChain.hash(new JobEvent.StatusChanged(HEADER, JobStatus.RESCHEDULED, "customer away", null)));
    }

    @Test
    void onlyARescheduleCarriesASlot() {
        assertThatThrownBy(() -> new JobEvent.StatusChanged(HEADER, JobStatus.ON_HOLD, "part", null, WEDNESDAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only a RESCHEDULED status carries a slot");
        assertThatThrownBy(() -> new VisitSlot(null, WEDNESDAY.window())).hasMessageContaining("slot technician");
        assertThatThrownBy(() -> new VisitSlot(TechnicianId.of("ravi"), null)).hasMessageContaining("slot window");
    }
}
