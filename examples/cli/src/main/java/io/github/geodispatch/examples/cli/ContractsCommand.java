package io.github.geodispatch.examples.cli;

import io.github.geodispatch.examples.OutputFiles;
import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.contract.DueVisit;
import io.github.geodispatch.contract.Entitlement;
import io.github.geodispatch.contract.RenewalDue;
import io.github.geodispatch.contract.ScheduledVisit;
import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.JournalSummary;
import io.github.geodispatch.leakage.LeakageAudit;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.text.internal.CsvField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code contracts --journal FILE --as-of ISO_TIME --out DIR}: reads a journal's customers, contracts and jobs up to
 * the given time and writes {@code due-visits.csv}, {@code renewals.csv} and {@code entitlements.csv} (columns in
 * {@code docs/formats.md}) into DIR, all three or none: they are written to a temporary directory that takes DIR's
 * place (a DIR holding other files is refused). Exit 0 when done, 1 when done but some journal lines were rejected
 * or flagged, 2 on bad arguments or an unusable journal, 3 when the files cannot be written. Memory is bounded by the
 * contracts and the live jobs: a job done and untouched for the audit window ({@link LeakageAudit#DEFAULT_WINDOW}) is
 * let go, and a later record for it is rejected (reported on standard error, exit 1).
 */
@Command(name = "contracts", mixinStandardHelpOptions = true,
        description = "Contracts as of a time: preventive visits due, renewals due, entitlements used; writes three CSV files.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:done: every journal line read and none flagged",
                "1:done, with journal lines rejected or flagged (listed on standard error)",
                ExitCodes.BAD_INPUT_LINE + ExitCodes.UNUSABLE_JOURNAL + ", and a DIR holding other files",
                ExitCodes.CANNOT_WRITE_LINE, ExitCodes.INTERNAL_LINE},
        footerHeading = HelpFooter.HEADING,
        footer = {HelpFooter.RUN + "contracts \\",
                HelpFooter.MORE + "--journal examples/data/contracts/journal.jsonl \\",
                HelpFooter.MORE + "--as-of 2026-11-30T18:00:00+05:30 --out target/contracts"})
public final class ContractsCommand implements Callable<Integer> {
    /** The files a run writes. */
    private static final List<String> OUTPUTS = List.of("due-visits.csv", "renewals.csv", "entitlements.csv");
    /** How far ahead due-visits.csv lists upcoming visits. */
    static final int HORIZON_DAYS = 30;

    @Spec
    CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "FILE", description = "the journal (JSON Lines)")
    Path journal;

    @Option(names = "--as-of", required = true, paramLabel = "ISO_TIME",
            description = "the time to report at, ISO-8601 with offset, e.g. 2026-11-30T18:00:00+05:30; later lines are left out")
    String asOf;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory to write the CSV files "
            + "into: new, or holding only an earlier run's three files (replaced)")
    Path out;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Kolkata",
            description = "the business's time zone for calendar days (default: ${DEFAULT-VALUE})")
    String zone;

    @Override
    public Integer call() throws IOException {
        OutputFiles.requireNotHoldingAnInput("--out", out, "the journal", journal);
        Instant at = TimeOptions.asOf(asOf);
        ZoneId zoneId = TimeOptions.zone(zone);
        LocalDate day = LocalDate.ofInstant(at, zoneId);
        ContractPortfolio portfolio = ContractPortfolio.create(zoneId, Currency.INR);
        JournalImporter importer = JournalImporter.unchained(TenantId.of("journal"), portfolio.journalTarget(),
                LeakageAudit.DEFAULT_WINDOW);
        long[] late = new long[1];
        JournalSummary summary = JournalReader.create().read(journal, (line, record) -> {
            OffsetDateTime time = record instanceof JournalRecord.CustomerRecord c ? c.at()
                    : record instanceof JournalRecord.JobRecord j ? j.at() : null;
            if (time != null && time.toInstant().isAfter(at)) {
                late[0]++;
            } else {
                importer.record(line, record);
            }
        });
        InputCheck.requireUsableJournal(journal, summary);
        List<ScheduledVisit> visits = portfolio.openVisits(day, HORIZON_DAYS);
        List<RenewalDue> renewals = portfolio.renewalsDue(day);
        List<Entitlement> entitlements = portfolio.entitlements(day);
        writeAll(out, visits, renewals, entitlements);

        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InputCheck.print(err, "  ", summary.problems(), summary.rejected());
        InputCheck.print(err, "  ", importer.problems(), importer.problemCount());
        o.printf("journal: %d lines, %d records, %d rejected by the reader, %d by the import;%n"
                        + "         %d records after --as-of left out%n",
                summary.lines(), summary.records(), summary.rejected(), importer.rejected(), late[0]);
        o.printf("memory: audit window %d days; %d jobs let go after it, at most %d held at once%n",
                LeakageAudit.DEFAULT_WINDOW.toDays(), importer.jobsLetGo(), importer.peakJobsHeld());
        o.printf("as of %s: %d contracts with entitlements;%n"
                        + "       %d visits open (%d overdue), %d renewals due, %d warranties ending%n",
                day, entitlements.size(), visits.size(),
                visits.stream().filter(v -> v.status() == io.github.geodispatch.contract.VisitStatus.OVERDUE).count(),
                renewals.size(), portfolio.warrantyExpiries(day).size());
        o.printf("wrote due-visits.csv, renewals.csv and entitlements.csv to %s%n", out);
        o.flush();
        return summary.rejected() + importer.problemCount() > 0 ? ExitCodes.DONE_WITH_FINDINGS : ExitCodes.DONE;
    }

    /** Writes the three files into {@code out} (replacing an earlier run's), all or none. */
    static void writeAll(Path out, List<ScheduledVisit> visits, List<RenewalDue> renewals, List<Entitlement> entitlements)
            throws IOException {
        try (OutputFiles.Directory dir = OutputFiles.directory(out, OUTPUTS::contains, true)) {
            dir.write("due-visits.csv", csvFile("contract,customer,branch,site,unit,visit,due_on,window_end,job_type,job,status",
                    visits.stream().map(v -> {
                        DueVisit d = v.visit();
                        return csv(text(d.contract()), text(d.customer()), text(d.branch()), text(d.site()), text(d.unit()),
                                value(d.number()), value(d.dueOn()), value(d.windowEnd()), text(d.jobType()), text(d.job()),
                                text(v.status()));
                    }).toList()));
            dir.write("renewals.csv", csvFile("contract,customer,branch,end,days_left,stage,renewal_drafted,price,currency",
                    renewals.stream().map(r -> csv(text(r.contract()), text(r.customer()), text(r.branch()), value(r.end()),
                            value(r.daysLeft()), value(r.stage()), text(r.renewalDrafted() == null ? "" : r.renewalDrafted()),
                            value(r.price().toPlainString()), value(r.price().currency()))).toList()));
            dir.write("entitlements.csv", csvFile("contract,customer,branch,status,start,end,entitled,used,remaining,"
                            + "visits_scheduled,visits_done,visits_due,visits_overdue",
                    entitlements.stream().map(e -> csv(text(e.contract()), text(e.customer()), text(e.branch()),
                            text(e.status()), value(e.start()), value(e.end()), value(e.entitled()), value(e.used()),
                            value(e.remaining()), value(e.visitsScheduled()), value(e.visitsDone()), value(e.visitsDue()),
                            value(e.visitsOverdue()))).toList()));
            dir.commit();
        }
    }

    /** A CSV file: the header, then the rows, each line ended by a line feed. */
    private static String csvFile(String header, List<String> rows) {
        StringBuilder text = new StringBuilder(header).append('\n');
        rows.forEach(row -> text.append(row).append('\n'));
        return text.toString();
    }

    /** One CSV row of fields made by {@link #text} and {@link #value}. */
    private static String csv(String... fields) {
        return String.join(",", fields);
    }

    /** An id or a word: a CSV text field (docs/formats.md#csv-fields). */
    private static String text(Object value) {
        return CsvField.text(String.valueOf(value));
    }

    /** A number, a day or a currency: a CSV field. */
    private static String value(Object value) {
        return CsvField.value(String.valueOf(value));
    }
}
