package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.GeofenceEvent;
import io.github.geodispatch.insight.LeakageRisk;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageMonitor;
import io.github.geodispatch.leakage.LeakagePolicy;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.payment.CollectionsView;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StatementCredit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payments and leakage engine watching the day as it happens: one {@link LeakageMonitor} (with its
 * statement reconciliation and technician cash ledger) fed every job event from the engine's listener, every
 * statement credit, every cash deposit and every site visit the geofence ends. At the audit time it gives the
 * findings, turns them into the owner view's {@link LeakageRisk}s, matches them to the planted mistakes, and
 * reads their evidence (event ids, statement rows) back as the facts of the day. Not thread-safe (the
 * simulation is single-threaded).
 */
final class LeakageWatch {
    private final LeakageMonitor monitor = LeakageMonitor.create(LeakagePolicy.defaults().withZone(CityWorld.ZONE));
    private final Map<String, JobEvent> events = new HashMap<>();
    private final Map<String, StatementCredit> statements = new HashMap<>();
    private List<Finding> findings = List.of();

    LeakageWatch(CityWorld world) {
        world.techs.forEach(t -> monitor.technician(t.id(), t.branch().id()));
    }

    void event(JobEvent e) {
        events.put(e.header().eventId().toString(), e);
        monitor.accept(e);
    }

    void credit(StatementCredit c) {
        statements.put(Finding.statementEvidence(c), c);
        monitor.accept(c);
    }

    void deposit(CashDeposit d) {
        monitor.accept(d);
    }

    /** The geofence tracker's listener: each ended visit at a job site is a stay the visit rules read. */
    void geofence(GeofenceEvent event) {
        if (event instanceof GeofenceEvent.VisitEnded ended && ended.visit().kind() == FenceKind.SITE) {
            var v = ended.visit();
            monitor.visit(v.technician(), SiteId.of(v.fence().value()), v.enteredAt(), v.exitedAt());
        }
    }

    /** Audits the day at {@code asOf}; the result is kept for {@link #findings()}. */
    List<Finding> audit(Instant asOf) {
        findings = monitor.findings(asOf);
        return findings;
    }

    List<Finding> findings() {
        return findings;
    }

    /** Pending collections and cash in hand as the payments engine counts them. */
    CollectionsView collections(Instant asOf) {
        return monitor.collections(asOf);
    }

    /** The finding as the owner view counts it, on the day of its earliest evidence (the leaking fact itself). */
    LeakageRisk risk(Finding f) {
        Instant at = null;
        for (String ev : f.evidence()) {
            Instant t = factTime(ev);
            if (t != null && (at == null || t.isBefore(at))) {
                at = t;
            }
        }
        return new LeakageRisk(f.code().name(), f.job(), f.technician(), f.reference(), f.branch(), f.amountAtRisk(),
                at == null ? f.detectedAt() : at);
    }

    /** The finding a planted mistake should have produced: same code and the same job, technician or reference. */
    Optional<Finding> finding(CityWorld.Mistake m) {
        return findings.stream().filter(f -> f.code().name().equals(m.kind().findingCode)
                && (m.job() == null || m.job().equals(f.job()))
                && (m.technician() == null || m.technician().equals(f.technician()))
                && (m.reference() == null || m.reference().equals(f.reference()))).findFirst();
    }

    /** Findings that no planted mistake accounts for. */
    List<Finding> unplanted(List<CityWorld.Mistake> mistakes) {
        List<Finding> out = new ArrayList<>(findings);
        mistakes.forEach(m -> finding(m).ifPresent(out::remove));
        return out;
    }

    /** One piece of a finding's evidence in words: the job event or statement row it names. */
    String describe(String evidence) {
        JobEvent e = events.get(evidence);
        if (e != null) {
            String what = e.getClass().getSimpleName();
            if (e instanceof JobEvent.StatusChanged s) {
                what = s.status().name();
            } else if (e instanceof JobEvent.PaymentRecorded p) {
                what = "paid " + p.mode() + " " + p.amount() + (p.reference() == null ? "" : " ref " + p.reference());
            } else if (e instanceof JobEvent.PartUsed p) {
                what = "part " + p.sku() + " " + p.lineTotal() + (p.billable() ? " billable" : "");
            } else if (e instanceof JobEvent.InvoiceHandedOff i) {
                what = "invoice " + i.invoiceNumber() + " " + i.total() + " parts " + i.partSkus();
            }
            return e.header().job().value() + " v" + e.header().version() + " " + what + " at "
                    + CitySimulation.hhmm(e.header().occurredAt());
        }
        StatementCredit c = statements.get(evidence);
        if (c != null) {
            return "statement " + c.source() + " UTR " + c.reference() + " " + c.amount() + " from " + c.payer() + " at "
                    + CitySimulation.hhmm(c.at()) + (c.billRef() == null ? ", no tr" : ", tr " + c.billRef());
        }
        return evidence;
    }

    private Instant factTime(String evidence) {
        JobEvent e = events.get(evidence);
        if (e != null) {
            return e.header().occurredAt();
        }
        StatementCredit c = statements.get(evidence);
        return c == null ? null : c.at();
    }
}
