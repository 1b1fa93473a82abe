package io.github.geodispatch.spi.contract;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ChainFormat;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.DeviceOrigin;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.MessageChannel;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TimeWindow;
import io.github.geodispatch.spi.VisitSlot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds well-formed, hash-chained job events from SPI types only, for the contract tests. Each instance
 * works in its own random tenant, so contract tests can share one persistent store.
 */
final class ContractEvents {
    static final Instant T0 = Instant.parse("2025-06-02T04:30:00Z");

    final TenantId tenant = TenantId.of("contract-" + UUID.randomUUID().toString().substring(0, 8));
    final Actor dispatcher = Actor.dispatcher(tenant, BranchId.of("blr-east"), "disp-1");

    StreamId stream(String job) {
        return StreamId.of(tenant, JobId.of(job));
    }

    EventHeader header(StreamId stream, long version, String previousHash) {
        return new EventHeader(UUID.randomUUID(), stream, version, T0.plusSeconds(60 * version), dispatcher,
                previousHash);
    }

    JobEvent.JobCreated created(StreamId stream) {
        Site site = new Site(SiteId.of("site-" + stream.job().value()), GeoPoint.of(12.9716, 77.5946), 80,
                "12th Main, Indiranagar, Bengaluru");
        return new JobEvent.JobCreated(header(stream, 1, HashChain.GENESIS), BranchId.of("blr-east"),
                CustomerId.of("cust-42"), site, "AC not cooling, ice on coil", "AC_SERVICE",
                List.of(SkillRequirement.of("ac.split.service", 2)), Priority.HIGH,
                new TimeWindow(T0, T0.plusSeconds(4 * 3600)), T0.plusSeconds(24 * 3600), 90, Money.inr(149_900),
                new Coverage(CoverageKind.AMC, "AMC-2025-0042", LocalDate.of(2026, 3, 31), List.of("AC_SERVICE")),
                TechnicianId.of("tech-7"));
    }

    /** A stream of {@code count} events: created, then notes. */
    List<JobEvent> stream(StreamId stream, int count) {
        return List.copyOf(continueStream(List.of(created(stream)), count - 1));
    }

    /** {@code more} note events that chain onto {@code existing}. */
    List<JobEvent> continueStream(List<JobEvent> existing, int more) {
        List<JobEvent> all = new ArrayList<>(existing);
        StreamId stream = existing.get(0).header().stream();
        for (int i = 0; i < more; i++) {
            all.add(new JobEvent.ProofAdded(header(stream, all.size() + 1, HashChain.head(all)), ProofKind.NOTE,
                    "note", "note-" + (all.size() + 1), null));
        }
        return all;
    }

    /** The events that follow {@code existing}: {@code more} of them. */
    List<JobEvent> next(List<JobEvent> existing, int more) {
        List<JobEvent> all = continueStream(existing, more);
        return List.copyOf(all.subList(existing.size(), all.size()));
    }

