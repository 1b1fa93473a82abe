package io.github.geodispatch.examples.cityday;
import io.github.geodispatch.geofence.JobVisitFinding;
import io.github.geodispatch.insight.Grouping;
import io.github.geodispatch.insight.KpiReport;
import io.github.geodispatch.insight.Kpis;
import io.github.geodispatch.insight.PendingCollection;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.spi.Money;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Prints the day's terminal dashboard. Stateless. */
final class Dashboard {
    private Dashboard() {}

    static void print(CityDay day, PrintWriter out) {
        CityWorld w = day.world;
        Kpis t = day.report(Grouping.TOTAL).total();
        String rule = "─".repeat(96);
        out.printf("geodispatch city-day · seed %d · %s · Bengaluru · %d branches · %d technicians · %d jobs%n", w.seed,
                CityWorld.DAY.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH)), w.branches.size(),
                w.techs.size(), w.jobs.size());
        out.println(rule);
        out.printf(" Jobs          created %d · completed %d · carried over %d · not placed %d · pings %,d%n", t.jobsCreated(),
                t.jobsCompleted(), day.run.carriedOver().size(), day.run.unplaced().size(), day.run.pings());
        out.printf(" Service       first-time fix %s · SLA met %s · response p50 %s p90 %s · on site p50 %s p90 %s%n",
                Fmt.pct(t.firstTimeFix()), t.slaCompliance(), Fmt.duration(t.responseP50()), Fmt.duration(t.responseP90()),
                Fmt.duration(t.completionP50()), Fmt.duration(t.completionP90()));
        out.printf(" Team          jobs/technician %s · utilisation %s · travel share %s · on-time check-in %s%n",
                Fmt.perTech(t.jobsPerTechnician()), Fmt.pct(t.utilisation()), Fmt.pct(t.travelShare()), Fmt.pct(t.punctuality()));
        out.printf(" Money         revenue %s (%s per technician) · collected %s · pending %s · cash in hand %s%n",
                Fmt.inr(t.revenue()), Fmt.inr(t.revenuePerTechnician()), Fmt.inr(t.collected()), Fmt.inr(t.pendingCollections()),
                Fmt.inr(t.cashInHand()));
        List<io.github.geodispatch.billing.Invoice> invoices = day.billing.invoices();
        out.printf(" Invoices      %d GST invoices drafted and handed off (%d B2B) · %s invoiced%n", invoices.size(),
                invoices.stream().filter(io.github.geodispatch.billing.Invoice::b2b).count(),
                Fmt.inr(invoices.stream().map(io.github.geodispatch.billing.Invoice::total).reduce(Money.inr(0), Money::plus)));
        List<Finding> findings = day.leakage.findings();
        out.printf(" Leakage       %d findings · %s at risk (audited %s)%n", findings.size(), Fmt.inr(t.leakageTotal()),
                JournalExport.time(CityDay.AUDIT_AS_OF));
        for (Map.Entry<String, Money> e : t.leakageAtRisk().entrySet()) {
            out.printf("               %-28s %12s%n", e.getKey(), Fmt.inr(e.getValue()));
        }
        Presence.Accuracy acc = day.presence.accuracy(day.run.stays());
        out.printf(" Geofence      %,d visits detected · %.1f%% precision, %.1f%% recall against the true stays%n",
                acc.detected(), 100 * acc.precision(), 100 * acc.recall());
        List<JobVisitFinding> arrivals = day.arrivals;
        out.printf("               ARRIVED recorded from a visit %,d · office overrides confirmed by a later visit %,d · "
                + "completed with no site visit: %s%n",
                arrivals.stream().filter(a -> a instanceof JobVisitFinding.ArrivalRecorded).count(),
                arrivals.stream().filter(a -> a instanceof JobVisitFinding.ManualArrivalVerified).count(),
                day.unverifiedCompletions().stream().map(j -> j.value()).toList());
        out.println(rule);
        out.printf(" %-9s %6s %6s %8s %8s %10s %12s %12s %12s%n", "branch", "jobs", "done", "FTF", "SLA", "resp p50", "revenue",
                "pending", "cash");
        for (Kpis b : day.report(Grouping.BRANCH).rows()) {
            if (b.jobsCreated() == 0) {
                continue; // the owner view's row for findings of no branch (an unlinked credit): shown under Leakage
            }
            out.printf(" %-9s %6d %6d %8s %8s %10s %12s %12s %12s%n", b.group(), b.jobsCreated(), b.jobsCompleted(),
                    Fmt.pct(b.firstTimeFix()), Fmt.pct(b.slaCompliance()), Fmt.duration(b.responseP50()), Fmt.inr(b.revenue()),
                    Fmt.inr(b.pendingCollections()), Fmt.inr(b.cashInHand()));
        }
        out.println(rule);
        KpiReport techs = day.report(Grouping.TECHNICIAN);
        List<Kpis> rows = new ArrayList<>(techs.rows());
        rows.removeIf(r -> r.group().equals("unassigned"));
        rows.sort(Comparator.comparing(Kpis::revenue).reversed().thenComparing(Kpis::group));
        out.println(" Top technicians by revenue");
        for (Kpis r : rows.subList(0, Math.min(5, rows.size()))) {
            out.printf("   %-6s %-22s done %2d · FTF %6s · revenue %10s · cash in hand %9s%n", r.group(),
                    w.techs.stream().filter(x -> x.id().value().equals(r.group())).findFirst().map(CityWorld.Tech::name).orElse(""),
                    r.jobsCompleted(), Fmt.pct(r.firstTimeFix()), Fmt.inr(r.revenue()), Fmt.inr(r.cashInHand()));
        }
        List<PendingCollection> pending = day.owner.pendingCollections(CityWorld.DAY, CityWorld.DAY);
        out.printf(" Pending collections: %d jobs, %s%n", pending.size(), Fmt.inr(t.pendingCollections()));
        out.println(rule);
        List<CityWorld.Mistake> mistakes = day.mistakes();
        long found = mistakes.stream().filter(m -> day.leakage.finding(m).isPresent()).count();
        long notMade = day.mistakesNotMade();
        out.printf(" Planted mistakes: %d of %d found by the leakage rules%s%n", found, mistakes.size(),
                notMade == 0 ? "" : " (" + notMade + " more planted on jobs not done, so not made)");
        for (CityWorld.Mistake m : mistakes) {
            Optional<Finding> f = day.leakage.finding(m);
            out.printf("   %-9s %-26s %-12s %10s  %s%n", f.isPresent() ? "found" : "NOT FOUND", m.kind().findingCode, subject(m),
                    f.map(x -> Fmt.inr(x.amountAtRisk())).orElse("—"), m.kind().story);
        }
        List<Finding> others = day.leakage.unplanted(mistakes);
        out.printf(" Other findings: %d%n", others.size());
        for (Finding f : others) {
            out.printf("   %-26s %-12s %10s  %s%n", f.code(), subject(f), Fmt.inr(f.amountAtRisk()),
                    f.evidence().isEmpty() ? "" : day.leakage.describe(f.evidence().get(0)));
        }
        out.println(" Notes");
        day.run.notes().stream().filter(n -> n.startsWith("Emergency") || n.startsWith("Morning")).forEach(n -> out.println("   " + n));
        if (day.dispatcher instanceof EngineOffice office) {
            office.log().forEach(n -> out.println("   " + n));
        }
        List<EngineDesk.Refusal> refused = day.desk.refusals();
        out.printf(" The job engine refused %d command(s)%n", refused.size());
        refused.stream().limit(5).forEach(r -> out.printf("   %s %s %s: %s%n", r.job().value(), CitySimulation.hhmm(r.at()), r.command(), r.reason()));
        out.println(" Engines");
        for (CityDay.EngineUse e : day.engines) {
            out.printf("   %s %-38s %s%n", e.engine() ? "●" : "○", e.part(), e.by());
        }
        out.flush();
    }

    static String subject(Finding f) {
        return f.job() != null ? f.job().value() : f.technician() != null ? f.technician().value() : f.reference();
    }

    static String subject(CityWorld.Mistake m) {
        return m.job() != null ? m.job().value() : m.technician() != null ? m.technician().value()
                : m.reference() != null ? m.reference() : "nobody";
    }
}
