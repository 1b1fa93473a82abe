package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.Money;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Writes an {@link OwnerReport} as one self-contained HTML page (inline styles, script and SVG; no network): today's
 * tiles with their change against yesterday and the period's sparkline, the action lists, the map, where the money is,
 * the breakdowns, and how the period was run in the footer. Every table sorts on a header click and downloads as CSV.
 * Stateless and thread-safe. docs/report.md describes the page.
 */
public final class ReportPage {
    /** Ten branch colours: city-week and --technicians 300 run ten branches. */
    private static final String[] BRANCH_COLOURS = {"#2563eb", "#db2777", "#059669", "#7c3aed", "#ea580c", "#0891b2",
            "#a16207", "#4338ca", "#475569", "#4d7c0f"};
    /** Ride colours; past ten rides the dash pattern changes too, so the first 50 rides all look different. */
    private static final String[] RIDE_COLOURS = {"#1d4ed8", "#be185d", "#047857", "#7c3aed", "#c2410c", "#0e7490",
            "#a16207", "#4d7c0f", "#b91c1c", "#334155"};
    private static final String[] RIDE_DASHES = {"", "6 3", "2 3", "8 3 2 3", "1 2"};
    private static final int MAP_W = 960;
    private static final int MAP_H = 640;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final OwnerReport report;
    private final Figures fig;
    private final StringBuilder h = new StringBuilder(1 << 16);

    private ReportPage(OwnerReport report) {
        this.report = report;
        this.fig = new Figures(report.currency(), report.zone());
    }

