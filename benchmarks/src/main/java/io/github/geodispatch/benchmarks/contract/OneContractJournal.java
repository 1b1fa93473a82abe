package io.github.geodispatch.benchmarks.contract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import static io.github.geodispatch.benchmarks.contract.JournalLines.line;
import static io.github.geodispatch.benchmarks.contract.JournalLines.technicianAndCustomer;

/**
 * Writes the journal of one AMC contract covering many calls: a hospital (one customer, one site) whose contract pays
 * for a year of breakdown calls, and {@code N} calls spread over 330 days of it, each created, assigned, completed
 * and claimed against the contract. The shape that made the audit cubic before each completion stopped judging every
 * call of the contract again (docs/benchmarks.md). With {@code CHARGED} (0 when not given), each call is followed by
 * that many repairs at the hospital that do not claim the contract and are paid in cash: the shape that made the audit
 * judge every such job again at each call's completion. Audit it with {@code --as-of 2027-01-01T00:00:00+05:30}.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.github.geodispatch.benchmarks.contract.OneContractJournal 1000 one-contract.jsonl [CHARGED]
 * }</pre>
 */
public final class OneContractJournal {
    private static final OffsetDateTime START = OffsetDateTime.parse("2025-07-01T09:00:00+05:30");

    private OneContractJournal() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 3) {
            throw new IllegalArgumentException("usage: OneContractJournal CALLS FILE [CHARGED]");
        }
        write(Integer.parseInt(args[0]), args.length == 3 ? Integer.parseInt(args[2]) : 0, Path.of(args[1]));
    }

    /** Writes {@code calls} calls under the one contract, each followed by {@code charged} charged repairs, to {@code file}. */
    public static void write(int calls, int charged, Path file) throws IOException {
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1, was " + calls);
        }
        if (charged < 0) {
            throw new IllegalArgumentException("charged repairs per call must not be negative, was " + charged);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            technicianAndCustomer(out, "C-H", "City Hospital");
            line(out, "{\"type\":\"customer.site\",\"customer\":\"C-H\",\"at\":\"2025-06-02T10:00:00+05:30\","
                    + "\"site_id\":\"S-H\",\"location\":{\"lat\":12.9,\"lng\":77.6},\"address\":\"Hospital\"}");
            line(out, "{\"type\":\"contract.drafted\",\"customer\":\"C-H\",\"at\":\"2025-06-25T11:00:00+05:30\","
                    + "\"contract\":\"AMC-H\",\"contract_kind\":\"AMC\",\"sites\":[\"S-H\"],\"visits_per_year\":4,"
                    + "\"visit_job_type\":\"AC_PM\",\"breakdown_calls\":1000,\"job_types\":[\"AC_PM\",\"AC_REPAIR\"],"
                    + "\"labour_covered\":true,\"response_hours\":4,\"price\":{\"amount\":\"99999.00\",\"currency\":\"INR\"},"
                    + "\"start\":\"2025-07-01\",\"end\":\"2026-06-30\"}");
            line(out, "{\"type\":\"contract.activated\",\"customer\":\"C-H\",\"at\":\"2025-06-25T12:00:00+05:30\","
                    + "\"contract\":\"AMC-H\"}");
            long step = 330L * 86_400 / calls;
            for (int i = 0; i < calls; i++) {
                OffsetDateTime at = START.plusSeconds(i * step);
                job(out, "J-" + i, at, ",\"coverage\":{\"kind\":\"AMC\",\"ref\":\"AMC-H\",\"valid_until\":\"2026-06-30\","
                        + "\"job_types\":[\"AC_PM\",\"AC_REPAIR\"]}", "\"mode\":\"AMC\",\"amount\":{\"amount\":\"0.00\","
                        + "\"currency\":\"INR\"},\"reference\":\"AMC-H\"");
                for (int k = 0; k < charged; k++) {
                    job(out, "R-" + i + "-" + k, at.plusMinutes(5L * (k + 1)), "",
                            "\"mode\":\"CASH\",\"amount\":{\"amount\":\"500.00\",\"currency\":\"INR\"}");
                }
            }
        }
    }

    /** A repair at the hospital: created, assigned, completed an hour later, and paid as {@code payment} says. */
    private static void job(BufferedWriter out, String job, OffsetDateTime at, String coverage, String payment)
            throws IOException {
        line(out, "{\"type\":\"job.created\",\"job\":\"" + job + "\",\"at\":\"" + at + "\",\"branch\":\"BLR\","
                + "\"customer\":\"C-H\",\"job_type\":\"AC_REPAIR\",\"site\":{\"lat\":12.9,\"lng\":77.6,\"radius_m\":80.0},"
                + "\"quote\":{\"amount\":\"500.00\",\"currency\":\"INR\"}" + coverage + "}");
        line(out, "{\"type\":\"job.assigned\",\"job\":\"" + job + "\",\"at\":\"" + at.plusMinutes(1)
                + "\",\"technician\":\"T-1\"}");
        line(out, "{\"type\":\"job.status\",\"job\":\"" + job + "\",\"at\":\"" + at.plusHours(1)
                + "\",\"status\":\"COMPLETED\"}");
        line(out, "{\"type\":\"job.payment\",\"job\":\"" + job + "\",\"at\":\"" + at.plusHours(1).plusSeconds(100)
                + "\"," + payment + "}");
    }
}
