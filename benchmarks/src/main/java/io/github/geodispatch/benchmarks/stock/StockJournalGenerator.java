package io.github.geodispatch.benchmarks.stock;

import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.JournalWriter;
import io.github.geodispatch.journal.StockRecords;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.LocationKind;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.WriteOffReason;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a synthetic parts-and-vans history as a journal: branches with a warehouse each, technicians with a van
 * each, a catalogue of twelve parts (three with serials); every morning the warehouses buy what runs low and load
 * each van up to its kit, technicians work five jobs a day (status changes, a part on about 60% of jobs, a payment,
 * an invoice listing the billed parts), now and then two parts are taken for a job and one is put back, a warehouse
 * writes off a damaged part, and each van is counted once a week. It keeps the quantities and serials each location
 * holds, so that the only findings of its journal are the leaks it plants, listed as they are planted (code,
 * subject, amount in minor units). Receipts are at the catalogue cost ({@code priceDrift} false, which makes each
 * planted amount the catalogue cost or sell price) or drift around it. Deterministic for a seed. Not thread-safe.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.github.geodispatch.benchmarks.stock.StockJournalGenerator examples/data/stock}</pre>
 */
public final class StockJournalGenerator {
    private static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 11, 2, 0, 0, 0, 0, IST);

    record Part(String sku, String name, String hsn, String unit, long cost, long sell, boolean serial, int kit) {}

    /** One leak the journal plants: its code, its job or reference, and the amount at risk in minor units. */
    public record Leak(String code, String job, String reference, long amount) {}

    static final List<Part> CATALOGUE = List.of(
            new Part("CAP-35", "Capacitor 35 uF", "85322200", "pcs", 21_000, 45_000, false, 4),
            new Part("GAS-R32", "R32 refrigerant, 1 kg", "38247800", "kg", 65_000, 120_000, false, 3),
            new Part("COIL-CLN", "Coil cleaner, 500 ml", "34022090", "pcs", 18_000, 35_000, false, 3),
            new Part("RO-MEMB", "RO membrane 80 GPD", "84212190", "pcs", 95_000, 180_000, false, 2),
            new Part("RO-FILT", "RO filter set", "84212190", "pcs", 40_000, 85_000, false, 3),
            new Part("GEL-PEST", "Cockroach gel, 30 g", "38089199", "pcs", 25_000, 60_000, false, 4),
            new Part("MCB-16A", "MCB 16 A", "85362030", "pcs", 15_000, 32_000, false, 3),
            new Part("WIRE-1.5", "Copper wire 1.5 sq mm", "85444999", "m", 2_200, 4_500, false, 20),
            new Part("CAM-2MP", "CCTV camera 2 MP", "85258900", "pcs", 210_000, 380_000, true, 1),
            new Part("DVR-8CH", "DVR 8 channel", "85219090", "pcs", 420_000, 690_000, true, 1),
            new Part("COMP-1.5T", "Compressor 1.5 t", "84143000", "pcs", 1_250_000, 1_899_900, true, 1),
            new Part("FAN-MTR", "Outdoor fan motor", "85013119", "pcs", 180_000, 320_000, false, 1));

    /** A technician's trade: the job types they work and the parts their van carries. */
    record Trade(String jobType, List<String> kit) {}

    static final List<Trade> TRADES = List.of(
            new Trade("AC_SERVICE", List.of("CAP-35", "GAS-R32", "COIL-CLN", "FAN-MTR", "COMP-1.5T")),
            new Trade("RO_SERVICE", List.of("RO-MEMB", "RO-FILT")),
            new Trade("PEST_CONTROL", List.of("GEL-PEST")),
            new Trade("CCTV_INSTALL", List.of("CAM-2MP", "DVR-8CH", "WIRE-1.5")),
            new Trade("ELECTRICAL", List.of("MCB-16A", "WIRE-1.5")));

    private final Random random;
    private final int branches;
    private final int techniciansPerBranch;
    private final boolean priceDrift;
    private final int leakEveryDays;
    private final int pingsPerJob;
    private long pings;
    private final Map<String, Part> parts = new HashMap<>();
    private final Map<String, Integer> quantities = new HashMap<>();
    private final Map<String, LinkedHashSet<String>> serials = new HashMap<>();
    private final List<Leak> leaks = new ArrayList<>();
    private long jobs;
    private long serialCounter;
    private long billCounter;

    /**
     * A generator of {@code branches} branches with {@code techniciansPerBranch} technicians each; {@code priceDrift}
     * lets receipt costs drift around the catalogue cost; one leak of each kind is planted every
     * {@code leakEveryDays} days (0: none); each job has {@code pingsPerJob} GPS pings of its technician, every 30 s
     * from setting out to completion (0: a journal without pings).
     */
    public StockJournalGenerator(long seed, int branches, int techniciansPerBranch, boolean priceDrift, int leakEveryDays,
                                 int pingsPerJob) {
        this.random = new Random(seed);
        this.branches = branches;
        this.techniciansPerBranch = techniciansPerBranch;
        this.priceDrift = priceDrift;
        this.leakEveryDays = leakEveryDays;
        this.pingsPerJob = pingsPerJob;
        CATALOGUE.forEach(p -> parts.put(p.sku(), p));
    }

    /** The audit time for a journal of {@code days} days: the morning after the last day. */
    public static OffsetDateTime asOf(int days) {
        return START.plusDays(days + 1L);
    }

    /** The leaks planted so far. */
    public List<Leak> leaks() {
        return List.copyOf(leaks);
    }

    /** Writes {@code days} days to {@code file}; returns the number of lines written. */
    public long writeDays(Path file, int days) throws IOException {
        return write(file, days, Long.MAX_VALUE)[1];
    }

    /** Writes days until at least {@code lines} lines are written; returns the number of days written. */
    public int writeLines(Path file, long lines) throws IOException {
        return (int) write(file, Integer.MAX_VALUE, lines)[0];
    }

    private long[] write(Path file, int days, long lines) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JournalWriter writer = JournalWriter.to(out)) {
            List<JournalRecord> opening = opening();
            for (JournalRecord r : opening) {
                writer.write(r);
            }
            long written = opening.size();
            int day = 0;
            while (day < days && written < lines) {
                List<JournalRecord> records = day(day++);
                records.sort(Comparator.comparing(StockJournalGenerator::time));
                for (JournalRecord r : records) {
                    writer.write(r);
                }
                written += records.size();
            }
            return new long[] {day, written};
        }
    }

    private static OffsetDateTime time(JournalRecord r) {
        if (r instanceof JournalRecord.Stock s) {
            return s.at();
        }
        if (r instanceof JournalRecord.Ping p) {
            return p.at();
        }
        return ((JournalRecord.JobRecord) r).at();
    }

    private List<JournalRecord> opening() {
        List<JournalRecord> out = new ArrayList<>();
        OffsetDateTime at = START.withHour(7);
        for (Part p : CATALOGUE) {
            out.add(new StockRecords.Sku(at, p.sku(), p.name(), p.hsn(), p.unit(), 1800, Money.inr(p.cost()),
                    Money.inr(p.sell()), p.serial()));
        }
        for (int b = 1; b <= branches; b++) {
            out.add(new StockRecords.Location(at, warehouse(b), LocationKind.WAREHOUSE, "Branch " + b + " store",
                    branch(b), null));
            for (int t = 1; t <= techniciansPerBranch; t++) {
                TechnicianId tech = technician(b, t);
                out.add(new JournalRecord.Technician(tech, branch(b), List.of(trade(t).jobType().toLowerCase())));
                out.add(new StockRecords.Location(at, van(tech), LocationKind.VAN, tech + "'s van", branch(b), tech));
                for (String sku : trade(t).kit()) {
                    out.add(new StockRecords.Minimum(at, van(tech), sku, Math.max(1, parts.get(sku).kit() / 2)));
                }
            }
        }
        out.sort(Comparator.comparing(r -> r instanceof JournalRecord.Technician ? 0 : 1));
        return out;
    }

    private List<JournalRecord> day(int day) {
        List<JournalRecord> out = new ArrayList<>();
        OffsetDateTime date = START.plusDays(day);
        boolean plant = leakEveryDays > 0 && day % leakEveryDays == leakEveryDays - 1;
        for (int b = 1; b <= branches; b++) {
            buy(out, b, date.withHour(7).withMinute(30));
            for (int t = 1; t <= techniciansPerBranch; t++) {
                load(out, b, technician(b, t), trade(t), date.withHour(8));
            }
            for (int t = 1; t <= techniciansPerBranch; t++) {
                work(out, b, technician(b, t), trade(t), date, plant && t == 1 + b % techniciansPerBranch);
                boolean shrink = plant && b == 1 && t == techniciansPerBranch;
                if ((day + t + b) % 7 == 0 || shrink) {
                    count(out, technician(b, t), trade(t), date.withHour(19).plusMinutes(t), shrink);
                }
            }
            if (random.nextInt(5) == 0) {
                writeOff(out, b, date.withHour(18));
            }
        }
        return out;
    }

    /** The warehouse buys each part it holds less than a day's loading of. */
    private void buy(List<JournalRecord> out, int b, OffsetDateTime at) {
        for (Part p : CATALOGUE) {
            int reorder = p.kit() * techniciansPerBranch;
            String key = key(warehouse(b), p.sku());
            if (quantities.getOrDefault(key, 0) < reorder) {
                int quantity = 2 * reorder;
                List<String> received = new ArrayList<>();
                if (p.serial()) {
                    for (int i = 0; i < quantity; i++) {
                        received.add(p.sku() + "-SN" + (++serialCounter));
                    }
                }
                long cost = priceDrift ? p.cost() * (95 + random.nextInt(11)) / 100 : p.cost();
                out.add(new StockRecords.Receipt(at, warehouse(b), p.sku(), quantity, Money.inr(cost), received,
                        "BILL-" + (++billCounter)));
                arrive(warehouse(b), p.sku(), quantity, received);
            }
        }
    }

    /** Each van is topped up to its kit from its branch's warehouse. */
    private void load(List<JournalRecord> out, int b, TechnicianId tech, Trade trade, OffsetDateTime at) {
        for (String sku : trade.kit()) {
            int missing = parts.get(sku).kit() - quantities.getOrDefault(key(van(tech), sku), 0);
            int quantity = Math.min(missing, quantities.getOrDefault(key(warehouse(b), sku), 0));
            if (quantity > 0) {
                List<String> moved = leave(warehouse(b), sku, quantity);
                out.add(new StockRecords.Transfer(at, warehouse(b), van(tech), sku, quantity, moved));
                arrive(van(tech), sku, quantity, moved);
            }
        }
    }

    private void work(List<JournalRecord> out, int b, TechnicianId tech, Trade trade, OffsetDateTime date, boolean plant) {
        OffsetDateTime clock = date.withHour(9).plusMinutes(random.nextInt(30));
        for (int k = 0; k < 5; k++) {
            JobId job = JobId.of(String.format("J-%06d", ++jobs));
            long quote = (499 + 250L * random.nextInt(6)) * 100;
            out.add(new JournalRecord.JobCreated(job, clock.minusHours(2), branch(b), CustomerId.of("C-" + jobs),
                    trade.jobType(), GeoPoint.of(12.90 + random.nextDouble() * 0.15, 77.50 + random.nextDouble() * 0.15),
                    80, Money.inr(quote), null));
            out.add(new JournalRecord.JobAssigned(job, clock.minusMinutes(90), tech));
            out.add(new JournalRecord.JobStatusChanged(job, clock.minusMinutes(30), JobStatus.EN_ROUTE, ""));
            for (int i = 0; i < pingsPerJob; i++) {
                out.add(new JournalRecord.Ping("P-" + (++pings), tech, clock.minusMinutes(30).plusSeconds(30L * i),
                        12.90 + random.nextDouble() * 0.15, 77.50 + random.nextDouble() * 0.15, 8));
            }
            out.add(new JournalRecord.JobStatusChanged(job, clock, JobStatus.ARRIVED, ""));
            out.add(new JournalRecord.JobStatusChanged(job, clock.plusMinutes(5), JobStatus.WORK_STARTED, ""));
            List<String> billed = new ArrayList<>();
            long due = quote;
            int roll = random.nextInt(100);
            String sku = trade.kit().get(random.nextInt(trade.kit().size()));
            if (plant && k == 0) {
                // off-book: a part of another trade, which this van never carries
                Part foreign = parts.get(trade.jobType().equals("RO_SERVICE") ? "MCB-16A" : "RO-MEMB");
                out.add(part(job, clock.plusMinutes(30), foreign, 1, true));
                billed.add(foreign.sku());
                due += foreign.sell();
                leaks.add(new Leak("OFF_BOOK_PART", job.value(), foreign.sku(), foreign.cost()));
            } else if (plant && k == 1 && quantities.getOrDefault(key(van(tech), sku), 0) > 0) {
                // taken from the van for the job, never recorded on it nor billed
                out.add(new StockRecords.Use(clock.plusMinutes(20), van(tech), sku, 1, leave(van(tech), sku, 1), job));
                leaks.add(new Leak("PARTS_NOT_BILLED", job.value(), null, parts.get(sku).sell()));
            } else if (plant && k == 2 && quantities.getOrDefault(key(van(tech), sku), 0) > 0) {
                // taken from the van for no job at all
                out.add(new StockRecords.Use(clock.plusMinutes(40), van(tech), sku, 1, leave(van(tech), sku, 1), null));
                leaks.add(new Leak("VAN_USE_UNEXPLAINED", null, van(tech) + ":" + sku, parts.get(sku).cost()));
            } else if (roll < 60 && quantities.getOrDefault(key(van(tech), sku), 0) > 0) {
                Part p = parts.get(sku);
                boolean billable = roll >= 8;
                if (roll < 3 && quantities.get(key(van(tech), sku)) > 1 && !p.serial()) {
                    // taken for the job two at a time, one used, the other put back in the van when the work is done
                    out.add(new StockRecords.Use(clock.plusMinutes(10), van(tech), sku, 2, List.of(), job));
                    leave(van(tech), sku, 2);
                    out.add(part(job, clock.plusMinutes(30), p, 1, billable));
                    out.add(new StockRecords.Return(clock.plusMinutes(50), van(tech), job, sku, 1, List.of()));
                    arrive(van(tech), sku, 1, List.of());
                } else {
                    out.add(part(job, clock.plusMinutes(30), p, 1, billable));
                    leave(van(tech), sku, 1);
                }
                if (billable) {
                    billed.add(sku);
                    due += p.sell();
                }
            }
            OffsetDateTime done = clock.plusMinutes(60);
            out.add(new JournalRecord.JobStatusChanged(job, done, JobStatus.COMPLETED, ""));
            out.add(new JournalRecord.JobPayment(job, done.plusMinutes(2), PaymentMode.UPI, Money.inr(due),
                    String.format("%012d", 400_000_000_000L + jobs), null, null));
            out.add(new JournalRecord.JobInvoice(job, done.plusMinutes(5), "INV/" + job.value(), Money.inr(due), billed));
            clock = done.plusMinutes(20 + random.nextInt(40));
        }
    }

    private static JournalRecord.JobPart part(JobId job, OffsetDateTime at, Part p, int quantity, boolean billable) {
        return new JournalRecord.JobPart(job, at, p.sku(), p.hsn(), quantity, Money.inr(p.sell()), billable);
    }

    /** A van counted: every part it holds, honestly, or one short of a part without serials when planted. */
    private void count(List<JournalRecord> out, TechnicianId tech, Trade trade, OffsetDateTime at, boolean plant) {
        boolean planted = false;
        for (String sku : trade.kit()) {
            String key = key(van(tech), sku);
            int held = quantities.getOrDefault(key, 0);
            if (plant && !planted && held > 0 && !parts.get(sku).serial()) {
                planted = true;
                leave(van(tech), sku, 1);
                out.add(new StockRecords.Count(at, van(tech), sku, held - 1, List.of()));
                leaks.add(new Leak("STOCK_SHRINKAGE", null, van(tech) + ":" + sku, parts.get(sku).cost()));
            } else {
                out.add(new StockRecords.Count(at, van(tech), sku, held,
                        List.copyOf(serials.getOrDefault(key, new LinkedHashSet<>()))));
            }
        }
    }

    private void writeOff(List<JournalRecord> out, int b, OffsetDateTime at) {
        Part p = CATALOGUE.get(random.nextInt(CATALOGUE.size()));
        if (quantities.getOrDefault(key(warehouse(b), p.sku()), 0) > 0) {
            out.add(new StockRecords.WriteOff(at, warehouse(b), p.sku(), 1, WriteOffReason.DAMAGED, "damaged in the store",
                    leave(warehouse(b), p.sku(), 1)));
        }
    }

    /** Takes units out of a location; for a serial-tracked part, its first serials (as the stock engine does). */
    private List<String> leave(LocationId location, String sku, int quantity) {
        String key = key(location, sku);
        quantities.merge(key, -quantity, Integer::sum);
        if (!parts.get(sku).serial()) {
            return List.of();
        }
        LinkedHashSet<String> held = serials.get(key);
        List<String> out = new ArrayList<>(held).subList(0, quantity);
        out = List.copyOf(out);
        out.forEach(held::remove);
        return out;
    }

    private void arrive(LocationId location, String sku, int quantity, List<String> received) {
        String key = key(location, sku);
        quantities.merge(key, quantity, Integer::sum);
        serials.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(received);
    }

    private static String key(LocationId location, String sku) {
        return location.value() + "|" + sku;
    }

    private static BranchId branch(int b) {
        return BranchId.of("BLR-" + b);
    }

    private static LocationId warehouse(int b) {
        return LocationId.of("WH-" + b);
    }

    private static TechnicianId technician(int b, int t) {
        return TechnicianId.of(String.format("T-%d%02d", b, t));
    }

    private static LocationId van(TechnicianId tech) {
        return LocationId.of("VAN-" + tech.value());
    }

    private static Trade trade(int t) {
        return TRADES.get((t - 1) % TRADES.size());
    }

    /**
     * With a directory (default {@code examples/data/stock}), writes the sample there: {@code journal.jsonl} (3
     * branches of 5 technicians, 7 days, seed 42, a leak of each kind planted on days 3 and 6), {@code truth.jsonl}
     * (the planted leaks) and {@code as_of.txt}. With a file, a line count and pings per job, writes a journal of the
     * kind {@link StockCliMain} measures (4 branches of 25 technicians, drifting costs, leaks every 7 days) and prints
     * its audit time.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 3) {
            StockJournalGenerator generator = new StockJournalGenerator(42, 4, 25, true, 7, Integer.parseInt(args[2]));
            System.out.println(asOf(generator.writeLines(Path.of(args[0]), Long.parseLong(args[1]))));
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "examples/data/stock");
        Files.createDirectories(dir);
        StockJournalGenerator generator = new StockJournalGenerator(42, 3, 5, false, 3, 0);
        int days = 7;
        long lines = generator.writeDays(dir.resolve("journal.jsonl"), days);
        try (Writer truth = Files.newBufferedWriter(dir.resolve("truth.jsonl"), StandardCharsets.UTF_8)) {
            for (Leak leak : generator.leaks()) {
                truth.write("{\"code\":\"" + leak.code() + "\"" + (leak.job() == null ? "" : ",\"job\":\"" + leak.job() + "\"")
                        + (leak.reference() == null ? "" : ",\"reference\":\"" + leak.reference() + "\"")
                        + ",\"amount\":" + leak.amount() + "}\n");
            }
        }
        Files.writeString(dir.resolve("as_of.txt"), asOf(days) + "\n");
        System.out.printf("%,d lines, %d planted leaks, as of %s, written to %s%n", lines, generator.leaks().size(),
                asOf(days), dir);
    }
}
