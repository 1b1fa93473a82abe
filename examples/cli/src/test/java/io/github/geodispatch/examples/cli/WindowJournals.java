package io.github.geodispatch.examples.cli;

import io.github.geodispatch.examples.OutputFiles;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated journals for the {@code invoice} and {@code contracts} commands that span several audit windows, where no
 * record of a job is more than 24 days from its {@code job.created} and lines are written in time order give or take
 * two days (each job's lines keep their order): so no record arrives later than the 35-day window, and a run letting go of done jobs must give what one
 * keeping everything gives. Customers C-1 to C-4 (C-2 with a GSTIN, C-4 in another state) have a profile line and a
 * customer stream; C-1 holds the activated AMC-1 (AC_PM visits, AC_REPAIR covered), which some of its jobs name. Up to
 * two later profile lines change a customer between jobs ({@link #changedCustomer}).
 */
final class WindowJournals {
    static final OffsetDateTime START = OffsetDateTime.parse("2026-02-01T09:00:00+05:30");
    private static final String[] BRANCHES = {"BR-1", "BR-2"};

    private WindowJournals() {}

    /** A command's memory line: the jobs let go after the window and the most held at once. */
    private static final Pattern MEMORY = Pattern.compile("memory: audit window 35 days; (\\d+) jobs let go after it, "
            + "at most (\\d+) held at once");

    /** The jobs let go and the most held, from the memory line of a successful run. */
    static int[] memoryLine(Cli cli) {
        assertThat(cli.exit()).as(cli.printed()).isZero();
        Matcher memory = MEMORY.matcher(cli.out());
        assertThat(memory.find()).as(cli.out()).isTrue();
        return new int[] {Integer.parseInt(memory.group(1)), Integer.parseInt(memory.group(2))};
    }

    /** Checks a command on a journal in a directory of its own. */
    @FunctionalInterface
    interface JournalCheck {
        void check(Path dir, Path journal) throws IOException;
    }

    /**
     * Writes {@code text} to {@code journal.jsonl} in a new directory named after {@code prefix}, runs {@code check}
     * there, then deletes the directory (jqwik gives no {@code @TempDir} per try).
     */
    static void withJournal(String prefix, String text, JournalCheck check) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        try {
            check.check(dir, Files.writeString(dir.resolve("journal.jsonl"), text));
        } finally {
            OutputFiles.deleteTree(dir);
        }
    }

    /** {@link #journals()}, for {@code @ForAll(supplier = WindowJournals.Journals.class)}. */
    static final class Journals implements ArbitrarySupplier<String> {
        @Override
        public Arbitrary<String> get() {
            return journals();
        }
    }

    /** Journals of 1 to 60 jobs over 1 to 200 days. */
    static Arbitrary<String> journals() {
        return Combinators.combine(Arbitraries.integers().between(1, 60), Arbitraries.integers().between(1, 200),
                Arbitraries.longs()).as((jobs, days, seed) -> journal(jobs, days, seed, false));
    }

    /**
     * A journal of {@code jobs} jobs starting over {@code days} days, drawn from {@code seed}; some are left open
     * (never completed nor cancelled) unless {@code everyJobEnds}.
     */
    static String journal(int jobs, int days, long seed, boolean everyJobEnds) {
        Random random = new Random(seed);
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i <= jobs; i++) {
            job(random, "J-" + i, START.plusMinutes(random.nextInt(days * 24 * 60)), everyJobEnds, lines);
        }
        for (int change = random.nextInt(3); change > 0; change--) {
            lines.add(new Line(START.toEpochSecond() / 60 + random.nextInt(days * 24 * 60),
                    changedCustomer(1 + random.nextInt(4))));
        }
        lines.sort(Comparator.comparing(Line::order));
        StringBuilder text = new StringBuilder(header());
        lines.forEach(line -> text.append(line.text()).append('\n'));
        return text.toString();
    }

    /** The customers, their streams and the contract, all before {@link #START}. */
    static String header() {
        StringBuilder text = new StringBuilder();
        String[] states = {"29", "29", "29", "33"};
        for (int c = 1; c <= 4; c++) {
            text.append("{\"type\":\"customer\",\"id\":\"C-").append(c).append("\",\"name\":\"Customer ").append(c)
                    .append("\",\"address\":\"").append(c).append(", 1st Cross\",\"city\":\"Bengaluru\",\"pincode\":\"560034\","
                            + "\"state_code\":\"").append(states[c - 1]).append('"')
                    .append(c == 2 ? ",\"gstin\":\"29FNNCF1929M1Z3\"}\n" : "}\n");
            text.append("{\"type\":\"customer.registered\",\"customer\":\"C-").append(c)
                    .append("\",\"at\":\"2026-01-10T09:00:00+05:30\",\"branch\":\"BR-1\",\"name\":\"Customer ").append(c)
                    .append("\",\"phones\":[\"+91990011223").append(c).append("\"],\"language\":\"en\",\"address\":\"Bengaluru\"}\n");
            text.append("{\"type\":\"customer.site\",\"customer\":\"C-").append(c).append("\",\"at\":\"2026-01-10T10:00:00+05:30\","
                    + "\"site_id\":\"S-").append(c).append("\",\"location\":{\"lat\":12.93,\"lng\":77.61},\"address\":\"Site ")
                    .append(c).append("\"}\n");
        }
        text.append("{\"type\":\"contract.drafted\",\"customer\":\"C-1\",\"at\":\"2026-01-15T11:00:00+05:30\",\"contract\":\"AMC-1\","
                + "\"contract_kind\":\"AMC\",\"sites\":[\"S-1\"],\"visits_per_year\":4,\"visit_job_type\":\"AC_PM\","
                + "\"job_types\":[\"AC_PM\",\"AC_REPAIR\"],\"labour_covered\":true,\"response_hours\":24,"
                + "\"price\":{\"amount\":\"4999.00\",\"currency\":\"INR\"},\"start\":\"2026-02-01\",\"end\":\"2027-01-31\"}\n");
        text.append("{\"type\":\"contract.activated\",\"customer\":\"C-1\",\"at\":\"2026-01-15T12:00:00+05:30\",\"contract\":\"AMC-1\"}\n");
        return text.toString();
    }

    /**
     * A later profile line for customer {@code c}: renamed, and C-1 or C-3 registered for GST, C-2 no longer, C-4 moved
     * into Karnataka (the invoices of jobs completed after it change buyer).
     */
    static String changedCustomer(int c) {
        String gst = c == 1 || c == 3 ? ",\"gstin\":\"29FNNCF1929M1Z3\"" : "";
        return "{\"type\":\"customer\",\"id\":\"C-" + c + "\",\"name\":\"Customer " + c + " (renamed)\",\"address\":\""
                + c + ", 2nd Cross\",\"city\":\"Bengaluru\",\"pincode\":\"560034\",\"state_code\":\"29\"" + gst + "}";
    }

    /** One job's records, from {@code created} to at most 24 days later. */
    static void job(Random random, String job, OffsetDateTime created, boolean ends, List<Line> lines) {
        int customer = 1 + random.nextInt(4);
        boolean amc = customer == 1 && random.nextInt(3) > 0;
        String type = amc && random.nextBoolean() ? "AC_PM" : random.nextBoolean() ? "AC_REPAIR" : "AC_SERVICE";
        String branch = BRANCHES[random.nextInt(BRANCHES.length)];
        int quote = random.nextInt(4) * 500;
        long jitter = random.nextInt(2 * 24 * 60);
        Jobs add = (minutes, json) -> {
            OffsetDateTime at = created.plusMinutes(minutes);
            lines.add(new Line(at.toEpochSecond() / 60 + jitter, "{\"type\":\"" + json.replace("@", "\",\"job\":\""
                    + job + "\",\"at\":\"" + at + "\"")));
        };
        add.record(0, "job.created@,\"branch\":\"" + branch + "\",\"customer\":\"C-" + customer + "\",\"job_type\":\"" + type
                + "\",\"site\":{\"lat\":12.93,\"lng\":77.61,\"radius_m\":80.0},\"quote\":{\"amount\":\"" + quote
                + ".00\",\"currency\":\"INR\"}" + (amc ? ",\"coverage\":{\"kind\":\"AMC\",\"ref\":\"AMC-1\","
                + "\"valid_until\":\"2027-01-31\",\"job_types\":[]}}" : "}"));
        int minute = 60 + random.nextInt(3 * 24 * 60);
        add.record(minute, "job.assigned@,\"technician\":\"T-1\"}");
        int outcome = random.nextInt(6);
        if (outcome == 0) {
            add.record(minute + 30, "job.status@,\"status\":\"CANCELLED\"}");
            return;
        }
        if (random.nextBoolean()) {
            add.record(minute + 20, "job.part@,\"sku\":\"CAP-35\",\"hsn\":\"85322200\",\"qty\":1,"
                    + "\"unit_price\":{\"amount\":\"350.00\",\"currency\":\"INR\"},\"billable\":true}");
        }
        if (outcome == 1 && !ends) {
            return; // left open
        }
        minute += 60 + random.nextInt(7 * 24 * 60);
        add.record(minute, "job.status@,\"status\":\"COMPLETED\"}");
        if (random.nextInt(4) == 0) {
            add.record(minute + 10, "job.payment@,\"mode\":\"CASH\",\"amount\":{\"amount\":\"" + (quote / 2)
                    + ".00\",\"currency\":\"INR\"}}");
        }
        if (random.nextInt(4) == 0) {
            add.record(minute + 20, "job.invoice@,\"invoice_no\":\"INV/" + job + "\",\"amount\":{\"amount\":\"" + quote
                    + ".00\",\"currency\":\"INR\"},\"parts\":[]}");
        }
        if (outcome == 2) {
            add.record(minute + 30 + random.nextInt(14 * 24 * 60), "job.status@,\"status\":\"CANCELLED\"}");
        } else if (outcome == 3) {
            add.record(minute + 30 + random.nextInt(14 * 24 * 60), "job.status@,\"status\":\"CLOSED\"}");
        }
    }

    /** A journal line and where it is written: its time in minutes, give or take up to two days. */
    record Line(long order, String text) {}

    @FunctionalInterface
    private interface Jobs {
        void record(int minutes, String json);
    }
}
