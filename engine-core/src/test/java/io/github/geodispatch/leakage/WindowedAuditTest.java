package io.github.geodispatch.leakage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small journals on which an audit that lets go after the window once found other things than an audit keeping
 * everything (found by comparing the two on generated journals); each must now find the same, and let go of no job
 * it still needs.
 */
class WindowedAuditTest {
    private static final String CREATED = "{\"type\":\"job.created\",\"job\":\"%s\",\"customer\":\"C-01\",\"at\":\"%s\","
            + "\"branch\":\"BR-1\",\"job_type\":\"AC_REPAIR\",\"site\":{\"lat\":12.95,\"lng\":77.6,\"radius_m\":80.0},"
            + "\"quote\":{\"amount\":\"999.00\",\"currency\":\"INR\"}}";
    private static final String STATUS = "{\"type\":\"job.status\",\"job\":\"%s\",\"at\":\"%s\",\"status\":\"%s\"}";
    private static final String PROOF = "{\"type\":\"job.proof\",\"job\":\"%s\",\"at\":\"%s\",\"kind\":\"NOTE\",\"ref\":\"note\"}";
    /** A line of another kind, only to move the journal's clock (a day's retirement runs on it). */
    private static final String DEPOSIT = "{\"type\":\"cash.deposit\",\"at\":\"%s\",\"technician\":\"T-09\","
            + "\"amount\":{\"amount\":\"1.00\",\"currency\":\"INR\"},\"reference\":\"%s\"}";

    /** A job taken back out of COMPLETED (on hold) is open again: a part recorded on it 40 days later is audited. */
    @Test
    void aJobTakenBackOutOfCompletedIsHeldAsOpen() throws IOException {
        String journal = String.join("\n",
                CREATED.formatted("J-1", "2026-03-02T09:00:00+05:30"),
                STATUS.formatted("J-1", "2026-03-02T10:00:00+05:30", "COMPLETED"),
                STATUS.formatted("J-1", "2026-03-03T09:00:00+05:30", "ON_HOLD"),
                DEPOSIT.formatted("2026-04-09T19:00:00+05:30", "F-38"),
                "{\"type\":\"job.part\",\"job\":\"J-1\",\"at\":\"2026-04-12T10:00:00+05:30\",\"sku\":\"FILTER\",\"qty\":1,"
                        + "\"unit_price\":{\"amount\":\"450.00\",\"currency\":\"INR\"},\"billable\":true}");

        AuditReport windowed = assertSameAsKeepingEverything(journal, "2026-05-01T00:00+05:30");
        assertThat(windowed.jobsLetGo()).isZero();
    }

    /**
     * J-1's UPI claim is carried by a statement credit that names J-2 by bill reference (the customer paid through
     * J-2's link). J-2 is let go with the credit linked to it; J-1, touched again within the window each time, stays
     * verified by that credit, whether it is still open or completed and touched by later records.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aCreditLetGoWithTheJobItNamesStillVerifiesAnotherJobsClaimOfItsReference(boolean claimantCompleted)
            throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                CREATED.formatted("J-2", "2026-03-02T09:00:00+05:30"),
                STATUS.formatted("J-2", "2026-03-02T10:00:00+05:30", "COMPLETED"),
                CREATED.formatted("J-1", "2026-03-02T10:00:00+05:30")));
        if (claimantCompleted) {
            lines.add(STATUS.formatted("J-1", "2026-03-02T11:00:00+05:30", "COMPLETED"));
        }
        lines.add("{\"type\":\"job.payment\",\"job\":\"J-1\",\"at\":\"2026-03-02T11:05:00+05:30\",\"mode\":\"UPI\","
                + "\"amount\":{\"amount\":\"999.00\",\"currency\":\"INR\"},\"reference\":\"323456789012\"}");
        lines.add("{\"type\":\"statement\",\"at\":\"2026-03-02T13:00:00+05:30\",\"source\":\"UPI\","
                + "\"reference\":\"323456789012\",\"amount\":{\"amount\":\"999.00\",\"currency\":\"INR\"},\"tr\":\"J-2\"}");
        lines.add(PROOF.formatted("J-1", "2026-03-27T09:00:00+05:30"));
        lines.add(DEPOSIT.formatted("2026-04-20T19:00:00+05:30", "F-49"));
        lines.add(PROOF.formatted("J-1", "2026-04-21T09:00:00+05:30"));

        AuditReport windowed = assertSameAsKeepingEverything(String.join("\n", lines), "2026-05-13T09:00+05:30");
        assertThat(windowed.jobsLetGo()).as("J-2").isOne();
        assertThat(windowed.findings()).noneMatch(f -> f.code() == LeakageCode.PAYMENT_UNVERIFIED
                || f.code() == LeakageCode.PAYMENT_UNLINKED);
    }

    private static AuditReport assertSameAsKeepingEverything(String journal, String asOf) throws IOException {
        byte[] bytes = (journal + "\n").getBytes(StandardCharsets.UTF_8);
        java.time.Instant at = OffsetDateTime.parse(asOf).toInstant();
        AuditReport windowed = LeakageAudit.run(new ByteArrayInputStream(bytes), at, LeakagePolicy.defaults());
        AuditReport everything = LeakageAudit.run(new ByteArrayInputStream(bytes), at, LeakagePolicy.defaults(),
                Duration.ofDays(100_000));
        assertThat(windowed.findings()).containsExactlyElementsOf(everything.findings());
        assertThat(windowed.journal()).isEqualTo(everything.journal());
        return windowed;
    }
}