    /** Writes the page to {@code file} (UTF-8), creating its directory. */
    public static void write(OwnerReport report, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    /** The page's HTML. */
    public static String render(OwnerReport report) {
        return new ReportPage(report).page();
    }

    private String page() {
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(esc(report.business())).append(" · ").append(esc(period())).append("</title><style>").append(CSS)
                .append("</style></head><body>\n<header><h1>").append(esc(report.business())).append("</h1><p>")
                .append(esc(period())).append(" · figures to ").append(esc(fig.time(report.asOf()))).append(' ')
                .append(esc(zoneName())).append("</p></header>\n<main>\n");
        tiles();
        actions();
        map();
        money();
        messages();
        breakdowns();
        h.append("</main>\n");
        footer();
        h.append("<script>").append(JS).append("</script></body></html>\n");
        return h.toString();
    }

    private String period() {
        LocalDate first = report.days().get(0).date();
        LocalDate last = report.days().get(report.days().size() - 1).date();
        return first.equals(last) ? DAY.format(first) : SHORT_DAY.format(first) + " – " + DAY.format(last);
    }

    private String zoneName() {
        return DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(report.asOf().atZone(report.zone()));
    }

    // ---- first screen -------------------------------------------------------------------------------------------

    /**
     * How a tile reads a day's figure: its text, its number (minor units, a count, or a whole percentage, -1 with
     * nothing measured) for the change and the sparkline, and whether up is good.
     */
    private record Tile(String label, Function<DayFigures, String> value, Function<DayFigures, String> sub,
                        ToLongFunction<DayFigures> spark, Change change, boolean upIsGood) {}

    private enum Change { COUNT, MONEY, POINTS }

    private void tiles() {
        List<Tile> tiles = List.of(
                new Tile("Jobs completed", d -> fig.count(d.jobsCompleted()), d -> "of " + fig.count(d.jobsCreated()) + " booked",
                        DayFigures::jobsCompleted, Change.COUNT, true),
                new Tile("Revenue", d -> fig.money(d.revenue()), d -> "invoiced, taxes included",
                        d -> d.revenue().minor(), Change.MONEY, true),
                new Tile("Collected", d -> fig.money(d.collected()), d -> "cash, UPI and wallets",
                        d -> d.collected().minor(), Change.MONEY, true),
                new Tile("Pending", d -> fig.money(d.pending()), d -> "still owed for the day's jobs",
                        d -> d.pending().minor(), Change.MONEY, false),
                new Tile("SLA met", d -> fig.percent(d.slaMet().ratio()), d -> of(d.slaMet(), "jobs in time"),
                        d -> wholePercent(d.slaMet().ratio()), Change.POINTS, true),
                new Tile("First-time fix", d -> fig.percent(d.firstTimeFix().ratio()), d -> of(d.firstTimeFix(), "fixed first visit"),
                        d -> wholePercent(d.firstTimeFix().ratio()), Change.POINTS, true),
                new Tile("Customer satisfaction", d -> fig.percent(d.csat().ratio()), d -> of(d.csat(), "rated 4 or 5 stars"),
                        d -> wholePercent(d.csat().ratio()), Change.POINTS, true),
                new Tile("Utilisation", d -> fig.percent(d.utilisation().capped()), this::utilisationNote,
                        d -> wholePercent(d.utilisation().capped()), Change.POINTS, true),
                new Tile("Not placed", d -> fig.count(d.notPlaced()), d -> "customers to call back",
                        DayFigures::notPlaced, Change.COUNT, false),
                new Tile("Leakage at risk", d -> fig.money(d.leakage()), d -> "see the findings below",
                        d -> d.leakage().minor(), Change.MONEY, false));
        DayFigures today = report.today();
        DayFigures yesterday = report.yesterday().orElse(null);
        h.append("<section id=\"today\" aria-labelledby=\"today-h\"><h2 id=\"today-h\">Today, ")
                .append(esc(DAY.format(today.date()))).append("</h2><div class=\"tiles\">\n");
        for (Tile t : tiles) {
            h.append("<div class=\"tile\"><div class=\"label\">").append(esc(t.label())).append("</div><div class=\"value\">")
                    .append(esc(t.value().apply(today))).append("</div><div class=\"sub\">").append(esc(t.sub().apply(today)))
                    .append("</div>");
            if (yesterday != null) {
                change(t, today, yesterday);
                sparkline(t);
            }
            h.append("</div>\n");
        }
        h.append("</div></section>\n");
    }

    private String of(Share s, String what) {
        return s.whole() == 0 ? "nothing to measure" : fig.count(s.part()) + " of " + fig.count(s.whole()) + " " + what;
    }

    private String utilisationNote(DayFigures d) {
        long past = d.utilisation().pastShiftMinutes();
        return past > 0 ? "on site vs shift; " + fig.count(past) + " min past shift end" : "time on site vs shift";
    }

    /** The percentage as the tile shows it (rounded down), -1 with nothing measured. */
    private static long wholePercent(OptionalDouble r) {
        return r.isPresent() ? (long) Math.floor(r.getAsDouble() * 100 + 1e-9) : -1;
    }

    private static long permille(OptionalDouble r) {
        return r.isPresent() ? Math.round(r.getAsDouble() * 1000) : -1;
    }

    private void change(Tile t, DayFigures today, DayFigures yesterday) {
        long now = t.spark().applyAsLong(today);
        long before = t.spark().applyAsLong(yesterday);
        String text = switch (t.change()) {
            case COUNT -> fig.countChange(now - before);
            case MONEY -> fig.moneyChange(Money.ofMinor(now - before, report.currency()));
            case POINTS -> now < 0 || before < 0 ? "—" : fig.countChange(now - before) + " pts";
        };
        // the tone follows the change as shown: a difference that rounds away is no change
        String tone = text.startsWith("±") || text.equals("—") ? "flat" : (now > before) == t.upIsGood() ? "good" : "bad";
        h.append("<div class=\"change ").append(tone).append("\">").append(esc(text)).append(" vs yesterday</div>");
    }

    private void sparkline(Tile t) {
        List<DayFigures> days = report.days();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (DayFigures d : days) {
            long v = t.spark().applyAsLong(d);
            if (v >= 0) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return; // nothing measured on any day
        }
        double span = Math.max(1, max - min);
        StringBuilder pts = new StringBuilder();
        StringBuilder label = new StringBuilder(t.label()).append(" over the last ").append(days.size()).append(" days:");
        for (int i = 0; i < days.size(); i++) {
            long v = t.spark().applyAsLong(days.get(i));
            if (v < 0) {
                continue; // nothing measured that day: the line joins its neighbours
            }
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", 2 + i * 116.0 / (days.size() - 1), 22 - (v - min) / span * 20));
            label.append(' ').append(t.value().apply(days.get(i)));
        }
        h.append("<svg class=\"spark\" viewBox=\"0 0 120 24\" role=\"img\" aria-label=\"").append(esc(label.toString()))
                .append("\"><polyline points=\"").append(pts.toString().trim()).append("\"/></svg>");
    }

    // ---- action lists -------------------------------------------------------------------------------------------

    private void actions() {
        h.append("<section id=\"actions\" aria-labelledby=\"actions-h\"><h2 id=\"actions-h\">To do</h2>\n");
        Table callBacks = new Table("Customers to call back", "call-back",
                "Jobs no technician could take, and jobs moved to another day.",
                List.of(col("Customer"), col("Phone"), col("Job"), col("Service"), col("Why"), col("Asked at")));
        report.callBacks().stream().sorted(Comparator.comparing(CallBack::requestedAt)).forEach(c -> callBacks.row(
                text(c.customer()), phone(c.phone()), text(c.jobNumber()), text(c.service()), text(c.reason().words()),
                time(c.requestedAt())));
        callBacks.write();

        Table sla = new Table("Promises missed", "sla-misses", "Jobs not reached by the time promised to the customer.",
                List.of(col("Customer"), col("Job"), col("Service"), col("Branch"), col("Technician"), col("Due"),
                        col("Arrived"), num("Late by")));
        report.slaMisses().stream().sorted(Comparator.comparing(SlaMiss::due)).forEach(s -> {
            Duration late = s.lateBy(report.asOf());
            sla.row(text(s.customer()), text(s.jobNumber()), text(s.service()), text(s.branch()), text(s.technician()),
                    time(s.due()), s.arrived().map(this::time).orElse(text("nobody yet")),
                    new Cell(fig.age(late), late.toMinutes()));
        });
        sla.write();

        Table unhappy = new Table("Customers unhappy", "unhappy",
                "Rated their job 1 or 2 stars from the link in the job-done message; lowest first.",
                List.of(col("Customer"), col("Phone"), col("Job"), col("Service"), col("Technician"), num("Stars"),
                        wide("What they wrote"), col("Rated at")));
        report.unhappy().stream().sorted(Comparator.comparingInt(UnhappyCustomer::stars)
                .thenComparing(UnhappyCustomer::ratedAt)).forEach(u -> unhappy.row(text(u.customer()), phone(u.phone()),
                text(u.jobNumber()), text(u.service()), text(u.technician()), count(u.stars()),
                text(u.comment().isEmpty() ? "—" : u.comment()), time(u.ratedAt())));
        unhappy.write();

        Table pending = new Table("Money to collect", "pending",
                "Owed by customer, oldest first; age counts from the job's completion to the report's end.",
                List.of(col("Customer"), col("Phone"), col("Jobs"), num("Owed"), num("Oldest for")));
        Map<String, List<PendingCollection>> byCustomer = new LinkedHashMap<>();
        report.pending().forEach(p -> byCustomer.computeIfAbsent(p.customer(), k -> new ArrayList<>()).add(p));
        byCustomer.values().stream()
                .sorted(Comparator.comparing((List<PendingCollection> ps) -> oldest(ps)).thenComparing(ps -> ps.get(0).customer()))
                .forEach(ps -> {
                    Money owed = ps.stream().map(PendingCollection::owed).reduce(Money.zero(report.currency()), Money::plus);
                    Duration age = Duration.between(oldest(ps), report.asOf());
                    pending.row(text(ps.get(0).customer()), phone(ps.get(0).phone()),
                            text(String.join(", ", ps.stream().map(PendingCollection::jobNumber).toList())), money(owed),
                            new Cell(fig.age(age.isNegative() ? Duration.ZERO : age), age.toMinutes()));
                });
        pending.write();

        Table renewals = new Table("Contracts to renew", "renewals", "AMC contracts ending soon.",
                List.of(col("Customer"), col("Phone"), col("Plan"), col("Ends on"), num("Renewal value")));
        report.renewals().stream().sorted(Comparator.comparing(RenewalDue::endsOn)).forEach(r -> renewals.row(
                text(r.customer()), phone(r.phone()), text(r.plan()),
                new Cell(SHORT_DAY.format(r.endsOn()), r.endsOn().toEpochDay()), money(r.value())));
        renewals.write();

        Table stock = new Table("Vans to restock", "low-stock", "Parts at or below their reorder level.",
                List.of(col("Technician"), col("Part"), num("On hand"), num("Reorder at")));
        report.lowStock().forEach(l -> stock.row(text(l.technician()), text(l.part()), count(l.onHand()),
                count(l.reorderLevel())));
        stock.write();

        Table leakage = new Table("Money that may be leaking", "leakage",
                "What the records show; check each before acting.",
                List.of(wide("What"), col("Technician"), col("Job"), num("At risk"), wide("Evidence")));
        report.leakage().stream().sorted(Comparator.comparing(LeakageItem::atRisk).reversed()).forEach(l -> leakage.row(
                text(l.what()), text(l.technician()), text(l.jobNumber()), money(l.atRisk()), text(l.evidence())));
        leakage.write();
        h.append("</section>\n");
    }

    private static Instant oldest(List<PendingCollection> ps) {
        return ps.stream().map(PendingCollection::since).min(Comparator.naturalOrder()).orElseThrow();
    }

    // ---- map ----------------------------------------------------------------------------------------------------

    private void map() {
        ReportMap m = report.map();
        h.append("<section id=\"map\" aria-labelledby=\"map-h\"><h2 id=\"map-h\">Map of ")
                .append(esc(DAY.format(report.today().date()))).append("</h2>\n");
        List<GeoPoint> all = new ArrayList<>();
        m.branches().forEach(b -> all.add(b.location()));
        m.sites().forEach(s -> all.add(s.location()));
        m.rides().forEach(r -> all.addAll(r.points()));
        if (all.isEmpty()) {
            h.append("<p>Nothing to draw.</p></section>\n");
            return;
        }
        Projection p = new Projection(all);
        h.append("<p class=\"legend\">");
        for (int i = 0; i < m.branches().size(); i++) {
            h.append("<span class=\"key\" style=\"color:").append(branchColour(i)).append("\">■ ")
                    .append(esc(m.branches().get(i).name())).append("</span> ");
        }
        for (ReportMap.Outcome o : ReportMap.Outcome.values()) {
            h.append("<span class=\"key ").append(outcomeClass(o)).append("\">● ").append(esc(o.words())).append("</span> ");
        }
        h.append("· lines: technicians' rides</p>\n<svg class=\"map\" viewBox=\"0 0 ").append(MAP_W).append(' ').append(MAP_H)
                .append("\" role=\"img\" aria-label=\"Map of branches, job sites and technicians' rides\">")
                .append("<rect width=\"").append(MAP_W).append("\" height=\"").append(MAP_H).append("\" fill=\"#f8fafc\"/>\n");
        for (int i = 0; i < m.rides().size(); i++) {
            ReportMap.Ride r = m.rides().get(i);
            if (r.points().size() < 2) {
                continue;
            }
            h.append("<polyline class=\"ride\" stroke=\"").append(rideColour(i)).append('"');
            if (!rideDash(i).isEmpty()) {
                h.append(" stroke-dasharray=\"").append(rideDash(i)).append('"');
            }
            h.append(" points=\"");
            String previous = "";
            for (GeoPoint pt : r.points()) {
                String xy = p.x(pt) + ',' + p.y(pt);
                if (!xy.equals(previous)) { // points closer than the map's resolution draw nothing
                    h.append(xy).append(' ');
                    previous = xy;
                }
            }
            h.setLength(h.length() - 1);
            h.append("\"><title>").append(esc(r.technician())).append(" (").append(esc(r.branch()))
                    .append(")</title></polyline>\n");
        }
        for (ReportMap.Site s : m.sites()) {
            h.append("<circle class=\"").append(outcomeClass(s.outcome())).append("\" cx=\"").append(p.x(s.location()))
                    .append("\" cy=\"").append(p.y(s.location())).append("\" r=\"3\"><title>").append(esc(s.label()))
                    .append(": ").append(esc(s.outcome().words())).append("</title></circle>\n");
        }
        List<double[]> labels = new ArrayList<>();
        for (int i = 0; i < m.branches().size(); i++) {
            ReportMap.Branch b = m.branches().get(i);
            String x = p.x(b.location());
            String y = p.y(b.location());
            String dy = labelOffset(labels, p.px(b.location()), p.py(b.location()), b.name());
            h.append("<g class=\"branch\"><rect x=\"").append(x).append("\" y=\"").append(y)
                    .append("\" width=\"16\" height=\"16\" transform=\"translate(-8,-8)\" fill=\"").append(branchColour(i))
                    .append("\" stroke=\"#ffffff\" stroke-width=\"2\"/><text class=\"halo\" x=\"").append(x).append("\" y=\"")
                    .append(y).append("\" dy=\"").append(dy).append("\" text-anchor=\"middle\">").append(esc(b.name()))
                    .append("</text><text class=\"name\" x=\"").append(x).append("\" y=\"").append(y)
                    .append("\" dy=\"").append(dy).append("\" text-anchor=\"middle\">").append(esc(b.name())).append("</text></g>\n");
        }
        h.append("</svg>\n");
        if (!m.rides().isEmpty()) {
            h.append("<details class=\"rides\"><summary>Whose ride is which (").append(fig.count(m.rides().size()))
                    .append(" technicians)</summary><ul>");
            for (int i = 0; i < m.rides().size(); i++) {
                ReportMap.Ride r = m.rides().get(i);
                h.append("<li><svg class=\"swatch\" viewBox=\"0 0 28 8\" aria-hidden=\"true\"><line x1=\"0\" y1=\"4\" x2=\"28\" y2=\"4\" stroke=\"")
                        .append(rideColour(i)).append('"');
                if (!rideDash(i).isEmpty()) {
                    h.append(" stroke-dasharray=\"").append(rideDash(i)).append('"');
                }
                h.append("/></svg> ").append(esc(r.technician())).append(" · ").append(esc(r.branch())).append("</li>");
            }
            h.append("</ul></details>\n");
        }
        h.append("</section>\n");
    }

    /**
     * Where a branch's name goes: above its marker, or below it when that would cover a name already placed (two
     * branches close together, e.g. Jayanagar and Banashankari). Records the box it takes in {@code placed}.
     */
    private static String labelOffset(List<double[]> placed, double x, double y, String name) {
        double half = name.length() * 4.7 + 3; // about 9.4 px a character at the labels' 15 px bold
        double[] above = {x - half, y - 26, x + half, y - 10};
        boolean free = placed.stream().noneMatch(o -> above[0] < o[2] && o[0] < above[2] && above[1] < o[3] && o[1] < above[3]);
        placed.add(free ? above : new double[] {x - half, y + 13, x + half, y + 29});
        return free ? "-13" : "26";
    }

    private static String branchColour(int i) {
        return BRANCH_COLOURS[i % BRANCH_COLOURS.length];
    }

    private static String rideColour(int i) {
        return RIDE_COLOURS[i % RIDE_COLOURS.length];
    }

    private static String rideDash(int i) {
        return RIDE_DASHES[(i / RIDE_COLOURS.length) % RIDE_DASHES.length];
    }

    private static String outcomeClass(ReportMap.Outcome o) {
        return switch (o) {
            case COMPLETED -> "done";
            case OPEN -> "open";
            case NOT_PLACED -> "lost";
        };
    }

    /** Equirectangular projection of the points' bounding box onto the SVG canvas, north up. */
    private static final class Projection {
        private final double minLat;
        private final double maxLat;
        private final double minLng;
        private final double kx;
        private final double scale;
        private final double offsetX;
        private final double offsetY;

        Projection(List<GeoPoint> pts) {
            double lo = 90;
            double hi = -90;
            double west = 180;
            double east = -180;
            for (GeoPoint p : pts) {
                lo = Math.min(lo, p.lat());
                hi = Math.max(hi, p.lat());
                west = Math.min(west, p.lng());
                east = Math.max(east, p.lng());
            }
            double pad = 0.005;
            minLat = lo - pad;
            maxLat = hi + pad;
            minLng = west - pad;
            kx = Math.cos(Math.toRadians((lo + hi) / 2));
            double w = (east + pad - minLng) * kx;
            double hgt = maxLat - minLat;
            scale = Math.min((MAP_W - 40) / w, (MAP_H - 50) / hgt);
            offsetX = (MAP_W - w * scale) / 2;
            offsetY = 30 + (MAP_H - 50 - hgt * scale) / 2;
        }

        double px(GeoPoint p) {
            return offsetX + (p.lng() - minLng) * kx * scale;
        }

        double py(GeoPoint p) {
            return offsetY + (maxLat - p.lat()) * scale;
        }

        String x(GeoPoint p) {
            return String.format(Locale.ROOT, "%.1f", px(p));
        }

        String y(GeoPoint p) {
            return String.format(Locale.ROOT, "%.1f", py(p));
        }
    }

    // ---- money --------------------------------------------------------------------------------------------------

    private void money() {
        Reconciliation r = report.reconciliation();
        h.append("<section id=\"money\" aria-labelledby=\"money-h\"><h2 id=\"money-h\">Where the money is</h2>")
                .append("<p class=\"hint\">Revenue for the period's completed jobs = collected + still owed + the "
                        + "differences explained below.</p>\n");
        Table t = new Table(null, "reconciliation", null, List.of(col("Line"), num("Amount")));
        t.row(text("Revenue (invoiced, taxes included)"), money(r.revenue()));
        t.row(text("Collected"), money(r.collected()));
        t.row(text("Still owed"), money(r.pending()));
        r.differences().forEach(d -> t.row(text(d.reason()), money(d.amount())));
        Money rest = r.unexplained();
        t.row(text(rest.isZero() ? "Not explained: nothing, every amount is accounted for"
                : "Not explained: revenue minus the lines above does not come to zero"), money(rest));
        t.write();
        List<String> checks = new ArrayList<>();
        Money daysRevenue = sum(report.days().stream().map(DayFigures::revenue).toList());
        Money daysCollected = sum(report.days().stream().map(DayFigures::collected).toList());
        checks.add(agreement("the days' revenue tiles", daysRevenue, r.revenue(), "revenue"));
        checks.add(agreement("the days' collected tiles", daysCollected, r.collected(), "collected"));
        if (!report.branches().isEmpty()) {
            checks.add(agreement("the branches' revenue", sum(report.branches().stream().map(BranchRow::revenue).toList()),
                    r.revenue(), "revenue"));
        }
        if (!report.serviceTypes().isEmpty()) {
            checks.add(agreement("the service types' revenue",
                    sum(report.serviceTypes().stream().map(ServiceTypeRow::revenue).toList()), r.revenue(), "revenue"));
        }
        h.append("<ul class=\"checks\">");
        checks.forEach(c -> h.append("<li>").append(esc(c)).append("</li>"));
        h.append("</ul></section>\n");
    }

    /**
     * Whether some parts add up to a period total, in words. A gap the size of the explained differences says so:
     * those amounts are in the revenue but not in the parts (e.g. a part billed after its invoice is not on it).
     */
    private String agreement(String parts, Money partsTotal, Money total, String totalName) {
        Money gap = partsTotal.minus(total);
        String sum = "Adding up " + parts + " gives " + fig.money(partsTotal);
        if (gap.isZero()) {
            return sum + ": the period's " + totalName + ".";
        }
        Money explained = sum(report.reconciliation().differences().stream().map(Reconciliation.Difference::amount).toList());
        Money size = gap.isNegative() ? gap.negate() : gap;
        return sum + ", " + fig.money(size) + (gap.isNegative() ? " less" : " more") + " than the period's " + totalName
                + " (" + fig.money(total) + ")" + (size.equals(explained) && !explained.isZero()
                ? ": the differences explained above." : ": not explained.");
    }

    private Money sum(List<Money> amounts) {
        return amounts.stream().reduce(Money.zero(report.currency()), Money::plus);
    }

    // ---- messages to customers ------------------------------------------------------------------------------------

    /** What the customers were told, day by day; nothing when the business sent no messages. */
    private void messages() {
        if (report.messages().isEmpty()) {
            return;
        }
        h.append("<section id=\"messages\" aria-labelledby=\"messages-h\"><h2 id=\"messages-h\">Messages to customers"
                + "</h2>\n");
        Table days = new Table(null, "messages", "WhatsApp messages by the day they were written: booking, technician "
                + "assigned, on the way, job done with the payment link and the rating link. In the quiet hours of the "
                + "night only messages about the moment go out (on the way, arrived, codes); the rest wait for the morning.",
                List.of(col("Day"), num("Written"), num("Sent"), num("Delivered"), num("Read"), num("Not delivered"),
                        num("Held overnight")));
        for (MessageDay d : report.messages()) {
            days.row(new Cell(SHORT_DAY.format(d.date()), d.date().toEpochDay()), count(d.written()), count(d.sent()),
                    count(d.delivered()), count(d.read()), count(d.failed()).flagIf(d.failed() * 20 > d.written()),
                    count(d.heldOvernight()));
        }
        days.write();
        h.append("<p class=\"hint\">").append(esc("In all " + total(MessageDay::written) + " messages written, "
                + total(MessageDay::sent) + " sent, " + total(MessageDay::delivered) + " delivered ("
                + total(MessageDay::read) + " read), " + total(MessageDay::failed) + " not delivered, "
                + total(MessageDay::heldOvernight) + " held overnight."))
                .append("</p></section>\n");
    }

    /** The period's total of one messages figure, as the page writes a count. */
    private String total(ToLongFunction<MessageDay> figure) {
        return fig.count(report.messages().stream().mapToLong(figure).sum());
    }

    // ---- breakdowns ---------------------------------------------------------------------------------------------

    private void breakdowns() {
        h.append("<section id=\"breakdowns\" aria-labelledby=\"breakdowns-h\"><h2 id=\"breakdowns-h\">")
                .append(report.days().size() == 1 ? "The day" : "The " + fig.count(report.days().size()) + " days")
                .append(" by branch, technician and service</h2>\n");
        Table branches = new Table("Branches", "branches", null, List.of(col("Branch"), num("Technicians"), num("Booked"),
                num("Completed"), num("Revenue"), num("Collected"), num("Owed"), num("SLA met"), num("First-time fix"),
                num("Satisfaction")));
        report.branches().forEach(b -> branches.row(text(b.branch()), count(b.technicians()), count(b.jobsCreated()),
                count(b.jobsCompleted()), money(b.revenue()), money(b.collected()), money(b.pending()), share(b.slaMet(), null),
                share(b.firstTimeFix(), null), share(b.csat(), null)));
        branches.write();

        Share teamCsat = report.technicians().stream().map(TechnicianRow::csat).reduce(Share.NONE, Share::plus);
        Share teamFtf = report.technicians().stream().map(TechnicianRow::firstTimeFix).reduce(Share.NONE, Share::plus);
        Share teamSla = report.technicians().stream().map(TechnicianRow::slaMet).reduce(Share.NONE, Share::plus);
        Table techs = new Table("Technicians", "technicians",
                "Highlighted: well below the team (under 80% of the team's figure) or parts sold below cost.",
                List.of(col("Technician"), col("Branch"), num("Completed"), num("Satisfaction"), num("First-time fix"),
                        num("SLA met"), num("Revenue"), num("Parts margin"), num("Utilisation"), num("Ridden")));
        report.technicians().forEach(t -> techs.row(text(t.technician()), text(t.branch()), count(t.jobsCompleted()),
                share(t.csat(), teamCsat), share(t.firstTimeFix(), teamFtf), share(t.slaMet(), teamSla), money(t.revenue()),
                margin(t.partsMargin()), utilisation(t.utilisation()),
                new Cell(fig.km(t.rideMetres()), t.rideMetres())));
        techs.write();

        Table services = new Table("Service types", "service-types", null, List.of(col("Service"), num("Completed"),
                num("Revenue"), num("Average ticket"), num("Parts margin"), num("First-time fix")));
        report.serviceTypes().forEach(s -> services.row(text(s.service()), count(s.jobsCompleted()), money(s.revenue()),
                s.jobsCompleted() == 0 ? new Cell("—", -1)
                        : money(Money.ofMinor(s.revenue().minor() / s.jobsCompleted(), report.currency())),
                margin(s.partsMargin()), share(s.firstTimeFix(), null)));
        services.write();
        h.append("</section>\n");
    }

    private Cell share(Share s, Share team) {
        Cell c = new Cell(fig.percent(s.ratio()), permille(s.ratio()));
        boolean low = team != null && s.ratio().isPresent() && team.ratio().isPresent()
                && s.ratio().getAsDouble() < 0.8 * team.ratio().getAsDouble();
        return c.flagIf(low);
    }

    private Cell utilisation(Utilisation u) {
        String text = fig.percent(u.capped());
        if (u.pastShiftMinutes() > 0) {
            text += " (+" + fig.count(u.pastShiftMinutes()) + " min past shift)";
        }
        return new Cell(text, permille(u.capped()));
    }

    // ---- footer -------------------------------------------------------------------------------------------------

    private void footer() {
        HowRun run = report.howRun();
        h.append("<footer><h2>").append(report.days().size() == 1 ? "How this day was simulated" : "How these days were simulated")
                .append("</h2><ul>");
        h.append("<li>").append(esc(fig.count(run.technicians()) + " technicians, " + fig.count(run.jobs())
                + " jobs, random seed " + run.seed() + " (the same seed makes the same page).")).append("</li>");
        run.steps().forEach(s -> h.append("<li>").append(esc(s)).append("</li>"));
        h.append("<li>Made by <code>").append(esc(run.command())).append("</code>. Times are ").append(esc(zoneName()))
                .append(" (").append(esc(report.zone().getId())).append("). The page needs no network.</li></ul></footer>\n");
    }

    // ---- tables -------------------------------------------------------------------------------------------------

    /** A column: numbers align right; a wide column wraps its text on a phone instead of growing the table. */
    private record Column(String name, boolean numeric, boolean wide) {}

    /** A cell's text and its sort key (numbers sort by value; text cells sort by their text). */
    private record Cell(String text, Long sortKey, boolean flagged) {
        Cell(String text, long sortKey) {
            this(text, sortKey, false);
        }

        Cell flagIf(boolean flag) {
            return new Cell(text, sortKey, flag);
        }
    }

    private static Column col(String name) {
        return new Column(name, false, false);
    }

    private static Column num(String name) {
        return new Column(name, true, false);
    }

    private static Column wide(String name) {
        return new Column(name, false, true);
    }

    private static Cell text(String s) {
        return new Cell(s, null, false);
    }

    private static Cell phone(String phone) {
        return text(phone.isBlank() ? "—" : phone);
    }

    private Cell money(Money m) {
        return new Cell(fig.money(m), m.minor());
    }

    private Cell margin(Optional<Money> m) {
        return m.map(v -> money(v).flagIf(v.isNegative())).orElse(new Cell("—", Long.MIN_VALUE));
    }

    private Cell count(long n) {
        return new Cell(fig.count(n), n);
    }

    private Cell time(Instant at) {
        return new Cell(fig.time(at), at.getEpochSecond());
    }

    /** A sortable, downloadable table; with no rows it says there is nothing to do. */
    private final class Table {
        private final String title;
        private final String id;
        private final String hint;
        private final List<Column> columns;
        private final List<Cell[]> rows = new ArrayList<>();

        Table(String title, String id, String hint, List<Column> columns) {
            this.title = title;
            this.id = id;
            this.hint = hint;
            this.columns = columns;
        }

        void row(Cell... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalStateException(id + ": " + cells.length + " cells for " + columns.size() + " columns");
            }
            rows.add(cells);
        }

        void write() {
            h.append("<div class=\"block\">");
            if (title != null) {
                h.append("<h3>").append(esc(title)).append(" <span class=\"count\">").append(fig.count(rows.size()))
                        .append("</span></h3>");
            }
            if (hint != null) {
                h.append("<p class=\"hint\">").append(esc(hint)).append("</p>");
            }
            if (rows.isEmpty()) {
                h.append("<p class=\"none\">None.</p></div>\n");
                return;
            }
            h.append("<div class=\"scroll\"><table class=\"data\" id=\"t-").append(id).append("\"><thead><tr>");
            for (Column c : columns) {
                h.append("<th scope=\"col\"").append(c.numeric() ? " class=\"n\"" : "").append('>').append(esc(c.name()))
                        .append("</th>");
            }
            h.append("</tr></thead><tbody>\n");
            for (Cell[] r : rows) {
                h.append("<tr>");
                for (int i = 0; i < r.length; i++) {
                    Cell c = r[i];
                    List<String> classes = new ArrayList<>();
                    if (columns.get(i).numeric()) {
                        classes.add("n");
                    }
                    if (columns.get(i).wide()) {
                        classes.add("wrap");
                    }
                    if (c.flagged()) {
                        classes.add("flag");
                    }
                    h.append("<td");
                    if (!classes.isEmpty()) {
                        h.append(" class=\"").append(String.join(" ", classes)).append('"');
                    }
                    if (c.sortKey() != null) {
                        h.append(" data-v=\"").append(c.sortKey()).append('"');
                    }
                    h.append('>').append(esc(c.text())).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody></table></div><button type=\"button\" class=\"csv\" data-table=\"t-").append(id)
                    .append("\" data-file=\"").append(id).append(".csv\">Download CSV</button></div>\n");
        }
    }

    /**
     * The text as HTML: {@code & < > "} as references; a character HTML forbids (a control character but tab, line
     * feed, form feed and carriage return; a lone surrogate; a noncharacter) shown as a backslash, {@code u} and its
     * four hex digits, as the CLI shows it on a terminal.
     */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (forbidden(c)) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
            i += Character.charCount(c);
        }
        return b.toString();
    }

    private static boolean forbidden(int c) {
        boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || (c >= 0x7f && c <= 0x9f);
        boolean nonCharacter = (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
        return control || nonCharacter || c >= 0xd800 && c <= 0xdfff;
    }

    private static final String CSS = """
            *{box-sizing:border-box}
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f1f5f9;color:#0f172a}
            header{background:#0f172a;color:#fff;padding:16px 24px}header h1{margin:0;font-size:22px}
            header p{margin:4px 0 0;color:#cbd5e1}
            main{display:block}
            section{background:#fff;margin:14px 20px;padding:12px 18px;border-radius:10px;box-shadow:0 1px 3px #0002}
            h2{font-size:18px;margin:4px 0 10px}h3{font-size:15px;margin:14px 0 4px}.count{color:#64748b;font-weight:400}
            .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px}
            .tile{border:1px solid #e2e8f0;border-radius:8px;padding:10px 12px}
            .tile .label{color:#475569;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
            .tile .value{font-size:24px;font-weight:600;margin:2px 0}.tile .sub{color:#64748b;font-size:12px}
            .change{font-size:12px;margin-top:4px}.good{color:#15803d}.bad{color:#b91c1c}.flat{color:#64748b}
            .spark{display:block;width:100%;height:24px;margin-top:4px}
            .spark polyline{fill:none;stroke:#2563eb;stroke-width:1.5}
            .scroll{overflow:auto;max-width:100%;max-height:22em;border:1px solid #e2e8f0;border-radius:6px}
            .scroll thead th{position:sticky;top:0;z-index:1}
            table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{padding:4px 8px;border-bottom:1px solid #e2e8f0;text-align:left;vertical-align:top;white-space:nowrap}
            td.wrap{white-space:normal;min-width:16em}
            th{background:#f8fafc;cursor:pointer;white-space:nowrap}th[aria-sort=ascending]::after{content:" ▲"}
            th[aria-sort=descending]::after{content:" ▼"}.n{text-align:right;font-variant-numeric:tabular-nums}
            td.flag{background:#fee2e2;color:#991b1b;font-weight:600}
            .csv{margin:6px 0 2px;font:inherit;font-size:12px;padding:3px 10px;border:1px solid #94a3b8;border-radius:6px;background:#fff;cursor:pointer}
            .hint,.none{color:#64748b;font-size:12px;margin:2px 0}
            .map{display:block;width:100%;max-width:1000px;margin:0 auto;height:auto;border:1px solid #e2e8f0;border-radius:8px}
            .ride{fill:none;stroke-width:1.6;stroke-opacity:.75}
            circle.done{fill:#16a34a}circle.open{fill:#f59e0b}circle.lost{fill:#dc2626}
            .legend{font-size:13px}.key{margin-right:10px;white-space:nowrap}.key.done{color:#16a34a}.key.open{color:#b45309}.key.lost{color:#dc2626}
            .branch text{font-size:15px;font-weight:700}.branch .halo{fill:#fff;stroke:#fff;stroke-width:4px;stroke-linejoin:round}
            .branch .name{fill:#0f172a}
            .rides ul{columns:3 200px;padding-left:0;list-style:none;font-size:13px}.swatch{width:28px;height:8px}
            .checks{font-size:13px;color:#334155}
            footer{margin:14px 20px 36px;color:#475569;font-size:13px}footer h2{font-size:15px}
            @media (min-width:1000px){.tiles{grid-template-columns:repeat(5,1fr)}}
            @media (max-width:600px){
            body{font-size:14px}header{padding:12px 14px}header h1{font-size:19px}
            section{margin:10px 6px;padding:10px 10px;border-radius:6px}
            .tiles{grid-template-columns:1fr 1fr;gap:8px}.tile .value{font-size:20px}
            .rides ul{columns:1}footer{margin:10px 8px 24px}
            }
            @media print{
            @page{size:A4;margin:10mm}
            body{background:#fff;font-size:11px}header{background:none;color:#000;padding:0 0 4px}header p{color:#333}
            main{display:flex;flex-direction:column}
            section{box-shadow:none;margin:0 0 6px;padding:0;border-radius:0}
            #today{order:1}#map{order:2;break-after:page}#actions{order:3}#money{order:4}#messages{order:5}#breakdowns{order:6}
            .tiles{grid-template-columns:repeat(5,1fr);gap:4px}.tile{padding:4px 6px}.tile .value{font-size:16px}
            .spark{height:14px}.map{max-height:150mm;width:auto;max-width:100%;margin:0 auto}
            .csv,.rides{display:none}.scroll{overflow:visible;max-height:none;border:0}tr{break-inside:avoid}
            }
            """;

    /** Sorting (click a header) and CSV download (exactly the rows shown, in the order shown). */
    private static final String JS = """
            (function(){
            function key(cell){return cell.hasAttribute('data-v')?parseFloat(cell.getAttribute('data-v')):cell.textContent.toLowerCase();}
            function sortBy(table,th){
              var i=Array.prototype.indexOf.call(th.parentNode.children,th);
              var asc=th.getAttribute('aria-sort')!=='ascending';
              Array.prototype.forEach.call(th.parentNode.children,function(o){o.removeAttribute('aria-sort');});
              th.setAttribute('aria-sort',asc?'ascending':'descending');
              var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
              rows.sort(function(a,b){var x=key(a.cells[i]),y=key(b.cells[i]);return (x<y?-1:x>y?1:0)*(asc?1:-1);});
              rows.forEach(function(r){body.appendChild(r);});
            }
            function quote(s,text){s=s.replace(/\\s+/g,' ').trim();if(text&&/^[=+\\-@]/.test(s)){s="'"+s;}
              return /[",\\n]/.test(s)?'"'+s.replace(/"/g,'""')+'"':s;}
            function csv(id){
              var t=document.getElementById(id),out=[];
              Array.prototype.forEach.call(t.rows,function(r){
                if(r.offsetParent===null&&r.style.display==='none'){return;}
                out.push(Array.prototype.map.call(r.cells,function(c){
                  return quote(c.textContent,c.tagName==='TD'&&!/(^| )n( |$)/.test(c.className));}).join(','));});
              return out.join('\\r\\n')+'\\r\\n';
            }
            window.reportCsv=csv;
            Array.prototype.forEach.call(document.querySelectorAll('table.data'),function(t){
              Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th){
                th.addEventListener('click',function(){sortBy(t,th);});});});
            Array.prototype.forEach.call(document.querySelectorAll('button.csv'),function(b){
              b.addEventListener('click',function(){
                var blob=new Blob(['\\ufeff'+csv(b.getAttribute('data-table'))],{type:'text/csv;charset=utf-8'});
                var a=document.createElement('a');a.href=URL.createObjectURL(blob);a.download=b.getAttribute('data-file');
                document.body.appendChild(a);a.click();document.body.removeChild(a);});});
            })();
            """;
}