    /** One stream holding every event variant with every optional field set, for round-trip checks. */
    List<JobEvent> everyVariant(StreamId stream) {
        List<JobEvent> all = new ArrayList<>();
        all.add(created(stream));
        all.add(new JobEvent.JobAssigned(h(stream, all), TechnicianId.of("tech-7"), "nearest tech on leave"));
        all.add(new JobEvent.JobUnassigned(h(stream, all), TechnicianId.of("tech-7"), "customer asked for another"));
        all.add(new JobEvent.JobAssigned(h(stream, all), TechnicianId.of("tech-9"), null));
        all.add(new JobEvent.StatusChanged(h(stream, all), JobStatus.RESCHEDULED, "customer away until Wednesday", null,
                new VisitSlot(TechnicianId.of("tech-9"), new TimeWindow(Instant.parse("2025-06-04T04:30:00Z"),
                        Instant.parse("2025-06-04T06:30:00Z")))));
        all.add(new JobEvent.StatusChanged(h(stream, all), JobStatus.EN_ROUTE, "", null));
        all.add(new JobEvent.StatusChanged(h(stream, all), JobStatus.ARRIVED, "", "visit:v-981"));
        all.add(new JobEvent.StatusChanged(h(stream, all), JobStatus.WORK_STARTED, "", null));
        all.add(new JobEvent.ProofAdded(h(stream, all), ProofKind.PHOTO, "before", "s3://proof/before.jpg",
                "a".repeat(64)));
        all.add(new JobEvent.ProofAdded(h(stream, all), ProofKind.OTP, "customer approval", "otp:8842", null));
        EventHeader queued = h(stream, all);
        all.add(new JobEvent.ProofAdded(new EventHeader(queued.eventId(), stream, queued.version(),
                queued.occurredAt().minusSeconds(1_800), dispatcher, queued.previousHash(), ChainFormat.CANONICAL_V2,
                new DeviceOrigin("01J9ZQ4K7W3V5B8N2M6X0C1D3F", queued.occurredAt().minusSeconds(1_800),
                        queued.occurredAt())), ProofKind.NOTE, "queued offline", "note:offline", null));
        all.add(new JobEvent.PartUsed(h(stream, all), "CAP-35UF", "85322990", 2, Money.inr(45_000), true));
        all.add(new JobEvent.ExpenseAdded(h(stream, all), "parking", Money.inr(4_000), false));
        all.add(new JobEvent.StatusChanged(h(stream, all), JobStatus.COMPLETED, "", null));
        all.add(new JobEvent.PaymentRecorded(h(stream, all), PaymentMode.PENDING, Money.inr(239_900), null,
                LocalDate.of(2025, 6, 5), null));
        all.add(new JobEvent.PaymentRecorded(h(stream, all), PaymentMode.UPI, Money.inr(239_900), "412345678901",
                null, null));
        all.add(new JobEvent.PaymentRecorded(h(stream, all), PaymentMode.WAIVED, Money.inr(0), null, null, "owner-1"));
        all.add(new JobEvent.InvoiceHandedOff(h(stream, all), "INV/2025-26/000017", Money.inr(239_900),
                List.of("CAP-35UF")));
        EventHeader issuedAt = h(stream, all);
        JobEvent.OtpIssued otp = new JobEvent.OtpIssued(issuedAt, "0f".repeat(16), "1e".repeat(32),
                issuedAt.occurredAt().plusSeconds(600), 3);
        all.add(otp);
        all.add(new JobEvent.OtpAttemptFailed(h(stream, all), otp.header().eventId()));
        all.add(new JobEvent.MessageStatusChanged(h(stream, all), otp.header().eventId() + "/approval_code/customer:cust-42",
                "approval_code", "customer:cust-42", MessageChannel.WHATSAPP, DeliveryStatus.SENT, "wamid.HBgM", null));
        all.add(new JobEvent.MessageStatusChanged(h(stream, all), "e1/tech_job_assigned/technician:tech-9",
                "tech_job_assigned", "technician:tech-9", MessageChannel.APP, DeliveryStatus.FAILED, null,
                "no app to reach technician:tech-9"));
        all.add(new JobEvent.PaymentRequested(h(stream, all), PaymentMode.UPI, Money.inr(239_900), "J-variants", null,
                "upi://pay?pa=coolair@okaxis&pn=Cool%20Air&am=2399.00&cu=INR&tr=J-variants"));
        all.add(new JobEvent.PaymentRequested(h(stream, all), PaymentMode.MPESA, Money.inr(239_900),
                "ws_CO_191220191020363925", "+254708374149", null));
        all.add(new JobEvent.PaymentCallbackReceived(h(stream, all), "ws_CO_191220191020363925", true, "0",
                "The service request is processed successfully.", "NLJ7RT61SV", Money.inr(239_900)));
        all.add(new JobEvent.PaymentCallbackReceived(h(stream, all), "ws_CO_191220191020363926", false, "1032",
                "Request cancelled by user", null, null));
        all.add(new JobEvent.FeedbackRecorded(h(stream, all), 4, "बहुत अच्छा काम, समय पर आए"));
        all.add(new JobEvent.StatusChanged(h(stream, all), JobStatus.CLOSED, "", null));
        return all;
    }

    /**
     * {@code events} re-written the way streams were written before the canonical encoding: format 1, chained over
     * their format-1 text; an event with a device origin (which format 1 cannot hold) is written without it.
     */
    List<JobEvent> formatOne(List<JobEvent> events) {
        List<JobEvent> all = new ArrayList<>();
        for (JobEvent e : events) {
            EventHeader h = e.header();
            all.add(e.withHeader(new EventHeader(h.eventId(), h.stream(), h.version(), h.occurredAt(), h.actor(),
                    HashChain.head(all), ChainFormat.TEXT_V1, null)));
        }
        return all;
    }

    private EventHeader h(StreamId stream, List<JobEvent> before) {
        return header(stream, before.size() + 1, HashChain.head(before));
    }
}
