package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.insight.Grouping;
import io.github.geodispatch.insight.Kpis;
import io.github.geodispatch.insight.PendingCollection;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.TechnicianId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the day's report as one self-contained HTML page: KPI tiles, an SVG map (branches, sites, routes),
 * per-branch and per-technician tables, pending collections, leakage findings and the planted mistakes.
 * No network: styles, the map and the table sorting script are inline. Stateless.
 */
final class HtmlReport {
    private static final String[] BRANCH_COLOURS = {"#2563eb", "#db2777", "#059669"};
    private static final int MAP_W = 980;
    private static final int MAP_H = 720;

    private HtmlReport() {}

    static void write(CityDay day, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(day), StandardCharsets.UTF_8);
    }

    static String render(CityDay day) {
        CityWorld w = day.world;
        Kpis t = day.report(Grouping.TOTAL).total();
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>City-day · seed ").append(w.seed)
                .append("</title><style>").append(CSS).append("</style></head><body>");
        h.append("<header><h1>A service day in Bengaluru</h1><p>").append(Fmt.html(CityWorld.DAY.format(
                DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH)))).append(" · seed ").append(w.seed).append(" · ")
                .append(w.branches.size()).append(" branches · ").append(w.techs.size()).append(" technicians · ")
                .append(w.jobs.size()).append(" jobs · ").append(String.format("%,d", day.run.pings())).append(" pings</p></header>");

        h.append("<section><h2>How this day was run</h2><ul class=engines>");
        for (CityDay.EngineUse e : day.engines) {
            h.append("<li class=").append(e.engine() ? "on" : "off").append("><b>").append(Fmt.html(e.part())).append("</b> — ")
                    .append(Fmt.html(e.by())).append("</li>");
        }
        h.append("</ul></section>");

        h.append("<section class=tiles>");
        tile(h, "Jobs completed", t.jobsCompleted() + " / " + t.jobsCreated(), day.run.carriedOver().size() + " carried over · "
                + day.run.unplaced().size() + " not placed");
        tile(h, "First-time fix", Fmt.pct(t.firstTimeFix()), t.firstTimeFix().numerator() + " of " + t.firstTimeFix().denominator());
        tile(h, "SLA met", Fmt.pct(t.slaCompliance()), t.slaCompliance().numerator() + " of " + t.slaCompliance().denominator());
        tile(h, "Response p50 / p90", Fmt.duration(t.responseP50()) + " / " + Fmt.duration(t.responseP90()), "created → arrived");
        tile(h, "On site p50 / p90", Fmt.duration(t.completionP50()) + " / " + Fmt.duration(t.completionP90()), "arrived → completed");
        tile(h, "Jobs per technician", Fmt.perTech(t.jobsPerTechnician()), t.technicians() + " technicians");
        tile(h, "Utilisation", Fmt.pct(t.utilisation()), "on-site time / shift");
        tile(h, "Travel share", Fmt.pct(t.travelShare()), "travel time / shift");
        tile(h, "On-time check-in", Fmt.pct(t.punctuality()), "branch check-in ≤ shift start + 10 min");
        tile(h, "Revenue", Fmt.inr(t.revenue()), Fmt.inr(t.revenuePerTechnician()) + " per technician");
        tile(h, "Pending collections", Fmt.inr(t.pendingCollections()), "collected " + Fmt.inr(t.collected()));
        tile(h, "Cash in hand", Fmt.inr(t.cashInHand()), "collected in cash, not deposited");
        tile(h, "GST invoices", Integer.toString(day.billing.invoices().size()), day.billing.invoices().stream()
                .filter(io.github.geodispatch.billing.Invoice::b2b).count() + " B2B · " + Fmt.inr(day.billing.invoices().stream()
                .map(io.github.geodispatch.billing.Invoice::total).reduce(Money.inr(0), Money::plus)));
        tile(h, "Leakage at risk", Fmt.inr(t.leakageTotal()), t.leakageAtRisk().isEmpty() ? "no findings" : t.leakageAtRisk().size() + " codes");
        h.append("</section>");

        h.append("<section><h2>Map</h2><p class=legend>");
        for (int i = 0; i < w.branches.size(); i++) {
            h.append("<span style=\"color:").append(BRANCH_COLOURS[i % 3]).append("\">■ ").append(Fmt.html(w.branches.get(i).name()))
                    .append("</span> ");
        }
        h.append("<span class=done>● completed</span> <span class=held>● rescheduled / carried over</span> "
                + "<span class=lost>● not placed</span> <span class=emrg>★ emergency</span> · lines: technicians' rides</p>");
        map(day, h);
        h.append("</section>");

        h.append("<section><h2>Branches</h2>");
        table(h, day.report(Grouping.BRANCH).rows(), day, false);
        h.append("</section><section><h2>Technicians</h2><p class=hint>Click a column to sort.</p>");
        table(h, day.report(Grouping.TECHNICIAN).rows(), day, true);
        h.append("</section>");

        List<PendingCollection> pending = day.owner.pendingCollections(CityWorld.DAY, CityWorld.DAY);
        h.append("<section><h2>Pending collections</h2><p>").append(pending.size()).append(" completed jobs owe ")
                .append(Fmt.inr(t.pendingCollections())).append(".</p><table class=sortable><thead><tr><th>job</th><th>branch</th>"
                        + "<th>technician</th><th>completed</th><th>mode</th><th class=n>earned</th><th class=n>collected</th>"
                        + "<th class=n>pending</th></tr></thead><tbody>");
        for (PendingCollection p : pending) {
            h.append("<tr><td>").append(p.job().value()).append("</td><td>").append(p.branch().value()).append("</td><td>")
                    .append(p.technician() == null ? "—" : p.technician().value()).append("</td><td>")
                    .append(CitySimulation.hhmm(p.completedAt())).append("</td><td>").append(mode(day, p.job())).append("</td>");
            money(h, p.revenue());
            money(h, p.collected());
            money(h, p.pending());
            h.append("</tr>");
        }
        h.append("</tbody></table></section>");

        List<Finding> findings = day.leakage.findings();
        h.append("<section><h2>Leakage</h2><p>").append(findings.size()).append(" findings, ").append(Fmt.inr(t.leakageTotal()))
                .append(" at risk, audited live by the leakage rules as of ").append(JournalExport.time(CityDay.AUDIT_AS_OF))
                .append(" (every grace period has run out). <code>geodispatch audit</code> on the journal finds the same.</p>");
        if (!t.leakageAtRisk().isEmpty()) {
            h.append("<table><thead><tr><th>code</th><th class=n>at risk</th></tr></thead><tbody>");
            for (Map.Entry<String, Money> e : t.leakageAtRisk().entrySet()) {
                h.append("<tr><td>").append(e.getKey()).append("</td>");
                money(h, e.getValue());
                h.append("</tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("<h3>Findings</h3><table class=sortable><thead><tr><th>code</th><th>job</th><th>technician</th><th>branch</th>"
                + "<th>reference</th><th class=n>at risk</th><th>detected</th><th>evidence</th></tr></thead><tbody>");
        for (Finding f : findings) {
            h.append("<tr><td><code>").append(f.code()).append("</code></td><td>").append(f.job() == null ? "—" : f.job().value())
                    .append("</td><td>").append(f.technician() == null ? "—" : f.technician().value()).append("</td><td>")
                    .append(f.branch() == null ? "—" : f.branch().value()).append("</td><td>")
                    .append(f.reference() == null ? "—" : Fmt.html(f.reference())).append("</td>");
            money(h, f.amountAtRisk());
            h.append("<td>").append(Fmt.html(JournalExport.time(f.detectedAt()).toString())).append("</td><td><ul>");
            f.evidence().forEach(ev -> h.append("<li>").append(Fmt.html(day.leakage.describe(ev))).append("</li>"));
            h.append("</ul></td></tr>");
        }
        h.append("</tbody></table>");
        h.append("<h3>Planted mistakes</h3><table><thead><tr><th>expected finding</th><th>on</th><th>found</th><th>what happened</th>"
                + "<th>the job record</th></tr></thead><tbody>");
        for (CityWorld.Mistake m : day.mistakes()) {
            Optional<Finding> f = day.leakage.finding(m);
            h.append("<tr><td><code>").append(m.kind().findingCode).append("</code></td><td>").append(Dashboard.subject(m))
                    .append("</td><td").append(f.isPresent() ? ">found, " + Fmt.inr(f.get().amountAtRisk()) + " at risk" : " class=warn>NOT FOUND")
                    .append("</td><td>").append(Fmt.html(m.kind().story)).append("</td><td>").append(Fmt.html(evidence(day, m)))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></section>");

        h.append("<section><h2>Commands the job engine refused</h2><p>").append(day.desk.refusals().size())
                .append(" refused; each changed nothing.</p><ul>");
        day.desk.refusals().forEach(r -> h.append("<li>").append(r.job().value()).append(' ').append(CitySimulation.hhmm(r.at()))
                .append(' ').append(r.command()).append(": ").append(Fmt.html(r.reason())).append("</li>"));
        h.append("</ul></section>");
        h.append("<section><h2>Notes from the day</h2><ul>");
        day.run.notes().forEach(n -> h.append("<li>").append(Fmt.html(n)).append("</li>"));
        if (day.dispatcher instanceof EngineOffice office) {
            office.log().forEach(n -> h.append("<li>").append(Fmt.html(n)).append("</li>"));
        }
        h.append("</ul></section><footer>Generated by <code>geodispatch city-day --seed ").append(w.seed)
                .append("</code>. Self-contained: no network access.</footer><script>").append(JS).append("</script></body></html>");
        return h.toString();
    }

    private static String evidence(CityDay day, CityWorld.Mistake m) {
        if (m.job() != null) {
            List<JobEvent> s = day.desk.stream(m.job());
            StringBuilder b = new StringBuilder();
            for (JobEvent e : s) {
                String what = e.getClass().getSimpleName();
                if (e instanceof JobEvent.StatusChanged sc) {
                    what = sc.status().name();
                } else if (e instanceof JobEvent.PaymentRecorded p) {
                    what = "paid " + p.mode();
                } else if (e instanceof JobEvent.PartUsed p) {
                    what = "part " + p.sku();
                }
                if (b.length() > 0) {
                    b.append(" → ");
                }
                b.append("v").append(e.header().version()).append(' ').append(what).append(' ')
                        .append(CitySimulation.hhmm(e.header().occurredAt()));
            }
            if (day.unverifiedCompletions().contains(m.job())) {
                b.append(" · geofence: no visit at site ").append(day.world.job(m.job()).site().id().value())
                        .append(" between assignment and completion (the ARRIVED was an office override)");
            }
            return b.toString();
        }
        if (m.technician() != null) {
            return "cash in hand " + day.report(Grouping.TECHNICIAN).row(m.technician().value()).map(k -> Fmt.inr(k.cashInHand())).orElse("—")
                    + ", no deposit";
        }
        return "statement credit UTR " + m.reference() + " with no tr";
    }

    private static String mode(CityDay day, JobId job) {
        String mode = "none recorded";
        for (JobEvent e : day.desk.stream(job)) {
            if (e instanceof JobEvent.PaymentRecorded p) {
                mode = p.mode().name();
            }
        }
        return mode;
    }

    private static void tile(StringBuilder h, String label, String value, String sub) {
        h.append("<div class=tile><div class=label>").append(Fmt.html(label)).append("</div><div class=value>").append(Fmt.html(value))
                .append("</div><div class=sub>").append(Fmt.html(sub)).append("</div></div>");
    }

    private static void money(StringBuilder h, Money m) {
        h.append("<td class=n data-v=\"").append(m.minor()).append("\">").append(Fmt.inr(m)).append("</td>");
    }

    private static void table(StringBuilder h, List<Kpis> rows, CityDay day, boolean techs) {
        h.append("<table class=sortable><thead><tr><th>").append(techs ? "technician" : "branch").append("</th>");
        if (techs) {
            h.append("<th>name</th><th>branch</th>");
        }
        h.append("<th class=n>jobs</th><th class=n>done</th><th class=n>first-time fix</th><th class=n>SLA met</th>"
                + "<th class=n>response p50</th><th class=n>on site p50</th><th class=n>utilisation</th><th class=n>on-time</th>"
                + "<th class=n>revenue</th><th class=n>pending</th><th class=n>cash in hand</th><th class=n>leakage</th></tr></thead><tbody>");
        for (Kpis r : rows) {
            h.append("<tr><td>").append(Fmt.html(r.group())).append("</td>");
            if (techs) {
                CityWorld.Tech tech = day.world.techs.stream().filter(x -> x.id().value().equals(r.group())).findFirst().orElse(null);
                h.append("<td>").append(tech == null ? "—" : Fmt.html(tech.name())).append("</td><td>")
                        .append(tech == null ? "—" : tech.branch().id().value()).append("</td>");
            }
            num(h, r.jobsCreated(), Integer.toString(r.jobsCreated()));
            num(h, r.jobsCompleted(), Integer.toString(r.jobsCompleted()));
            num(h, r.firstTimeFix().value().orElse(-1), Fmt.pct(r.firstTimeFix()));
            num(h, r.slaCompliance().value().orElse(-1), Fmt.pct(r.slaCompliance()));
            num(h, r.responseP50().map(d -> d.toSeconds()).orElse(-1L), Fmt.duration(r.responseP50()));
            num(h, r.completionP50().map(d -> d.toSeconds()).orElse(-1L), Fmt.duration(r.completionP50()));
            num(h, r.utilisation().value().orElse(-1), Fmt.pct(r.utilisation()));
            num(h, r.punctuality().value().orElse(-1), Fmt.pct(r.punctuality()));
            money(h, r.revenue());
            money(h, r.pendingCollections());
            money(h, r.cashInHand());
            money(h, r.leakageTotal());
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    private static void num(StringBuilder h, double sortKey, String text) {
        h.append("<td class=n data-v=\"").append(sortKey).append("\">").append(Fmt.html(text)).append("</td>");
    }

    /** Equirectangular projection of the day's bounding box onto the SVG canvas. */
    private static final class Projection {
        final double minLat;
        final double maxLat;
        final double minLng;
        final double scale;
        final double kx;

        Projection(List<GeoPoint> pts) {
            double a = 90;
            double b = -90;
            double c = 180;
            double d = -180;
            for (GeoPoint p : pts) {
                a = Math.min(a, p.lat());
                b = Math.max(b, p.lat());
                c = Math.min(c, p.lng());
                d = Math.max(d, p.lng());
            }
            minLat = a - 0.01;
            maxLat = b + 0.01;
            minLng = c - 0.01;
            kx = Math.cos(Math.toRadians((a + b) / 2));
            scale = Math.min((MAP_W - 20) / ((d + 0.01 - minLng) * kx), (MAP_H - 20) / (maxLat - minLat));
        }

        String xy(GeoPoint p) {
            return String.format(Locale.ROOT, "%.1f,%.1f", 10 + (p.lng() - minLng) * kx * scale, 10 + (maxLat - p.lat()) * scale);
        }

        String x(GeoPoint p) {
            return String.format(Locale.ROOT, "%.1f", 10 + (p.lng() - minLng) * kx * scale);
        }

        String y(GeoPoint p) {
            return String.format(Locale.ROOT, "%.1f", 10 + (maxLat - p.lat()) * scale);
        }
    }

    private static void map(CityDay day, StringBuilder h) {
        CityWorld w = day.world;
        List<GeoPoint> pts = new java.util.ArrayList<>();
        w.jobs.forEach(j -> pts.add(j.site().location()));
        w.branches.forEach(b -> pts.add(b.location()));
        Projection pr = new Projection(pts);
        h.append("<svg viewBox=\"0 0 ").append(MAP_W).append(' ').append(MAP_H).append("\" class=map role=img "
                + "aria-label=\"map of branches, job sites and technicians' rides\"><rect width=\"100%\" height=\"100%\" fill=\"#f8fafc\"/>");
        h.append("<g fill=none stroke-width=1.1 stroke-opacity=.45>");
        for (Map.Entry<TechnicianId, List<GeoPoint>> e : day.run.trails().entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            CityWorld.Tech tech = w.tech(e.getKey());
            h.append("<polyline stroke=\"").append(BRANCH_COLOURS[w.branches.indexOf(tech.branch()) % 3]).append("\" points=\"");
            for (GeoPoint p : e.getValue()) {
                h.append(pr.xy(p)).append(' ');
            }
            h.append("\"><title>").append(tech.id().value()).append(' ').append(Fmt.html(tech.name())).append("</title></polyline>");
        }
        h.append("</g>");
        Set<JobId> completed = new HashSet<>();
        Set<JobId> held = new HashSet<>(day.run.carriedOver());
        for (JobEvent e : day.events) {
            if (e instanceof JobEvent.StatusChanged s && s.status() == JobStatus.COMPLETED) {
                completed.add(e.header().job());
            } else if (e instanceof JobEvent.StatusChanged s && s.status() == JobStatus.RESCHEDULED) {
                held.add(e.header().job());
            }
        }
        Set<JobId> lost = new HashSet<>(day.run.unplaced());
        for (CityWorld.JobRequest j : w.jobs) {
            String cls = completed.contains(j.id()) ? "done" : held.contains(j.id()) ? "held" : lost.contains(j.id()) ? "lost" : "held";
            GeoPoint p = j.site().location();
            if (j.priority() == Priority.EMERGENCY) {
                h.append("<text class=emrg x=\"").append(pr.x(p)).append("\" y=\"").append(pr.y(p))
                        .append("\" font-size=22 text-anchor=middle dominant-baseline=middle>★<title>").append(j.id().value())
                        .append(" emergency</title></text>");
                continue;
            }
            h.append("<circle class=").append(cls).append(" cx=\"").append(pr.x(p)).append("\" cy=\"").append(pr.y(p))
                    .append("\" r=2.6><title>").append(j.id().value()).append(' ').append(j.kind().name()).append(' ')
                    .append(Fmt.html(j.customer().name())).append("</title></circle>");
        }
        for (int i = 0; i < w.branches.size(); i++) {
            CityWorld.Branch b = w.branches.get(i);
            h.append("<rect x=\"").append(pr.x(b.location())).append("\" y=\"").append(pr.y(b.location()))
                    .append("\" width=14 height=14 transform=\"translate(-7,-7)\" fill=\"").append(BRANCH_COLOURS[i % 3])
                    .append("\" stroke=#fff stroke-width=2/><text x=\"").append(pr.x(b.location())).append("\" y=\"")
                    .append(pr.y(b.location())).append("\" dy=-12 text-anchor=middle class=lbl>").append(Fmt.html(b.name()))
                    .append("</text>");
        }
        h.append("</svg>");
    }

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f1f5f9;color:#0f172a}
            header{background:#0f172a;color:#fff;padding:18px 28px}header h1{margin:0;font-size:24px}header p{margin:4px 0 0;color:#cbd5e1}
            section{background:#fff;margin:16px 24px;padding:14px 20px;border-radius:10px;box-shadow:0 1px 3px #0001}
            h2{font-size:17px;margin:4px 0 10px}h3{font-size:15px}
            .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px;background:none;box-shadow:none;padding:0}
            .tile{background:#fff;border-radius:10px;padding:12px 14px;box-shadow:0 1px 3px #0001}
            .tile .label{color:#64748b;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
            .tile .value{font-size:24px;font-weight:650;margin:2px 0}.tile .sub{color:#64748b;font-size:12px}
            table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:4px 8px;border-bottom:1px solid #e2e8f0;text-align:left}
            th{background:#f8fafc;position:sticky;top:0}.sortable th{cursor:pointer}.n{text-align:right;font-variant-numeric:tabular-nums}
            .map{width:100%;max-width:980px;height:auto;border:1px solid #e2e8f0;border-radius:8px}
            circle.done{fill:#16a34a}circle.held{fill:#f59e0b}circle.lost{fill:#dc2626}.emrg{fill:#dc2626;color:#dc2626}
            .legend .done{color:#16a34a}.legend .held{color:#f59e0b}.legend .lost{color:#dc2626}.lbl{font-size:13px;font-weight:600}
            .engines li.on::marker{content:"● ";color:#16a34a}.engines li.off::marker{content:"○ ";color:#b45309}
            .warn{background:#fff7ed;border-left:4px solid #f59e0b;padding:8px 12px}.hint{color:#64748b;font-size:12px}
            footer{margin:16px 24px 40px;color:#64748b;font-size:12px}
            """;

    private static final String JS = """
            document.querySelectorAll('table.sortable').forEach(function(t){
              t.querySelectorAll('th').forEach(function(th,i){
                th.addEventListener('click',function(){
                  var body=t.tBodies[0],rows=Array.from(body.rows),asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';
                  rows.sort(function(a,b){var x=a.cells[i],y=b.cells[i];
                    var vx=x.dataset.v!==undefined?parseFloat(x.dataset.v):x.textContent,vy=y.dataset.v!==undefined?parseFloat(y.dataset.v):y.textContent;
                    return (vx<vy?-1:vx>vy?1:0)*(asc?1:-1);});
                  rows.forEach(function(r){body.appendChild(r);});});});});
            """;
}
