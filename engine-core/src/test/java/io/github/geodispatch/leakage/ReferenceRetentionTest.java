package io.github.geodispatch.leakage;

import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Letting go of the job a payment reference belongs to, while another job claiming it is still held, leaves that other
 * job a duplicate, as it would be with everything kept.
 */
class ReferenceRetentionTest {
    private static final Instant AS_OF = Scenario.instant(10 * 24 * 60);

    /** J-1 completed and paid by UPI at minute 15; J-2 paid with the same UTR at minute 60. */
    private static Scenario upToTheSecondClaim() {
        return new Scenario().technician("T-1").technician("T-2")
                .job("J-1", -30, 50_000).assigned("J-1", "T-1", 0)
                .proof("J-1", ProofKind.PHOTO, 5).proof("J-1", ProofKind.SIGNATURE, 6)
                .status("J-1", JobStatus.COMPLETED, 15).payment("J-1", PaymentMode.UPI, 50_000, "412345678901", 15)
                .job("J-2", 20, 50_000).assigned("J-2", "T-2", 30)
                .payment("J-2", PaymentMode.UPI, 50_000, "412345678901", 60);
    }

    /** ... and J-2 completed at minute 600. */
    private static Scenario twoClaims() {
        return upToTheSecondClaim().proof("J-2", ProofKind.PHOTO, 590).proof("J-2", ProofKind.SIGNATURE, 595)
                .status("J-2", JobStatus.COMPLETED, 600);
    }

    @Test
    void aClaimLetGoStaysTheFirstOfItsReferenceWhileAnotherClaimOfItIsHeld() {
        LeakageMonitor kept = LeakageMonitor.create();
        feed(kept, twoClaims().records);

        LeakageMonitor retained = LeakageMonitor.create();
        JournalImporter importer = Scenario.importer(retained);
        List<JournalRecord> records = twoClaims().records;
        int paidTwice = upToTheSecondClaim().records.size();
        for (int i = 0; i < paidTwice; i++) {
            importer.record(i + 1, records.get(i));
        }
        List<JobId> letGo = retained.retire(Scenario.instant(90)).jobs();
        assertThat(letGo).as("done, and untouched since J-2's claim made it the first").containsExactly(JobId.of("J-1"));
        letGo.forEach(importer::forget);
        for (int i = paidTwice; i < records.size(); i++) {
            importer.record(i + 1, records.get(i)); // J-2 is judged again when it is completed
        }

        assertThat(retained.findings(AS_OF)).containsExactlyElementsOf(kept.findings(AS_OF))
                .anyMatch(f -> f.code() == LeakageCode.DUPLICATE_PAYMENT_REFERENCE && f.job().value().equals("J-2"));
    }

    /**
     * A statement credit for the UTR after J-1 (whose claim it belongs to) was let go came too late for it: it links to
     * no job (PAYMENT_UNLINKED), as documented for a credit arriving more than the window after its job, rather than
     * to J-2, whose claim is J-1's duplicate.
     */
    @Test
    void aCreditForAReferenceWhoseFirstClaimWasLetGoLinksToNoJob() {
        LeakageMonitor retained = LeakageMonitor.create();
        JournalImporter importer = Scenario.importer(retained);
        List<JournalRecord> records = upToTheSecondClaim().statement("412345678901", 50_000, null, 120).records;
        int paidTwice = upToTheSecondClaim().records.size();
        for (int i = 0; i < records.size(); i++) {
            if (i == paidTwice) {
                retained.retire(Scenario.instant(90)).jobs().forEach(importer::forget);
            }
            importer.record(i + 1, records.get(i));
        }

        assertThat(retained.findings(AS_OF)).anyMatch(f -> f.code() == LeakageCode.PAYMENT_UNLINKED)
                .anyMatch(f -> f.code() == LeakageCode.DUPLICATE_PAYMENT_REFERENCE && f.job().value().equals("J-2"));
    }

    private static void feed(LeakageMonitor monitor, List<JournalRecord> records) {
        JournalImporter importer = Scenario.importer(monitor);
        long line = 0;
        for (JournalRecord r : records) {
            importer.record(++line, r);
        }
    }
}
