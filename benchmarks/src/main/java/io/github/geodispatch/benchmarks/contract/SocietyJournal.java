package io.github.geodispatch.benchmarks.contract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.geodispatch.benchmarks.contract.JournalLines.line;
import static io.github.geodispatch.benchmarks.contract.JournalLines.technicianAndCustomer;

/**
 * Writes the journal of one customer holding many contracts: a housing society (one customer) with {@code N} flats,
 * each a site with one AC unit under its own AMC contract, drafted and activated; then one covered call per flat
 * (created, assigned, completed, claimed); then each contract's first instalment invoiced, a week after the calls.
 * The shape that made `contracts` and the audit quadratic and worse before a customer's state shared its maps, the
 * book indexed contracts by site, and a customer event stopped judging every job of the customer again
 * (docs/benchmarks.md). Run either with {@code --as-of 2026-06-01T00:00:00+05:30}.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.github.geodispatch.benchmarks.contract.SocietyJournal 6000 society.jsonl
 * }</pre>
 */
public final class SocietyJournal {
    private SocietyJournal() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SocietyJournal FLATS FILE");
        }
        write(Integer.parseInt(args[0]), Path.of(args[1]));
    }

    /** Writes the society of {@code flats} flats to {@code file}; flat {@code i} lies 1.1 m north of flat {@code i - 1}. */
    public static void write(int flats, Path file) throws IOException {
        if (flats < 1) {
            throw new IllegalArgumentException("flats must be at least 1, was " + flats);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            technicianAndCustomer(out, "C-SOC", "Prestige Society");
            for (int i = 0; i < flats; i++) {
                line(out, "{\"type\":\"customer.site\",\"customer\":\"C-SOC\",\"at\":\"2025-06-02T10:00:00+05:30\","
                        + "\"site_id\":\"S-" + i + "\",\"location\":{\"lat\":" + latitude(i) + ",\"lng\":77.6},"
                        + "\"address\":\"Flat " + i + "\"}");
                line(out, "{\"type\":\"customer.equipment\",\"customer\":\"C-SOC\",\"at\":\"2025-06-03T10:00:00+05:30\","
                        + "\"equipment_id\":\"EQ-" + i + "\",\"site_id\":\"S-" + i + "\",\"equipment_type\":\"SPLIT_AC\","
                        + "\"make\":\"Daikin\",\"model\":\"X\",\"serial\":\"DK-" + i + "\",\"installed_on\":\"2025-06-01\"}");
            }
            for (int i = 0; i < flats; i++) {
                line(out, "{\"type\":\"contract.drafted\",\"customer\":\"C-SOC\",\"at\":\"2025-06-25T11:00:00+05:30\","
                        + "\"contract\":\"AMC-" + i + "\",\"contract_kind\":\"AMC\",\"sites\":[\"S-" + i + "\"],"
                        + "\"equipment\":[\"EQ-" + i + "\"],\"visits_per_year\":2,\"visit_job_type\":\"AC_PM\","
                        + "\"job_types\":[\"AC_PM\",\"AC_REPAIR\"],\"labour_covered\":true,\"response_hours\":24,"
                        + "\"price\":{\"amount\":\"2999.00\",\"currency\":\"INR\"},\"start\":\"2025-07-01\",\"end\":\"2026-06-30\"}");
                line(out, "{\"type\":\"contract.activated\",\"customer\":\"C-SOC\",\"at\":\"2025-06-25T12:00:00+05:30\","
                        + "\"contract\":\"AMC-" + i + "\"}");
            }
            for (int i = 0; i < flats; i++) {
                String job = "J-" + i;
                line(out, "{\"type\":\"job.created\",\"job\":\"" + job + "\",\"at\":\"2025-07-05T09:00:00+05:30\","
                        + "\"branch\":\"BLR\",\"customer\":\"C-SOC\",\"job_type\":\"AC_PM\",\"site\":{\"lat\":" + latitude(i)
                        + ",\"lng\":77.6,\"radius_m\":80.0},\"quote\":{\"amount\":\"0.00\",\"currency\":\"INR\"},"
                        + "\"coverage\":{\"kind\":\"AMC\",\"ref\":\"AMC-" + i + "\",\"valid_until\":\"2026-06-30\",\"job_types\":[]}}");
                line(out, "{\"type\":\"job.assigned\",\"job\":\"" + job + "\",\"at\":\"2025-07-05T10:00:00+05:30\","
                        + "\"technician\":\"T-1\"}");
                line(out, "{\"type\":\"job.status\",\"job\":\"" + job + "\",\"at\":\"2025-07-05T13:00:00+05:30\","
                        + "\"status\":\"COMPLETED\"}");
                line(out, "{\"type\":\"job.payment\",\"job\":\"" + job + "\",\"at\":\"2025-07-05T13:05:00+05:30\","
                        + "\"mode\":\"AMC\",\"amount\":{\"amount\":\"0.00\",\"currency\":\"INR\"},\"reference\":\"AMC-" + i + "\"}");
            }
            for (int i = 0; i < flats; i++) {
                line(out, "{\"type\":\"contract.invoiced\",\"customer\":\"C-SOC\",\"at\":\"2025-07-12T09:00:00+05:30\","
                        + "\"contract\":\"AMC-" + i + "\",\"instalment\":1,\"invoice_number\":\"INV/" + i + "\","
                        + "\"invoice_date\":\"2025-07-12\",\"taxable_value\":{\"amount\":\"2999.00\",\"currency\":\"INR\"},"
                        + "\"total\":{\"amount\":\"3538.82\",\"currency\":\"INR\"}}");
            }
        }
    }

    private static String latitude(int flat) {
        return String.valueOf(12.9 + flat * 1e-5);
    }
}
