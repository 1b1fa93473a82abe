package io.github.geodispatch.examples.cityweek;

import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.examples.cityday.CityBusiness;
import io.github.geodispatch.examples.Progress;
import io.github.geodispatch.insight.Grouping;
import io.github.geodispatch.insight.KpiQuery;
import io.github.geodispatch.insight.Kpis;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A week (1-14 days) of the city business through one front door: the city-day world day after day on a team
 * calendar (Sunday closed, a weekday off for one technician in eight), AMC customers whose preventive visits become
 * jobs on their due days, vans loaded on the first morning and topped up every working morning, customers' messages,
 * approvals and ratings through the front door's messaging ({@link WeekMessages}), the day's undone
 * jobs carried into the next working day, every day's planted mistakes plus the week's stock mistakes, and one
 * audit after the last day. Seeded: the same settings play the same week on any machine. Not thread-safe.
 */
public final class CityWeek {
    /** The first day of every run: a Monday (city-day's day). */
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 16);
    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    static final TenantId TENANT = TenantId.of("blr-cool-care");

    /** The week to play; {@code planSteps} are the morning plan's steps per booked job (0 = the greedy office). */
    public record Settings(long seed, int technicians, int jobsPerDay, int days, int planSteps, Duration planGuard) {
        public Settings {
            if (days < 1 || days > 14) {
                throw new IllegalArgumentException("--days must be 1-14, was " + days);
            }
            if (technicians < 6 || technicians > 2_000) {
                throw new IllegalArgumentException("--technicians must be 6-2000, was " + technicians);
            }
            if (jobsPerDay < 10 || jobsPerDay > 20_000) {
                throw new IllegalArgumentException("--jobs-per-day must be 10-20000, was " + jobsPerDay);
            }
        }

        LocalDate lastDay() {
            return FIRST_DAY.plusDays(days - 1L);
        }

        /** The audit looks at the run from three days after its last day, 09:00, when every grace period has run out. */
        Instant auditAsOf() {
            return lastDay().plusDays(3).atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant();
        }
    }

    /** One day's figures, as the owner's view counts them (jobs by the day they were booked). */
    public record Day(CityBusiness.DayResult played, List<JobId> contractVisits, Kpis kpis, int findings) {}

    /** Everything the week did, for the report, the CSV and the journal. */
    public record Week(Settings settings, CityBusiness business, List<Day> days, List<Finding> findings,
                       List<CityBusiness.PlantedMistake> planted, List<WeekStock.PlantedStock> plantedStock,
                       WeekContracts contracts, WeekStock stock, WeekMessages messages) {
        public GeoDispatch frontDoor() {
            return business.frontDoor();
        }
    }

    private CityWeek() {}

    /** Plays the week, reporting its phases to {@code progress}; the caller ends the last phase. */
    public static Week run(Settings settings, Progress progress) {
        progress.phase("opening the business", 0);
        WeekMessages messages = new WeekMessages(settings.seed(), TENANT, ZONE);
        CityBusiness business = CityBusiness.open(new CityBusiness.Settings(settings.seed(), settings.technicians(),
                settings.jobsPerDay(), settings.planSteps(), settings.planGuard()), FIRST_DAY, messages::configure);
        messages.attach(business);
        Instant opening = FIRST_DAY.atTime(LocalTime.of(6, 0)).atZone(ZONE).toInstant();
        WeekContracts contracts = new WeekContracts(business, TENANT, ZONE);
        contracts.open(settings.seed(), Math.max(6, settings.technicians() / 3), FIRST_DAY, Math.min(settings.days(), 6),
                opening);
        WeekStock stock = new WeekStock(business, TENANT, ZONE);
        progress.phase("stocking the stores", 0);
        stock.open(opening.plus(Duration.ofMinutes(30)), settings.days());
        List<Day> days = new ArrayList<>();
        List<CityBusiness.PlantedMistake> planted = new ArrayList<>();
        TechnicianId taker = business.team().get(0).id();
        for (int i = 0; i < settings.days(); i++) {
            LocalDate date = FIRST_DAY.plusDays(i);
            Instant morning = date.atTime(LocalTime.of(6, 45)).atZone(ZONE).toInstant();
            business.advanceClockTo(morning);
            boolean working = business.isWorkingDay(date);
            List<JobId> visits = List.of();
            if (working) {
                stock.topUp(morning);
                visits = contracts.morning(date);
                contracts.renewOne(date, morning.plus(Duration.ofMinutes(5)));
            }
            messages.morning(morning);
            CityBusiness.DayResult played = business.play(date, i, progress);
            if (working && i == 1) {
                stock.takeForNoJob(taker, date.atTime(LocalTime.of(21, 40)).atZone(ZONE).toInstant());
            }
            planted.addAll(played.planted());
            days.add(new Day(played, visits, null, 0));
        }
        LocalDate lastWorking = days.stream().filter(d -> d.played().open()).reduce((a, b) -> b).orElseThrow().played().day();
        stock.countShort(business.team().get(business.team().size() / 2).id(),
                lastWorking.atTime(LocalTime.of(21, 45)).atZone(ZONE).toInstant());
        messages.finish(settings.lastDay(), business);
        progress.phase("auditing the week", 0);
        List<Finding> findings = business.audit(settings.auditAsOf());
        Map<LocalDate, Integer> findingsByDay = new LinkedHashMap<>();
        for (Finding f : findings) {
            findingsByDay.merge(dayOf(f, planted, stock.planted(), business, settings), 1, Integer::sum);
        }
        List<Day> figured = new ArrayList<>();
        for (Day d : days) {
            Kpis kpis = business.frontDoor().owner().report(KpiQuery.day(d.played().day(), Grouping.TOTAL,
                    settings.auditAsOf())).total();
            figured.add(new Day(d.played(), d.contractVisits(), kpis, findingsByDay.getOrDefault(d.played().day(), 0)));
        }
        return new Week(settings, business, figured, findings, planted, stock.planted(), contracts, stock, messages);
    }

    /**
     * The day a finding belongs to: the day its planted mistake was made, else the day its job was booked, else the
     * day it was detected (at most the last day).
     */
    static LocalDate dayOf(Finding f, List<CityBusiness.PlantedMistake> planted, List<WeekStock.PlantedStock> plantedStock,
                           CityBusiness business, Settings settings) {
        for (CityBusiness.PlantedMistake m : planted) {
            if (WeekSummary.matches(m, f)) {
                return m.day();
            }
        }
        for (WeekStock.PlantedStock p : plantedStock) {
            if (f.job() == null && p.findingCode().equals(f.code().name()) && p.technician().equals(f.technician())) {
                return p.day();
            }
        }
        if (f.job() != null) {
            var job = business.frontDoor().jobs().job(io.github.geodispatch.spi.Actor.owner(TENANT, "owner"), f.job());
            if (job.isPresent()) {
                return LocalDate.ofInstant(job.get().createdAt(), ZONE);
            }
        }
        LocalDate detected = LocalDate.ofInstant(f.detectedAt(), ZONE);
        return detected.isAfter(settings.lastDay()) ? settings.lastDay() : detected;
    }
}
