package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportPageTest {
    private static final String WEEK = ReportPage.render(SampleReports.week());
    private static final String ONE_DAY = ReportPage.render(SampleReports.oneDay());
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");
    /** A start tag whose every attribute is bare or has its value in double quotes. */
    private static final Pattern QUOTED_TAG = Pattern.compile("<[a-zA-Z][a-zA-Z0-9]*(\\s+[a-zA-Z][a-zA-Z0-9:-]*(=\"[^\"]*\")?)*\\s*/?>");

    @Test
    void everyAttributeValueIsQuoted() {
        assertThat(unquoted(markup(WEEK))).isEmpty();
        assertThat(unquoted(markup(ONE_DAY))).isEmpty();
        // the check can fail: the old map's marker
        assertThat(unquoted("<svg><rect x=\"1\" stroke=#fff stroke-width=2/><text>Hebbal</text></svg>")).hasSize(1);
    }

    @Test
    void theFirstScreenIsTodaysTilesWithTheirChangeAndSparkline() {
        assertThat(WEEK.indexOf("id=\"today\"")).isLessThan(WEEK.indexOf("id=\"actions\""));
        assertThat(count(WEEK, "vs yesterday</div>")).isEqualTo(10);
        assertThat(count(WEEK, "<svg class=\"spark\"")).isEqualTo(10);
        assertThat(WEEK).contains("Today, Sunday 15 March 2026", "+₹12,750 vs yesterday");
        assertThat(WEEK.indexOf("How these days were simulated")).isGreaterThan(WEEK.indexOf("id=\"breakdowns\""));
    }

    @Test
    void unhappyCustomersAreAnActionListAndTheMessagesAreCountedByDay() {
        assertThat(WEEK.indexOf("Customers unhappy")).isBetween(WEEK.indexOf("id=\"actions\""), WEEK.indexOf("id=\"map\""));
        assertThat(WEEK.indexOf("J-00091")).as("1 star before 2 stars").isLessThan(WEEK.indexOf("J-00097"));
        assertThat(WEEK).contains("Problem came back the same evening", "id=\"t-messages\"",
                "In all 4,417 messages written, 4,375 sent, 4,256 delivered (2,555 read), 161 not delivered, 308 held overnight.");
        OwnerReport.Builder none = OwnerReport.builder("A", SampleReports.week().zone(), SampleReports.week().currency())
                .asOf(SampleReports.week().asOf()).day(SampleReports.week().days().get(0))
                .reconciliation(SampleReports.week().reconciliation()).howRun(SampleReports.week().howRun());
        assertThat(ReportPage.render(none.build())).as("no messages, no section").doesNotContain("id=\"messages\"");
    }

    @Test
    void aPeriodEndingOnAClosedDayOpensOnTheLastDayTheBusinessWorked() {
        LocalDate sunday = LocalDate.of(2026, 3, 15);
        DayFigures closed = new DayFigures(sunday, 0, 0, 0, Money.inr(0), Money.inr(0), Money.inr(0), new Share(0, 0),
                new Share(0, 0), new Share(0, 0), Utilisation.NONE, Money.inr(0));
        OwnerReport week = SampleReports.week();
        OwnerReport.Builder b = OwnerReport.builder(week.business(), week.zone(), week.currency()).asOf(week.asOf())
                .map(week.map()).reconciliation(week.reconciliation()).howRun(week.howRun());
        week.days().subList(0, 6).forEach(b::day);
        OwnerReport endsClosed = b.day(closed).build();

        assertThat(endsClosed.today()).isEqualTo(week.days().get(5));
        assertThat(endsClosed.yesterday()).contains(week.days().get(4));
        assertThat(ReportPage.render(endsClosed)).contains("Today, Saturday 14 March 2026");
    }

    @Test
    void oneDayHasNoYesterdayAndNoSparkline() {
        assertThat(ONE_DAY).doesNotContain("vs yesterday", "class=\"spark\"")
                .contains("Today, Monday 9 March 2026", "How this day was simulated");
    }

    @Test
    void theOwnersLanguageOnly() {
        for (String page : List.of(WEEK, ONE_DAY)) {
            String text = markup(page);
            assertThat(text).doesNotContain("UTC", "Rejection[", "Share[", "Money[", "Optional", "hard/", "soft", "io.github",
                    "INR", "T03:", ":00Z");
            assertThat(text).doesNotContainPattern("\\d{3},\\d{3}"); // Western grouping in a rupee page
        }
        assertThat(WEEK).containsPattern("₹\\d{1,2},\\d{2},\\d{3}"); // lakhs
        assertThat(WEEK).contains("Lakshmi N &amp; Sons &lt;Traders&gt;").doesNotContain("<Traders>");
    }

    @Test
    void aShillingPageGroupsTheWesternWay() {
        OwnerReport kes = new OwnerReport("Maji Safi, Nairobi", ZoneId.of("Africa/Nairobi"), Currency.KES,
                Instant.parse("2026-03-09T18:00:00Z"), List.of(day(LocalDate.of(2026, 3, 9), Money.kes(1_234_567_00))),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), emptyMap(), List.of(), List.of(), List.of(),
                new Reconciliation(Money.kes(1_234_567_00), Money.kes(1_234_567_00), Money.kes(0), List.of()), howRun(), List.of(), List.of());
        assertThat(ReportPage.render(kes)).contains("KES 1,234,567", "EAT").doesNotContain("₹");
    }

    @Test
    void theMoneyReconcilesOnThePageOrSaysWhatIsNotExplained() {
        assertThat(WEEK).contains("A part billed after its invoice was paid (J-00063)",
                "Not explained: nothing, every amount is accounted for", "Adding up the days' revenue tiles gives ₹32,16,850: the period's revenue.");
        assertThat(WEEK).doesNotContain("does not come to zero");

        OwnerReport r = SampleReports.week();
        Reconciliation unexplained = new Reconciliation(r.reconciliation().revenue(), r.reconciliation().collected(),
                r.reconciliation().pending(), List.of());
        String page = ReportPage.render(new OwnerReport(r.business(), r.zone(), r.currency(), r.asOf(), r.days(), r.callBacks(),
                r.slaMisses(), r.pending(), r.renewals(), r.lowStock(), r.leakage(), r.map(), r.branches(), r.technicians(),
                r.serviceTypes(), unexplained, r.howRun(), r.unhappy(), r.messages()));
        assertThat(page).contains("Not explained: revenue minus the lines above does not come to zero</td><td class=\"n\" "
                + "data-v=\"65000\">₹650</td>");

        // a breakdown short by the explained differences says so; short by anything else, says it is not explained
        List<ServiceTypeRow> services = new ArrayList<>(r.serviceTypes());
        ServiceTypeRow first = services.get(0);
        services.set(0, new ServiceTypeRow(first.service(), first.jobsCompleted(), first.revenue().minus(Money.inr(650_00)),
                first.partsMargin(), first.firstTimeFix()));
        assertThat(ReportPage.render(withServices(r, services))).contains("₹650 less than the period's revenue (₹32,16,850): "
                + "the differences explained above.");
        services.set(0, new ServiceTypeRow(first.service(), first.jobsCompleted(), first.revenue().plus(Money.inr(1_00)),
                first.partsMargin(), first.firstTimeFix()));
        assertThat(ReportPage.render(withServices(r, services))).contains("₹1 more than the period's revenue (₹32,16,850): "
                + "not explained.");
    }

    @Test
    void aTechnicianPastTheirShiftShowsAHundredPercentAndTheMinutesPast() {
        assertThat(WEEK).contains("100% (+50 min past shift)").doesNotContain("109%");
    }

    @Test
    void outliersAndLossesAreHighlighted() {
        // Ravi Shankar: 3 of 5 satisfied against the team's 9 of 11; a parts margin below cost
        assertThat(WEEK).contains("<td class=\"n flag\" data-v=\"600\">60%</td>", "<td class=\"n flag\" data-v=\"-35000\">-₹350</td>");
        assertThat(count(WEEK, "flag\"")).isEqualTo(2);
    }

    @Test
    void theSamePageFromTheSameReport() {
        assertThat(ReportPage.render(SampleReports.week())).isEqualTo(WEEK);
    }

    @Test
    void eachRideIsDrawnOnceWithItsOwnStroke() {
        Matcher m = Pattern.compile("<polyline class=\"ride\" stroke=\"(#[0-9a-f]{6})\"").matcher(WEEK);
        List<String> strokes = new ArrayList<>();
        while (m.find()) {
            strokes.add(m.group(1));
        }
        assertThat(strokes).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aBranchNameThatWouldCoverAnotherGoesBelowItsMarker() {
        OwnerReport r = SampleReports.week();
        ReportMap close = new ReportMap(List.of(new ReportMap.Branch("Jayanagar", new GeoPoint(12.9250, 77.5938)),
                new ReportMap.Branch("Banashankari", new GeoPoint(12.9255, 77.5900)),
                new ReportMap.Branch("Hebbal", new GeoPoint(13.0358, 77.5970))), List.of(), List.of());
        String page = ReportPage.render(new OwnerReport(r.business(), r.zone(), r.currency(), r.asOf(), r.days(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), close, List.of(), List.of(), List.of(),
                r.reconciliation(), r.howRun(), List.of(), List.of()));
        Matcher m = Pattern.compile("<text class=\"name\" [^>]*dy=\"(-?\\d+)\"[^>]*>([^<]+)</text>").matcher(page);
        List<String> placed = new ArrayList<>();
        while (m.find()) {
            placed.add(m.group(2) + " " + m.group(1));
        }
        assertThat(placed).containsExactly("Jayanagar -13", "Banashankari 26", "Hebbal -13");
    }

    @Test
    void aRideDropsConsecutiveRepeats() {
        GeoPoint a = new GeoPoint(12.9, 77.6);
        GeoPoint b = new GeoPoint(12.91, 77.61);
        assertThat(new ReportMap.Ride("Kavya", "Hebbal", List.of(a, a, a, b, b, a)).points()).containsExactly(a, b, a);
    }

    @Test
    void badFiguresAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> new Share(5, 4)).hasMessageContaining("part 5 is more than the whole 4");
        assertThatThrownBy(() -> new Share(-1, 4)).hasMessageContaining("part must be >= 0");
        assertThatThrownBy(() -> new LowStock("Imran", "Capacitor", 5, 3)).hasMessageContaining("not low");
        assertThatThrownBy(() -> new SlaMiss("A", "J-1", "AC", "Hebbal", "Imran", Instant.parse("2026-03-09T06:00:00Z"),
                Optional.of(Instant.parse("2026-03-09T05:00:00Z")))).hasMessageContaining("not an SLA miss");
        assertThatThrownBy(() -> new CallBack(" ", "", "J-1", "AC", CallBack.Reason.NOT_PLACED, Instant.EPOCH))
                .hasMessageContaining("customer must not be blank");
        OwnerReport r = SampleReports.week();
        List<DayFigures> gap = List.of(r.days().get(0), r.days().get(2));
        assertThatThrownBy(() -> new OwnerReport(r.business(), r.zone(), r.currency(), r.asOf(), gap, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), r.map(), List.of(), List.of(), List.of(), r.reconciliation(),
                r.howRun(), List.of(), List.of())).hasMessageContaining("days must be consecutive");
        assertThatThrownBy(() -> new OwnerReport(r.business(), r.zone(), Currency.KES, r.asOf(), r.days(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), r.map(), List.of(), List.of(), List.of(),
                r.reconciliation(), r.howRun(), List.of(), List.of())).hasMessageContaining("not in the report's currency KES");
    }

    private static OwnerReport withServices(OwnerReport r, List<ServiceTypeRow> services) {
        return new OwnerReport(r.business(), r.zone(), r.currency(), r.asOf(), r.days(), r.callBacks(), r.slaMisses(),
                r.pending(), r.renewals(), r.lowStock(), r.leakage(), r.map(), r.branches(), r.technicians(), services,
                r.reconciliation(), r.howRun(), r.unhappy(), r.messages());
    }

    private static DayFigures day(LocalDate date, Money revenue) {
        Money zero = Money.zero(revenue.currency());
        return new DayFigures(date, 10, 9, 1, revenue, revenue, zero, new Share(8, 9), new Share(9, 9), Share.NONE,
                new Utilisation(300, 480), zero);
    }

    private static ReportMap emptyMap() {
        return new ReportMap(List.of(), List.of(), List.of());
    }

    private static HowRun howRun() {
        return new HowRun("geodispatch city-day --seed 1", 1, 6, 10, List.of());
    }

    /** The page without its script (whose comparisons look like tags). */
    private static String markup(String page) {
        return page.substring(0, page.indexOf("<script>"));
    }

    private static List<String> unquoted(String html) {
        Matcher m = TAG.matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            if (!QUOTED_TAG.matcher(m.group()).matches()) {
                found.add(m.group());
            }
        }
        return found;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
