package io.github.geodispatch.examples.cli;

import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.contract.DueVisit;
import io.github.geodispatch.contract.Entitlement;
import io.github.geodispatch.contract.RenewalDue;
import io.github.geodispatch.contract.ScheduledVisit;
import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalProblem;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.JournalSummary;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.TenantId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code contracts --journal FILE --as-of ISO_TIME --out DIR}: reads a journal's customers, contracts and jobs up to
 * the given time and writes {@code due-visits.csv}, {@code renewals.csv} and {@code entitlements.csv} (columns in
 * {@code docs/formats.md}) into DIR, all three or none: they are written to a temporary directory beside DIR and
 * moved in. Exit 0 when done, 1 when done but some journal lines were rejected, 2 on bad arguments or an unusable
 * journal.
 */
@Command(name = "contracts", mixinStandardHelpOptions = true,
        description = "Contracts as of a time: preventive visits due, renewals due, entitlements used; writes three CSV files.",
        footer = {"", "Example:", "  geodispatch contracts --journal examples/data/contracts/journal.jsonl"
                + " --as-of 2026-11-30T18:00:00+05:30 --out target/contracts"})
public final class ContractsCommand implements Callable<Integer> {
    /** How far ahead due-visits.csv lists upcoming visits. */
    static final int HORIZON_DAYS = 30;

    @Spec
    CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "FILE", description = "the journal (JSON Lines)")
    Path journal;

    @Option(names = "--as-of", required = true, paramLabel = "ISO_TIME",
            description = "the time to report at, ISO-8601 with offset, e.g. 2026-11-30T18:00:00+05:30; later lines are left out")
    String asOf;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory to write the CSV files into")
    Path out;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Kolkata",
            description = "the business's time zone for calendar days (default: ${DEFAULT-VALUE})")
    String zone;

    @Override
    public Integer call() throws IOException {
        Instant at;
        ZoneId zoneId;
        try {
            at = OffsetDateTime.parse(asOf).toInstant();
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--as-of must be an ISO-8601 time with offset and --zone a time zone, were '"
                    + asOf + "' and '" + zone + "'", e);
        }
        LocalDate day = LocalDate.ofInstant(at, zoneId);
        ContractPortfolio portfolio = ContractPortfolio.create(zoneId, Currency.INR);
        JournalImporter importer = JournalImporter.unchained(TenantId.of("journal"), new JournalImporter.Target() {
            @Override
            public void event(JobEvent event) {
                portfolio.accept(event);
            }

            @Override
            public void customerEvent(CustomerEvent event) {
                portfolio.accept(event);
            }
        });
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
        List<ScheduledVisit> visits = portfolio.openVisits(day, HORIZON_DAYS);
        List<RenewalDue> renewals = portfolio.renewalsDue(day);
        List<Entitlement> entitlements = portfolio.entitlements(day);
        writeAll(visits, renewals, entitlements);

        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<JournalProblem> problems = new ArrayList<>(summary.problems());
        problems.addAll(importer.problems());
        problems.stream().limit(10).forEach(p -> err.println("  " + p));
        o.printf("journal: %d lines, %d records, %d rejected by the reader, %d by the import; %d records after --as-of left out%n",
                summary.lines(), summary.records(), summary.rejected(), importer.rejected(), late[0]);
        o.printf("as of %s: %d contracts with entitlements, %d visits open (%d overdue), %d renewals due, %d warranties ending%n",
                day, entitlements.size(), visits.size(),
                visits.stream().filter(v -> v.status() == io.github.geodispatch.contract.VisitStatus.OVERDUE).count(),
                renewals.size(), portfolio.warrantyExpiries(day).size());
        o.printf("wrote due-visits.csv, renewals.csv and entitlements.csv to %s%n", out);
        o.flush();
        return summary.rejected() + importer.rejected() > 0 ? 1 : 0;
    }

    private void writeAll(List<ScheduledVisit> visits, List<RenewalDue> renewals, List<Entitlement> entitlements)
            throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            write(staging.resolve("due-visits.csv"), "contract,customer,branch,site,unit,visit,due_on,window_end,job_type,job,status",
                    visits.stream().map(v -> {
                        DueVisit d = v.visit();
                        return csv(d.contract(), d.customer(), d.branch(), d.site(), d.unit(), d.number(), d.dueOn(),
                                d.windowEnd(), d.jobType(), d.job(), v.status());
                    }).toList());
            write(staging.resolve("renewals.csv"), "contract,customer,branch,end,days_left,stage,renewal_drafted,price,currency",
                    renewals.stream().map(r -> csv(r.contract(), r.customer(), r.branch(), r.end(), r.daysLeft(), r.stage(),
                            r.renewalDrafted() == null ? "" : r.renewalDrafted(), r.price().toPlainString(),
                            r.price().currency())).toList());
            write(staging.resolve("entitlements.csv"), "contract,customer,branch,status,start,end,entitled,used,remaining,"
                            + "visits_scheduled,visits_done,visits_due,visits_overdue",
                    entitlements.stream().map(e -> csv(e.contract(), e.customer(), e.branch(), e.status(), e.start(), e.end(),
                            e.entitled(), e.used(), e.remaining(), e.visitsScheduled(), e.visitsDone(), e.visitsDue(),
                            e.visitsOverdue())).toList());
            if (!Files.exists(target)) {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            for (String name : List.of("due-visits.csv", "renewals.csv", "entitlements.csv")) {
                Files.move(staging.resolve(name), target.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (Files.exists(staging)) {
                try (Stream<Path> left = Files.walk(staging)) {
                    for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static void write(Path file, String header, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(header);
        lines.addAll(rows);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** One CSV row; a value holding a comma, quote or line break is quoted (RFC 4180). */
    private static String csv(Object... values) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            String s = String.valueOf(values[i]);
            row.append(s.matches("[^,\"\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"");
        }
        return row.toString();
    }
}
