package io.github.geodispatch.examples.cityweek;

import io.github.geodispatch.insight.Kpis;
import io.github.geodispatch.spi.Money;

import java.util.Locale;

/**
 * {@code days.csv}: one line per day of the run with the day's figures (docs/formats.md#city-week-days-csv). Jobs,
 * revenue, collected and pending count the jobs booked that day (the owner's view's rule), whenever they were done.
 * Stateless.
 */
final class DaysCsv {
    static final String HEADER = "date,weekday,open,technicians_on_duty,jobs_booked,contract_visits,carried_in,"
            + "jobs_completed,not_placed,carried_over,revenue,collected,pending,sla_met,sla_counted,"
            + "first_time_fix,fix_counted,findings,pings";

    private DaysCsv() {}

    static String render(CityWeek.Week week) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (CityWeek.Day d : week.days()) {
            Kpis k = d.kpis();
            var p = d.played();
            out.append(p.day()).append(',')
                    .append(p.day().getDayOfWeek().toString().substring(0, 3).toLowerCase(Locale.ROOT)).append(',')
                    .append(p.open()).append(',')
                    .append(p.onDuty()).append(',')
                    .append(k.jobsCreated()).append(',')
                    .append(d.contractVisits().size()).append(',')
                    .append(p.carriedIn().size()).append(',')
                    .append(k.jobsCompleted()).append(',')
                    .append(p.notPlaced().size()).append(',')
                    .append(p.carriedOver().size()).append(',')
                    .append(amount(k.revenue())).append(',')
                    .append(amount(k.collected())).append(',')
                    .append(amount(k.pendingCollections())).append(',')
                    .append(k.slaCompliance().numerator()).append(',')
                    .append(k.slaCompliance().denominator()).append(',')
                    .append(k.firstTimeFix().numerator()).append(',')
                    .append(k.firstTimeFix().denominator()).append(',')
                    .append(d.findings()).append(',')
                    .append(p.pings()).append('\n');
        }
        return out.toString();
    }

    /** Rupees with two decimals and no grouping, as a spreadsheet reads them: 4755.21. */
    static String amount(Money m) {
        long minor = m.minor();
        return (minor < 0 ? "-" : "") + Math.abs(minor) / 100 + "." + String.format(Locale.ROOT, "%02d", Math.abs(minor) % 100);
    }
}
