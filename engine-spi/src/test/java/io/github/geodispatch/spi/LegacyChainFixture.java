package io.github.geodispatch.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One job stream written the way every stream was written before the canonical encoding: format 1, each event
 * hashed over its {@code toString()} (now reproduced by the frozen {@code LegacyText}). Every variant appears, with optional fields set and unset, and texts that
 * the old format printed as they are (commas, brackets, '=' signs, line breaks, non-Latin letters). Its hashes
 * were recorded by the code of that time in {@code hash-chain/v1-golden.txt}; the frozen format-1 encoder must
 * keep reproducing them, or every chain written before it would stop verifying.
 */
final class LegacyChainFixture {
    static final Instant T0 = Instant.parse("2025-06-02T04:30:00Z");
    static final TenantId TENANT = TenantId.of("coolair-blr");
    static final StreamId STREAM = StreamId.of(TENANT, JobId.of("JOB-1001"));
    static final Actor DISPATCHER = Actor.dispatcher(TENANT, BranchId.of("indiranagar"), "priya");
    static final Actor TECHNICIAN = Actor.technician(TENANT, BranchId.of("indiranagar"), TechnicianId.of("ravi"));
    static final Actor OWNER = Actor.owner(TENANT, "owner-1");

    private LegacyChainFixture() {}

    /** The stream, in format 1. */
    static List<JobEvent> stream() {
        List<JobEvent> all = new ArrayList<>();
        Site site = new Site(SiteId.of("S-77"), GeoPoint.of(12.9719, 77.6412), 60,
                "2nd floor, 100 Feet Rd [rear], Indiranagar=BLR\nನಮಸ್ಕಾರ");
        all.add(new JobEvent.JobCreated(h(all, DISPATCHER), BranchId.of("indiranagar"), CustomerId.of("C-5521"), site,
                "AC not cooling, ice on coil; \"urgent\"", "AC_SERVICE",
                List.of(SkillRequirement.of("ac.split.service", 2), SkillRequirement.of("gas.refill", 3)),
                Priority.HIGH, new TimeWindow(T0, T0.plusSeconds(4 * 3600)), T0.plusSeconds(24 * 3600), 90,
                Money.inr(149_900), new Coverage(CoverageKind.AMC, "AMC-2025-0042", LocalDate.of(2026, 3, 31),
                        List.of("AC_SERVICE", "GAS_REFILL")), TechnicianId.of("tech-7")));
        all.add(new JobEvent.JobAssigned(h(all, DISPATCHER), TechnicianId.of("tech-7"), "nearest tech on leave"));
        all.add(new JobEvent.JobUnassigned(h(all, DISPATCHER), TechnicianId.of("tech-7"), ""));
        all.add(new JobEvent.JobAssigned(h(all, DISPATCHER), TechnicianId.of("ravi"), null));
        all.add(new JobEvent.StatusChanged(h(all, TECHNICIAN), JobStatus.EN_ROUTE, "", null));
        all.add(new JobEvent.StatusChanged(h(all, TECHNICIAN), JobStatus.DELAYED, "traffic, Old Airport Rd", null));
        all.add(new JobEvent.StatusChanged(h(all, TECHNICIAN), JobStatus.ARRIVED, "", "trust me"));
        all.add(new JobEvent.StatusChanged(h(all, TECHNICIAN), JobStatus.WORK_STARTED, "", null));
        all.add(new JobEvent.ProofAdded(h(all, TECHNICIAN), ProofKind.PHOTO, "before", "s3://proof/before.jpg",
                "a".repeat(64)));
        all.add(new JobEvent.ProofAdded(h(all, TECHNICIAN), ProofKind.NOTE, "", "note, with], brackets=", null));
        all.add(new JobEvent.PartUsed(h(all, TECHNICIAN), "CAP-35UF", "85322990", 2, Money.inr(45_000), true));
        all.add(new JobEvent.PartUsed(h(all, TECHNICIAN), "TAPE", null, 1, Money.inr(0), false));
        all.add(new JobEvent.ExpenseAdded(h(all, TECHNICIAN), "parking", Money.inr(4_000), false));
        all.add(new JobEvent.StatusChanged(h(all, TECHNICIAN), JobStatus.COMPLETED, "", null));
        all.add(new JobEvent.PaymentRecorded(h(all, TECHNICIAN), PaymentMode.PENDING, Money.inr(239_900), null,
                LocalDate.of(2025, 6, 5), null));
        all.add(new JobEvent.PaymentRecorded(h(all, TECHNICIAN), PaymentMode.MPESA, Money.kes(150_000), "QK12AB34CD",
                null, null));
        all.add(new JobEvent.PaymentRecorded(h(all, OWNER), PaymentMode.WAIVED, Money.inr(0), null, null, "owner-1"));
        all.add(new JobEvent.InvoiceHandedOff(h(all, OWNER), "INV/2025-26/000017", Money.inr(-50),
                List.of("CAP-35UF", "TAPE")));
        all.add(new JobEvent.InvoiceHandedOff(h(all, OWNER), "INV/2025-26/000018", Money.inr(239_900), List.of()));
        all.add(new JobEvent.StatusChanged(h(all, OWNER), JobStatus.CLOSED, "", null));
        return all;
    }

    private static EventHeader h(List<JobEvent> before, Actor actor) {
        int version = before.size() + 1;
        return new EventHeader(new UUID(0x5EED_0000_0000_0000L, version), STREAM, version,
                T0.plusSeconds(60L * version).plusNanos(version == 3 ? 123_456_789 : 0), actor, HashChain.head(before),
                ChainFormat.TEXT_V1, null);
    }
}
