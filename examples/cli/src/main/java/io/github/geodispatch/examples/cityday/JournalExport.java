package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.JournalWriter;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.StatementCredit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the day as a journal through the engine's {@link JournalWriter}: technicians and customers first,
 * then every job event, statement credit, cash deposit and ping in time order, so {@code geodispatch audit}
 * and {@code geodispatch invoice} can read it back. Stateless.
 */
final class JournalExport {
    private JournalExport() {}

    private record Line(Instant at, int order, JournalRecord record) {}

    /** A journal record recorded outside the job record, with the time it happened. */
    record Timed(Instant at, JournalRecord record) {}

    static int write(CityDay day, Path file) throws IOException {
        return write(day.world.techs, day.world.jobs, day, file);
    }

    /** Writes {@code techs} and the customers of {@code requests}, then everything {@code day}'s front door recorded. */
    static int write(List<CityWorld.Tech> techs, List<CityWorld.JobRequest> requests, CityDay day, Path file) throws IOException {
        List<JournalRecord> head = new ArrayList<>();
        for (CityWorld.Tech t : techs) {
            head.add(new JournalRecord.Technician(t.id(), t.branch().id(), List.copyOf(t.skills().keySet())));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (CityWorld.JobRequest j : requests) {
            CityWorld.Customer c = j.customer();
            if (seen.add(c.id().value())) {
                head.add(new JournalRecord.Customer(c.id(), c.name(), c.address(), "Bengaluru", c.pincode(), "29", c.gstin()));
            }
        }
        List<Line> lines = new ArrayList<>();
        int order = 0;
        for (JobEvent e : day.events) {
            if (inJournal(e)) {
                lines.add(new Line(e.header().occurredAt(), order++, job(e)));
            }
        }
        for (StatementCredit c : day.credits) {
            lines.add(new Line(c.at(), order++, new JournalRecord.Statement(time(c.at()), c.source(), c.reference(), c.amount(),
                    c.billRef(), c.payer())));
        }
        for (CashDeposit d : day.deposits) {
            lines.add(new Line(d.at(), order++, new JournalRecord.CashDeposit(time(d.at()), d.technician(), d.amount(), d.reference())));
        }
        for (Timed t : day.extraRecords) {
            lines.add(new Line(t.at(), order++, t.record()));
        }
        for (CitySimulation.Ping p : day.pings) {
            lines.add(new Line(p.at(), order++, new JournalRecord.Ping(p.pingId(), p.technician(), time(p.at()),
                    Math.round(p.point().lat() * 1e7) / 1e7, Math.round(p.point().lng() * 1e7) / 1e7, p.accuracyM())));
        }
        lines.sort(Comparator.comparing(Line::at).thenComparingInt(Line::order));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8); JournalWriter w = JournalWriter.to(out)) {
            for (JournalRecord r : head) {
                w.write(r);
            }
            for (Line l : lines) {
                w.write(l.record());
            }
        }
        return head.size() + lines.size();
    }

    /**
     * Whether the journal format has a line for {@code e}: the contact events (messages, codes, payment requests,
     * feedback) and the approval a verified code records are messaging's, which the journal does not carry.
     */
    private static boolean inJournal(JobEvent e) {
        return !(e instanceof JobEvent.ContactEvent) && !(e instanceof JobEvent.ProofAdded p && p.kind() == ProofKind.OTP);
    }

    private static JournalRecord job(JobEvent e) {
        var job = e.header().job();
        OffsetDateTime at = time(e.header().occurredAt());
        if (e instanceof JobEvent.JobCreated c) {
            return new JournalRecord.JobCreated(job, at, c.branch(), c.customer(), c.jobType(), c.site().location(),
                    c.site().radiusMetres(), c.quote(), c.coverage());
        } else if (e instanceof JobEvent.JobAssigned a) {
            return new JournalRecord.JobAssigned(job, at, a.technician());
        } else if (e instanceof JobEvent.JobUnassigned u) {
            return new JournalRecord.JobUnassigned(job, at, u.technician(), u.reason());
        } else if (e instanceof JobEvent.StatusChanged s) {
            return new JournalRecord.JobStatusChanged(job, at, s.status(), s.reason(), s.evidence());
        } else if (e instanceof JobEvent.ProofAdded p) {
            return new JournalRecord.JobProof(job, at, p.kind(), p.reference());
        } else if (e instanceof JobEvent.PartUsed p) {
            return new JournalRecord.JobPart(job, at, p.sku(), p.hsn(), p.quantity(), p.unitPrice(), p.billable());
        } else if (e instanceof JobEvent.ExpenseAdded x) {
            return new JournalRecord.JobExpense(job, at, x.kind(), x.amount(), x.billable());
        } else if (e instanceof JobEvent.PaymentRecorded p) {
            return new JournalRecord.JobPayment(job, at, p.mode(), p.amount(), p.reference(), p.promisedOn(), p.approvedBy());
        }
        JobEvent.InvoiceHandedOff i = (JobEvent.InvoiceHandedOff) e;
        return new JournalRecord.JobInvoice(job, at, i.invoiceNumber(), i.total(), i.partSkus());
    }

    static OffsetDateTime time(Instant t) {
        return OffsetDateTime.ofInstant(t, CityWorld.ZONE);
    }
}
