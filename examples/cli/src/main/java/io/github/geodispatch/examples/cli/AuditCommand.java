package io.github.geodispatch.examples.cli;

import io.github.geodispatch.examples.OutputFiles;
import io.github.geodispatch.journal.JournalProblem;
import io.github.geodispatch.journal.JournalSummary;
import io.github.geodispatch.leakage.AuditReport;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.FindingsJsonl;
import io.github.geodispatch.leakage.LeakageAudit;
import io.github.geodispatch.leakage.LeakagePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code audit --journal FILE --as-of ISO_TIME --out findings.jsonl}: runs the leakage rules over a journal
 * and writes one finding per line (atomically), then prints findings and amount at risk by code and by
 * technician. Bad journal lines are reported and skipped; a journal that yields no records, or with more than
 * {@value InputCheck#MAX_REJECTED_PERCENT}% of its lines rejected, is unusable (exit 2, nothing written).
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit a journal for payment leakage; writes findings as JSON Lines and prints a summary.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:done: no findings, every line read and none flagged",
                "1:done, with findings, or with journal lines rejected or flagged (listed on standard error)",
                ExitCodes.BAD_INPUT_LINE + ExitCodes.UNUSABLE_JOURNAL,
                ExitCodes.CANNOT_WRITE_LINE, ExitCodes.INTERNAL_LINE},
        footerHeading = HelpFooter.HEADING,
        footer = {HelpFooter.RUN + "audit \\",
                HelpFooter.MORE + "--journal examples/data/journal/journal.jsonl \\",
                HelpFooter.MORE + "--as-of 2026-11-10T00:00:00+05:30 --out findings.jsonl"})
public final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "FILE", description = "the journal (JSON Lines)")
    Path journal;

    @Option(names = "--as-of", required = true, paramLabel = "ISO_TIME",
            description = "the audit time grace periods count to, ISO-8601 with offset, e.g. 2026-11-10T00:00:00+05:30")
    String asOf;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the findings (JSON Lines)")
    Path out;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Kolkata",
            description = "the business's time zone for calendar days (default: ${DEFAULT-VALUE})")
    String zone;

    @Override
    public Integer call() throws Exception {
        OutputFiles.requireNotAnInput("--out", out, "the journal", journal);
        Instant at = TimeOptions.asOf(asOf);
        LeakagePolicy policy = LeakagePolicy.defaults().withZone(TimeOptions.zone(zone));
        AuditReport report = LeakageAudit.run(journal, at, policy);
        JournalSummary read = report.journal();
        InputCheck.requireUsableJournal(journal, read);
        OutputFiles.write(out, w -> FindingsJsonl.write(report.findings(), w));
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long importProblems = report.importCounts().values().stream().mapToLong(Long::longValue).sum();
        o.printf("journal: %d lines, %d records, %d rejected; import: %d flagged, %d rejected;%n"
                        + "         %d records after --as-of left out; %d pings, %d rejected by the visit tracker%n",
                read.lines(), read.records(), read.rejected(), report.importCount(JournalProblem.Kind.FLAGGED),
                importProblems - report.importCount(JournalProblem.Kind.FLAGGED), report.recordsAfterAsOf(),
                report.pings(), report.pingsRejected());
        o.printf("memory: audit window %d days; %d jobs let go after it, at most %d held at once%n",
                report.window().toDays(), report.jobsLetGo(), report.peakJobsHeld());
        InputCheck.print(err, "  ", read.problems(), read.rejected());
        InputCheck.print(err, "  ", report.importProblems(), importProblems);
        table(o, "code", report.findings(), f -> f.code().name());
        table(o, "technician", report.findings(), f -> f.technician() == null ? "-" : f.technician().value());
        o.printf("%d findings written to %s%n", report.findings().size(), out);
        o.flush();
        return report.findings().isEmpty() && read.clean() && importProblems == 0
                ? ExitCodes.DONE : ExitCodes.DONE_WITH_FINDINGS;
    }

    private static void table(PrintWriter o, String title, List<Finding> findings, Function<Finding, String> key) {
        Map<String, long[]> rows = new TreeMap<>();
        Map<String, String> currency = new TreeMap<>();
        for (Finding f : findings) {
            long[] r = rows.computeIfAbsent(key.apply(f), k -> new long[2]);
            r[0]++;
            r[1] = Math.addExact(r[1], f.amountAtRisk().minor());
            currency.put(key.apply(f), f.amountAtRisk().currency().name());
        }
        o.printf("%n%-30s %8s %16s%n", title, "findings", "amount at risk");
        long count = 0;
        long total = 0;
        for (Map.Entry<String, long[]> e : rows.entrySet()) {
            o.printf("%-30s %8d %12s %s%n", e.getKey(), e.getValue()[0], decimal(e.getValue()[1]), currency.get(e.getKey()));
            count += e.getValue()[0];
            total += e.getValue()[1];
        }
        o.printf("%-30s %8d %12s%n", "TOTAL", count, decimal(total));
    }

    private static String decimal(long minor) {
        return java.math.BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
