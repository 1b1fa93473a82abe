package io.github.geodispatch.stock;

import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.JournalWriter;
import io.github.geodispatch.journal.StockRecords;
import io.github.geodispatch.leakage.LeakageAudit;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.LocationKind;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TechnicianId;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A small stock history written as a journal (times in minutes after {@link #T0}): branch BLR-1, warehouse WH-1,
 * Ravi's van VAN-ravi, a capacitor CAP-35 (cost 210.00, sell 450.00) and a compressor COMP (serials); run through
 * {@link StockAudit} by way of {@link JournalWriter} and the journal reader, as the CLI does.
 */
final class StockJournal {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-02T09:00:00+05:30");
    static final BranchId BRANCH = BranchId.of("BLR-1");
    static final LocationId WAREHOUSE = LocationId.of("WH-1");
    static final LocationId VAN = LocationId.of("VAN-ravi");
    static final TechnicianId RAVI = TechnicianId.of("ravi");
    static final String CAP = "CAP-35";
    static final String COMP = "COMP";

    final List<JournalRecord> records = new ArrayList<>();

    static OffsetDateTime at(long minutes) {
        return T0.plusMinutes(minutes);
    }

    static Instant instant(long minutes) {
        return at(minutes).toInstant();
    }

    /** The catalogue, the warehouse with 10 capacitors at 200.00 and 2 compressors, and Ravi's empty van. */
    static StockJournal opened() {
        StockJournal j = new StockJournal();
        j.records.add(new JournalRecord.Technician(RAVI, BRANCH, List.of("ac")));
        j.records.add(new StockRecords.Sku(at(0), CAP, "Capacitor 35 uF", "85322200", "pcs", 1800, Money.inr(21_000),
                Money.inr(45_000), false));
        j.records.add(new StockRecords.Sku(at(0), COMP, "Compressor", "84143000", "pcs", 2800, Money.inr(1_250_000),
                Money.inr(1_899_900), true));
        j.records.add(new StockRecords.Location(at(0), WAREHOUSE, LocationKind.WAREHOUSE, "Store", BRANCH, null));
        j.records.add(new StockRecords.Location(at(0), VAN, LocationKind.VAN, "Ravi's van", BRANCH, RAVI));
        j.records.add(new StockRecords.Receipt(at(1), WAREHOUSE, CAP, 10, Money.inr(20_000), List.of(), "BILL-1"));
        j.records.add(new StockRecords.Receipt(at(1), WAREHOUSE, COMP, 2, Money.inr(1_200_000), List.of("SN-1", "SN-2"),
                "BILL-2"));
        return j;
    }

    StockJournal add(JournalRecord record) {
        records.add(record);
        return this;
    }

    StockJournal load(String sku, int quantity, long minute) {
        return add(new StockRecords.Transfer(at(minute), WAREHOUSE, VAN, sku, quantity, List.of()));
    }

    /** Job {@code job} created and assigned to Ravi at {@code minute}, with a 1,499.00 quote. */
    StockJournal job(String job, long minute) {
        add(new JournalRecord.JobCreated(JobId.of(job), at(minute), BRANCH, CustomerId.of("C-" + job), "AC_SERVICE",
                GeoPoint.of(12.93, 77.62), 80, Money.inr(149_900), null));
        return add(new JournalRecord.JobAssigned(JobId.of(job), at(minute), RAVI));
    }

    StockJournal part(String job, String sku, int quantity, long minute) {
        return add(new JournalRecord.JobPart(JobId.of(job), at(minute), sku, "85322200", quantity, Money.inr(45_000), true));
    }

    StockJournal completed(String job, long minute) {
        return add(new JournalRecord.JobStatusChanged(JobId.of(job), at(minute), JobStatus.COMPLETED, ""));
    }

    StockJournal invoice(String job, long minute, String... parts) {
        return add(new JournalRecord.JobInvoice(JobId.of(job), at(minute), "INV/" + job, Money.inr(149_900), List.of(parts)));
    }

    StockJournal take(String sku, int quantity, String job, long minute) {
        return add(new StockRecords.Use(at(minute), VAN, sku, quantity, List.of(), job == null ? null : JobId.of(job)));
    }

    StockJournal count(LocationId location, String sku, int quantity, long minute) {
        return add(new StockRecords.Count(at(minute), location, sku, quantity, List.of()));
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JournalWriter w = JournalWriter.to(out)) {
            for (JournalRecord r : records) {
                w.write(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    StockJournal returned(String job, String sku, int quantity, long minute) {
        return add(new StockRecords.Return(at(minute), VAN, JobId.of(job), sku, quantity, List.of()));
    }

    StockReport audit(long asOfMinute) {
        return audit(asOfMinute, LeakageAudit.DEFAULT_WINDOW);
    }

    /** The audit as of {@code asOfMinute}, letting go of jobs done and untouched for {@code window}. */
    StockReport audit(long asOfMinute, Duration window) {
        try {
            return StockAudit.run(new ByteArrayInputStream(bytes()), instant(asOfMinute),
                    new StockAudit.Options(Currency.INR, ZoneId.of("Asia/Kolkata"), false, window));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
