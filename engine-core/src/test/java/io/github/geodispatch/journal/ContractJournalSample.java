package io.github.geodispatch.journal;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractKind;
import io.github.geodispatch.spi.ContractPlan;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.Equipment;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PartsCover;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample contracts journal, {@code examples/data/contracts/journal.jsonl}: six customers of a Bengaluru AC and
 * RO business with their sites, equipment and contracts, and the jobs done under them up to 30 Nov 2026, with one
 * of each contract leak planted (see {@link #PLANTED}). {@code ContractJournalTest} checks the file is exactly what
 * this class writes (run it with {@code -Dgeodispatch.regenerate=true} to rewrite the file).
 */
final class ContractJournalSample {
    static final String FILE = "contracts/journal.jsonl";
    static final OffsetDateTime AS_OF = OffsetDateTime.parse("2026-11-30T18:00:00+05:30");
    static final BranchId BRANCH = BranchId.of("BLR-KOR");
    static final TechnicianId TECH = TechnicianId.of("T-KOR-01");
    /** Each planted leak: code and the job or contract it is on. */
    static final List<String> PLANTED = List.of("COVERED_JOB_CHARGED J-101-REP", "AMC_CLAIM_UNCOVERED J-104-REP",
            "EXTRA_VISIT_NOT_BILLED J-105-REP", "EXPIRED_CONTRACT_WORK_NOT_BILLED J-103-REP",
            "CONTRACT_VISITS_MISSED AMC-099");

    private final List<JournalRecord> records = new ArrayList<>();
    private final java.util.Map<String, GeoPoint> sites = new java.util.HashMap<>();

    static List<JournalRecord> records() {
        ContractJournalSample s = new ContractJournalSample();
        s.build();
        return s.records;
    }

    static String text() throws IOException {
        StringWriter out = new StringWriter();
        try (JournalWriter w = JournalWriter.to(out)) {
            for (JournalRecord r : records()) {
                w.write(r);
            }
        }
        return out.toString();
    }

    private static OffsetDateTime at(String day, int hour) {
        return LocalDate.parse(day).atTime(hour, 0).atOffset(ZoneOffset.ofHoursMinutes(5, 30));
    }

    private static ContractPlan plan(int perYear, int interval, String visitType, int calls, List<String> types,
                                     PartsCover parts, int discount) {
        return new ContractPlan(perYear, interval, 14, visitType, calls, types, parts, discount, true, 24);
    }

    private void build() {
        records.add(new JournalRecord.Technician(TECH, BRANCH, List.of("ac", "ro")));
        // C-101: a household AMC, four visits a year; a breakdown call charged although covered
        customer("C-101", "Sharma Residence", "+91 98450 11111", null, null, "hi", "2025-12-20", "S-101", 12.9352, 77.6245);
        records.add(new CustomerRecords.EquipmentAdded(CustomerId.of("C-101"), at("2025-12-20", 10), new Equipment(
                EquipmentId.of("EQ-101"), SiteId.of("S-101"), "SPLIT_AC", "Daikin", "FTKF50", "DK50-771201",
                LocalDate.of(2024, 12, 10), LocalDate.of(2026, 12, 9))));
        contract("C-101", "AMC-101", List.of("EQ-101"), plan(4, 0, "AC_PM", 2, List.of("AC_PM", "AC_REPAIR"),
                PartsCover.DISCOUNT, 1_000), "4999.00", 1, "2026-01-15", "2027-01-14", null, "2026-01-10");
        job("J-101-V1", "C-101", "S-101", "AC_PM", "0.00", "AMC-101", "2027-01-14", "2026-01-20", PaymentMode.AMC, "AMC-101");
        job("J-101-V2", "C-101", "S-101", "AC_PM", "0.00", "AMC-101", "2027-01-14", "2026-04-20", PaymentMode.AMC, "AMC-101");
        job("J-101-V4", "C-101", "S-101", "AC_PM", "0.00", "AMC-101", "2027-01-14", "2026-10-20", PaymentMode.AMC, "AMC-101");
        job("J-101-REP", "C-101", "S-101", "AC_REPAIR", "1200.00", "AMC-101", "2027-01-14", "2026-08-05", PaymentMode.CARD, null);
        // C-102: a B2B RO contract every 90 days, ending in nine days with no renewal yet
        customer("C-102", "Green Leaf Foods Pvt Ltd", "+918041234567", "accounts@greenleaf.example", "29AAACL1234F1ZV",
                "en", "2025-12-01", "S-102", 12.9279, 77.6271);
        records.add(new CustomerRecords.EquipmentAdded(CustomerId.of("C-102"), at("2025-12-01", 11), new Equipment(
                EquipmentId.of("EQ-102"), SiteId.of("S-102"), "RO_PURIFIER", "Kent", "Grand Plus", "KENT-RO-5531",
                LocalDate.of(2025, 6, 1), null)));
        contract("C-102", "AMC-102", List.of("EQ-102"), plan(0, 90, "RO_SERVICE", 0, List.of("RO_SERVICE"),
                PartsCover.FULL, 0), "3600.00", 4, "2025-12-10", "2026-12-09", null, "2025-12-05");
        for (String day : List.of("2025-12-12", "2026-03-12", "2026-06-10", "2026-09-08")) {
            job("J-102-" + day, "C-102", "S-102", "RO_SERVICE", "0.00", "AMC-102", "2026-12-09", day, PaymentMode.AMC, "AMC-102");
        }
        // C-103: a clinic whose contract expired with its second visit never done; later work still claimed as AMC
        customer("C-103", "Iyer Clinic", "+919900112233", null, null, "ta", "2025-06-20", "S-103", 12.9345, 77.6101);
        contract("C-103", "AMC-099", List.of(), plan(2, 0, "AC_PM", 0, List.of("AC_PM", "AC_REPAIR"), PartsCover.NONE, 0),
                "2999.00", 1, "2025-07-01", "2026-06-30", null, "2025-06-25");
        job("J-103-V1", "C-103", "S-103", "AC_PM", "0.00", "AMC-099", "2026-06-30", "2025-07-05", PaymentMode.AMC, "AMC-099");
        job("J-103-REP", "C-103", "S-103", "AC_REPAIR", "1500.00", "AMC-099", "2026-12-31", "2026-09-10", PaymentMode.AMC, "AMC-099");
        // C-104: no contract at all, a repair claimed as AMC (free work)
        customer("C-104", "Patel Sweets", "+919812345678", null, null, "gu", "2026-10-01", "S-104", 12.9401, 77.6189);
        job("J-104-REP", "C-104", "S-104", "AC_REPAIR", "900.00", "AMC-104", "2027-03-31", "2026-11-02", PaymentMode.AMC, "AMC-104");
        // C-105: one visit a year and no breakdown calls; a second call claimed as AMC is beyond the entitlement
        customer("C-105", "Rao Apartments", "+919845055555", null, null, "kn", "2026-01-20", "S-105", 12.9311, 77.6301);
        contract("C-105", "AMC-105", List.of(), plan(1, 0, "AC_PM", 0, List.of("AC_PM", "AC_REPAIR"), PartsCover.NONE, 0),
                "1999.00", 1, "2026-02-01", "2027-01-31", null, "2026-01-25");
        job("J-105-V1", "C-105", "S-105", "AC_PM", "0.00", "AMC-105", "2027-01-31", "2026-03-01", PaymentMode.AMC, "AMC-105");
        job("J-105-REP", "C-105", "S-105", "AC_REPAIR", "1100.00", "AMC-105", "2027-01-31", "2026-11-10", PaymentMode.AMC, "AMC-105");
        // C-106: a contract renewed on time; the renewal's first visit is overdue
        customer("C-106", "Khan Residency", "+919845066666", "khan@example.in", null, "ur", "2025-10-20", "S-106", 12.9288, 77.6350);
        contract("C-106", "AMC-106A", List.of(), plan(1, 0, "AC_PM", 1, List.of("AC_PM", "AC_REPAIR"), PartsCover.NONE, 0),
                "2499.00", 1, "2025-11-01", "2026-10-31", null, "2025-10-25");
        job("J-106-V1", "C-106", "S-106", "AC_PM", "0.00", "AMC-106A", "2026-10-31", "2025-11-05", PaymentMode.AMC, "AMC-106A");
        contract("C-106", "AMC-106B", List.of(), plan(1, 0, "AC_PM", 1, List.of("AC_PM", "AC_REPAIR"), PartsCover.NONE, 0),
                "2699.00", 1, "2026-11-01", "2027-10-31", "AMC-106A", "2026-10-20");
        records.sort(java.util.Comparator.comparing(ContractJournalSample::time));
    }

    private static OffsetDateTime time(JournalRecord r) {
        if (r instanceof JournalRecord.CustomerRecord c) {
            return c.at();
        }
        if (r instanceof JournalRecord.JobRecord j) {
            return j.at();
        }
        return OffsetDateTime.MIN;
    }

    private void customer(String id, String name, String phone, String email, String gstin, String language, String day,
                          String site, double lat, double lng) {
        CustomerId c = CustomerId.of(id);
        sites.put(site, GeoPoint.of(lat, lng));
        records.add(new CustomerRecords.Registered(c, at(day, 9), BRANCH, new CustomerProfile(name, List.of(phone), email,
                language, gstin, null, "Koramangala, Bengaluru 560034")));
        records.add(new CustomerRecords.SiteAdded(c, at(day, 10), new CustomerSite(SiteId.of(site), GeoPoint.of(lat, lng),
                name + ", Koramangala", "call on arrival")));
    }

    private void contract(String customer, String id, List<String> equipment, ContractPlan plan, String price,
                          int instalments, String start, String end, String renews, String signed) {
        CustomerId c = CustomerId.of(customer);
        String site = "S-" + customer.substring(2);
        records.add(new CustomerRecords.ContractDrafted(c, at(signed, 11), new ContractTerms(ContractId.of(id),
                ContractKind.AMC, List.of(SiteId.of(site)), equipment.stream().map(EquipmentId::of).toList(), plan,
                Money.parse(price, io.github.geodispatch.spi.Currency.INR), instalments, LocalDate.parse(start),
                LocalDate.parse(end), renews == null ? null : ContractId.of(renews))));
        records.add(new CustomerRecords.ContractActivated(c, at(signed, 12), ContractId.of(id)));
    }

    /** A job created, assigned, proven and completed on {@code day}, then paid by {@code mode}. */
    private void job(String id, String customer, String site, String type, String quote, String coverageRef,
                     String validUntil, String day, PaymentMode mode, String reference) {
        JobId job = JobId.of(id);
        records.add(new JournalRecord.JobCreated(job, at(day, 9), BRANCH, CustomerId.of(customer), type,
                sites.get(site), 80, Money.parse(quote, io.github.geodispatch.spi.Currency.INR),
                new Coverage(CoverageKind.AMC, coverageRef, LocalDate.parse(validUntil), List.of())));
        records.add(new JournalRecord.JobAssigned(job, at(day, 10), TECH));
        records.add(new JournalRecord.JobStatusChanged(job, at(day, 11), JobStatus.ARRIVED, null));
        records.add(new JournalRecord.JobProof(job, at(day, 12), ProofKind.PHOTO, "photo:" + id));
        records.add(new JournalRecord.JobProof(job, at(day, 12), ProofKind.OTP, "otp:" + id));
        records.add(new JournalRecord.JobStatusChanged(job, at(day, 13), JobStatus.COMPLETED, null));
        records.add(new JournalRecord.JobPayment(job, at(day, 14), mode, Money.parse(mode == PaymentMode.CARD ? quote : "0.00",
                io.github.geodispatch.spi.Currency.INR), reference, null, null));
    }
}
