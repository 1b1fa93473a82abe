package io.github.geodispatch.benchmarks.leakage;

import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.JournalWriter;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.TechnicianId;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic business history as a journal: technicians working five jobs a day (travel and on-site
 * pings every 30 s, status changes, parts, proof, UPI/cash/AMC/B2B payments with their statement credits,
 * invoices and evening cash deposits), with about 3% of jobs leaking (no payment status, a short collection, a
 * missing statement). Deterministic for a seed; about 130 lines per job. Not thread-safe.
 */
public final class JournalGenerator {
    /** How a team's UPI payments reach the journal. */
    public enum Upi {
        /** The technician records the UTR and the bank statement names the job (the app's payment link). */
        REFERENCED,
        /**
         * Customers pay the shop's QR code and send a screenshot: the statement names no job, and the technician
         * records the UTR on only half the jobs. The other credits can link by amount and time only, as the many
         * teams that do not type UTRs see them.
         */
        SCREENSHOTS,
        /**
         * As {@link #SCREENSHOTS}, but where the technician has no UTR they type "NA" (the app's field is required):
         * every such claim carries the same reference, and each but the first is a duplicate of it.
         */
        PLACEHOLDER
    }

    /** Where the jobs are. */
    public enum Sites {
        /** Anywhere in a city some 16 km across: each technician drives between jobs. */
        CITY,
        /**
         * All on one campus some 150 m across (a hospital, a factory, a tech park with a resident team): each job's
         * fence overlaps many others, and a technician comes back to the same places every day.
         */
        CAMPUS
    }

