package io.github.geodispatch.examples.cli;

import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.TenantId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contracts command lets go of done jobs after the audit window: on journals where no record arrives later than
 * the window it writes what a run keeping every job's stream writes; a record for a job let go is reported, not
 * applied; the jobs held stay bounded while the jobs let go grow with the journal.
 */
class ContractsWindowTest {
    /** After every generated journal's last record. */
    static final String AS_OF = "2026-09-30T18:00:00+05:30";
    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    @TempDir
    Path tmp;

    @Property(tries = 40)
    void withinTheWindowTheFilesAreThoseOfARunKeepingEveryJob(
            @ForAll(supplier = WindowJournals.Journals.class) String text) throws IOException {
        WindowJournals.withJournal("contracts-window", text, (dir, journal) -> {
            Cli cli = Cli.run("contracts", "--journal", journal.toString(), "--as-of", AS_OF, "--out",
                    dir.resolve("out").toString());

            assertThat(cli.exit()).as(cli.printed()).isZero();
            writeReference(journal, dir.resolve("reference"));
            for (String file : List.of("due-visits.csv", "renewals.csv", "entitlements.csv")) {
                assertThat(dir.resolve("out").resolve(file)).hasSameTextualContentAs(dir.resolve("reference").resolve(file));
            }
        });
    }

    @Test
    void aRecordForAJobLetGoIsReportedNotApplied() throws IOException {
        // an AMC-1 visit cancelled on day 0 and let go on day 40, then completed: the visit is not counted as done
        String text = WindowJournals.header()
                + "{\"type\":\"job.created\",\"job\":\"J-1\",\"at\":\"2026-02-01T09:00:00+05:30\",\"branch\":\"BR-1\","
                + "\"customer\":\"C-1\",\"job_type\":\"AC_PM\",\"site\":{\"lat\":12.93,\"lng\":77.61,\"radius_m\":80.0},"
                + "\"quote\":{\"amount\":\"0.00\",\"currency\":\"INR\"},\"coverage\":{\"kind\":\"AMC\",\"ref\":\"AMC-1\","
                + "\"valid_until\":\"2027-01-31\",\"job_types\":[]}}\n"
                + "{\"type\":\"job.status\",\"job\":\"J-1\",\"at\":\"2026-02-01T10:00:00+05:30\",\"status\":\"CANCELLED\"}\n"
                + "{\"type\":\"job.created\",\"job\":\"J-2\",\"at\":\"2026-03-13T09:00:00+05:30\",\"branch\":\"BR-1\","
                + "\"customer\":\"C-2\",\"job_type\":\"AC_REPAIR\",\"site\":{\"lat\":12.93,\"lng\":77.61,\"radius_m\":80.0},"
                + "\"quote\":{\"amount\":\"500.00\",\"currency\":\"INR\"}}\n"
                + "{\"type\":\"job.status\",\"job\":\"J-1\",\"at\":\"2026-03-13T10:00:00+05:30\",\"status\":\"COMPLETED\"}\n";
        Path journal = Files.writeString(tmp.resolve("late.jsonl"), text);

        Cli cli = Cli.run("contracts", "--journal", journal.toString(), "--as-of", AS_OF, "--out", tmp.resolve("out").toString());

        assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.DONE_WITH_FINDINGS);
        assertThat(cli.err()).contains("job.status for job J-1").contains("let go");
        assertThat(cli.out()).contains("0 rejected by the reader, 1 by the import")
                .contains("memory: audit window 35 days; 1 jobs let go after it");
        // entitled 4 visits, none used or done
        assertThat(Files.readAllLines(tmp.resolve("out/entitlements.csv")).get(1)).startsWith("AMC-1,C-1,BR-1,")
                .endsWith(",4,0,4,4,0,0,3");
    }

    @Test
    void theJobsHeldStayBoundedWhileTheJobsLetGoGrowWithTheJournal() throws IOException {
        int[] shortRun = memory(WindowJournals.journal(1_000, 100, 11, true));
        int[] longRun = memory(WindowJournals.journal(4_000, 400, 11, true));

        assertThat(longRun[0]).isGreaterThan(3_000).isGreaterThan(3 * shortRun[0]);
        assertThat(longRun[1]).isLessThan(1_000).isLessThan(2 * shortRun[1]);
    }

    private int[] memory(String text) throws IOException {
        Path journal = Files.writeString(Files.createTempFile(tmp, "long", ".jsonl"), text);
        return WindowJournals.memoryLine(Cli.run("contracts", "--journal", journal.toString(), "--as-of",
                "2027-06-30T18:00:00+05:30", "--out",
                Files.createTempDirectory(tmp, "out").resolve("contracts").toString()));
    }

    /** The three files of a run keeping every job's stream (an importer without a window). */
    private static void writeReference(Path journal, Path out) throws IOException {
        ContractPortfolio portfolio = ContractPortfolio.create(ZONE, Currency.INR);
        JournalReader.create().read(journal, JournalImporter.unchained(TenantId.of("journal"),
                portfolio.journalTarget()));
        LocalDate day = LocalDate.ofInstant(java.time.OffsetDateTime.parse(AS_OF).toInstant(), ZONE);
        ContractsCommand.writeAll(out, portfolio.openVisits(day, ContractsCommand.HORIZON_DAYS),
                portfolio.renewalsDue(day), portfolio.entitlements(day));
    }
}
