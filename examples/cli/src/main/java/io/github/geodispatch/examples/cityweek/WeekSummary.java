package io.github.geodispatch.examples.cityweek;

import io.github.geodispatch.examples.cityday.CityBusiness;
import io.github.geodispatch.examples.report.DayFigures;
import io.github.geodispatch.examples.report.Figures;
import io.github.geodispatch.examples.report.OwnerReport;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.spi.Money;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The week on the terminal after the run, each line under 100 columns: one line per day (closed days say so), the
 * week's totals, and the planted mistakes the audit found. Stateless.
 */
final class WeekSummary {
    static final int WIDTH = 96;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private WeekSummary() {}

    static void print(CityWeek.Week week, OwnerReport report, PrintWriter out) {
        Figures fig = new Figures(report.currency(), report.zone());
        CityWeek.Settings s = week.settings();
        out.println(" geodispatch city-week · seed " + s.seed() + " · " + CityWeek.FIRST_DAY.format(DAY) + " to "
                + s.lastDay().format(DAY) + " · " + week.business().branches().size() + " branches · "
                + fig.count(s.technicians()) + " technicians");
        out.println(" " + "─".repeat(WIDTH));
        out.printf(" %-11s %7s %7s %7s %7s %12s %12s %12s %10s%n", "day", "on duty", "booked", "done", "to call",
                "revenue", "collected", "pending", "leakage");
        for (int i = 0; i < week.days().size(); i++) {
            CityBusiness.DayResult played = week.days().get(i).played();
            DayFigures d = report.days().get(i);
            if (!played.open()) {
                out.printf(" %-11s closed%n", played.day().format(DAY));
                continue;
            }
            out.printf(" %-11s %7s %7s %7s %7s %12s %12s %12s %10s%n", played.day().format(DAY), fig.count(played.onDuty()),
                    fig.count(d.jobsCreated()), fig.count(d.jobsCompleted()), fig.count(d.notPlaced()),
                    fig.money(d.revenue()), fig.money(d.collected()), fig.money(d.pending()), fig.money(d.leakage()));
        }
        out.println(" " + "─".repeat(WIDTH));
        Money atRisk = week.findings().stream().map(Finding::amountAtRisk).reduce(Money.inr(0), Money::plus);
        long found = week.planted().stream().filter(m -> week.findings().stream().anyMatch(f -> matches(m, f))).count();
        out.println(" Week      revenue " + fig.money(report.reconciliation().revenue()) + " · collected "
                + fig.money(report.reconciliation().collected()) + " · pending " + fig.money(report.reconciliation().pending()));
        out.println(" Leakage   " + fig.count(week.findings().size()) + " findings · " + fig.money(atRisk)
                + " at risk · planted mistakes found " + found + " of " + week.planted().size() + " (and "
                + week.plantedStock().size() + " in stock)" + notMade(week.business().plantedNotMade()));
        out.println(" To call   " + fig.count(report.callBacks().size()) + " customers not placed or moved · "
                + fig.count(report.slaMisses().size()) + " SLA misses · " + fig.count(report.pending().size()) + " to collect");
        out.println(" To do     " + fig.count(report.renewals().size()) + " renewals due · " + fig.count(report.lowStock().size())
                + " van parts low");
    }

    /** Nothing, or how many mistakes were planted on jobs the week did not do (never made, so never found). */
    private static String notMade(int count) {
        return count == 0 ? "" : "; " + count + " more planted on jobs not done, so not made";
    }

    static boolean matches(CityBusiness.PlantedMistake m, Finding f) {
        return m.findingCode().equals(f.code().name()) && (m.job() == null || m.job().equals(f.job()))
                && (m.technician() == null || m.technician().equals(f.technician()))
                && (m.reference() == null || m.reference().equals(f.reference()));
    }

    /** The planted mistakes no finding matched (for the tests and the docs). */
    static List<CityBusiness.PlantedMistake> missed(CityWeek.Week week) {
        return week.planted().stream().filter(m -> week.findings().stream().noneMatch(f -> matches(m, f))).toList();
    }
}