    private static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 10, 1, 0, 0, 0, 0, IST);

    private final Random random;
    private final int technicians;
    private final Upi upi;
    private final Sites sites;
    private int stintDays;
    private long jobCounter;
    private long utrCounter = 300_000_000_000L;

    public JournalGenerator(long seed, int technicians) {
        this(seed, technicians, Upi.REFERENCED);
    }

    public JournalGenerator(long seed, int technicians, Upi upi) {
        this(seed, technicians, upi, Sites.CITY);
    }

    public JournalGenerator(long seed, int technicians, Upi upi, Sites sites) {
        this.random = new Random(seed);
        this.technicians = technicians;
        this.upi = upi;
        this.sites = sites;
    }

    /**
     * Makes a team with turnover: each technician works {@code days} days and leaves, and a new one (named after the
     * place they take, {@code T-007-2}) starts the next morning, as on a gig platform. 0, the default, keeps the team.
     */
    public JournalGenerator stints(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a stint is 0 (none) or more days, was " + days);
        }
        this.stintDays = days;
        return this;
    }

    /** The audit time for a journal of {@code days} days: the morning after the last day plus three days. */
    public static OffsetDateTime asOf(int days) {
        return START.plusDays(days + 3L);
    }

    /** Writes days until at least {@code lines} lines are written; returns the number of days written. */
    public int write(Path file, long lines) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JournalWriter writer = JournalWriter.to(out)) {
            long written = 0;
            for (int t = 1; t <= technicians; t++) {
                writer.write(new JournalRecord.Technician(tech(t), BranchId.of("BR-" + (t % 2 + 1)), List.of("ac")));
                written++;
            }
            int day = 0;
            while (written < lines) {
                List<JournalRecord> records = day(day++);
                records.sort(Comparator.comparing(JournalGenerator::time));
                for (JournalRecord r : records) {
                    writer.write(r);
                }
                written += records.size();
            }
            return day;
        }
    }

    private static TechnicianId tech(int t) {
        return TechnicianId.of(String.format("T-%03d", t));
    }

    /** Who works in place {@code t} on {@code day}: the first technician, or the one of that stint. */
    private TechnicianId tech(int t, int day) {
        int stint = stintDays == 0 ? 0 : day / stintDays;
        return stint == 0 ? tech(t) : TechnicianId.of(String.format("T-%03d-%d", t, stint));
    }

    private List<JournalRecord> day(int day) {
        List<JournalRecord> out = new ArrayList<>();
        OffsetDateTime morning = START.plusDays(day).withHour(8);
        for (int t = 1; t <= technicians; t++) {
            TechnicianId tech = tech(t, day);
            BranchId branch = BranchId.of("BR-" + (t % 2 + 1));
            if (stintDays > 0 && day > 0 && day % stintDays == 0) {
                out.add(new JournalRecord.Technician(tech, branch, List.of("ac")));
            }
            double lat = coordinate(12.90);
            double lng = coordinate(77.50);
            OffsetDateTime clock = morning.plusMinutes(random.nextInt(20));
            long cash = 0;
            for (int k = 0; k < 5; k++) {
                JobId job = JobId.of("J-" + (++jobCounter));
                double siteLat = coordinate(12.90);
                double siteLng = coordinate(77.50);
                long quote = (499 + 250L * random.nextInt(9)) * 100;
                int kind = random.nextInt(10);
                Coverage coverage = kind == 0 ? new Coverage(CoverageKind.AMC, "AMC-" + job, LocalDate.of(2027, 3, 31),
                        List.of("AC_SERVICE")) : null;
                out.add(new JournalRecord.JobCreated(job, clock.minusHours(12), branch, CustomerId.of("C-" + job),
                        "AC_SERVICE", GeoPoint.of(siteLat, siteLng), 80, Money.inr(quote), coverage));
                out.add(new JournalRecord.JobAssigned(job, clock, tech));
                out.add(new JournalRecord.JobStatusChanged(job, clock.plusMinutes(1), JobStatus.EN_ROUTE, ""));
                int ping = 0;
                for (int s = 0; s < 40; s++) {
                    double f = s / 40.0;
                    out.add(ping(job, ++ping, tech, clock.plusSeconds(60 + 30L * s), lat + (siteLat - lat) * f,
                            lng + (siteLng - lng) * f));
                }
                OffsetDateTime arrived = clock.plusMinutes(21);
                out.add(new JournalRecord.JobStatusChanged(job, arrived, JobStatus.ARRIVED, ""));
                out.add(new JournalRecord.JobStatusChanged(job, arrived.plusMinutes(2), JobStatus.WORK_STARTED, ""));
                for (int s = 0; s < 80; s++) {
                    out.add(ping(job, ++ping, tech, arrived.plusSeconds(30L * s), siteLat + jitter(), siteLng + jitter()));
                }
                long due = coverage != null ? 0 : quote;
                if (random.nextInt(3) == 0) {
                    out.add(new JournalRecord.JobPart(job, arrived.plusMinutes(15), "CAP-35", "85322200", 1,
                            Money.inr(35_000), true));
                    due += 35_000;
                }
                out.add(new JournalRecord.JobProof(job, arrived.plusMinutes(35), ProofKind.PHOTO, "ph-" + job));
                out.add(new JournalRecord.JobProof(job, arrived.plusMinutes(37), ProofKind.OTP, "otp-" + job));
                OffsetDateTime done = arrived.plusMinutes(40);
                out.add(new JournalRecord.JobStatusChanged(job, done, JobStatus.COMPLETED, ""));
                int leak = random.nextInt(100);
                if (leak == 0) {
                    // no payment status at all
                } else if (kind == 0) {
                    out.add(new JournalRecord.JobPayment(job, done, PaymentMode.AMC, Money.inr(0), "AMC-" + job, null, null));
                    if (due > 0) {
                        cash += due;
                        out.add(new JournalRecord.JobPayment(job, done, PaymentMode.CASH, Money.inr(due), null, null, null));
                    }
                } else if (kind == 1) {
                    out.add(new JournalRecord.JobPayment(job, done, PaymentMode.INVOICE_REQUIRED, Money.inr(0), null, null,
                            null));
                    out.add(new JournalRecord.JobInvoice(job, done.plusHours(3), "INV/" + job, Money.inr(due),
                            due > quote ? List.of("CAP-35") : List.of()));
                } else if (kind <= 3) {
                    long paid = leak == 1 ? due - 10_000 : due;
                    cash += paid;
                    out.add(new JournalRecord.JobPayment(job, done, PaymentMode.CASH, Money.inr(paid), null, null, null));
                } else {
                    String utr = String.valueOf(++utrCounter);
                    boolean screenshot = upi != Upi.REFERENCED;
                    String recorded = screenshot && random.nextBoolean() ? (upi == Upi.PLACEHOLDER ? "NA" : null) : utr;
                    out.add(new JournalRecord.JobPayment(job, done, PaymentMode.UPI, Money.inr(due), recorded, null, null));
                    if (leak != 2) {
                        out.add(new JournalRecord.Statement(done.plusMinutes(30 + random.nextInt(120)), "UPI", utr,
                                Money.inr(due), screenshot ? null : job.value(), null));
                    }
                }
                lat = siteLat;
                lng = siteLng;
                clock = done.plusMinutes(5 + random.nextInt(10));
            }
            if (cash > 0) {
                out.add(new JournalRecord.CashDeposit(clock.plusHours(2), tech, Money.inr(cash), "SLIP-" + tech + "-" + day));
            }
        }
        return out;
    }

    /** A latitude or longitude from {@code from}: across the city's 0.15°, or the campus's 0.0014° at its middle. */
    private double coordinate(double from) {
        return sites == Sites.CITY ? from + random.nextDouble() * 0.15 : from + 0.075 + (random.nextDouble() - 0.5) * 0.0014;
    }

    private JournalRecord.Ping ping(JobId job, int n, TechnicianId tech, OffsetDateTime at, double lat, double lng) {
        return new JournalRecord.Ping(job + "-" + n, tech, at, lat, lng, 5 + random.nextInt(20));
    }

    private double jitter() {
        return (random.nextDouble() - 0.5) * 0.0003;
    }

    private static OffsetDateTime time(JournalRecord r) {
        if (r instanceof JournalRecord.JobRecord j) {
            return j.at();
        }
        if (r instanceof JournalRecord.Statement s) {
            return s.at();
        }
        if (r instanceof JournalRecord.CashDeposit d) {
            return d.at();
        }
        if (r instanceof JournalRecord.Ping p) {
            return p.at();
        }
        return START;
    }
}
