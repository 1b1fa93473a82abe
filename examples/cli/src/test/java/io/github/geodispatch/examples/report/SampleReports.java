package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Realistic owner reports for tests: a Bengaluru week (or its last day) of a three-branch AC and RO business. */
public final class SampleReports {
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final Money PART_AFTER_INVOICE = Money.inr(650_00L);
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 9);

    private SampleReports() {}

    /** Seven days, 9–15 March 2026. */
    public static OwnerReport week() {
        return report(7);
    }

    /** One day (city-day): no "vs yesterday", no sparkline history. */
    public static OwnerReport oneDay() {
        return report(1);
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(IST).toInstant();
    }

    /** {@code percent} of {@code total}, in whole rupees. */
    private static Money part(Money total, int percent) {
        return Money.inr(total.minor() / 100 * percent / 100 * 100);
    }

    private static OwnerReport report(int dayCount) {
        LocalDate today = FIRST_DAY.plusDays(dayCount - 1);
        OwnerReport.Builder b = OwnerReport.builder("Cool Breeze Services, Bengaluru", IST, Currency.INR)
                .asOf(at(today, 21, 0));
        Money weekRevenue = Money.inr(0);
        Money weekCollected = Money.inr(0);
        for (int i = 0; i < dayCount; i++) {
            long created = 118 + (i * 37) % 23;
            long done = created - 6 - i % 3;
            Money revenue = Money.inr((4_21_300 + i * 12_750) * 100L);
            Money collected = Money.inr((3_80_100 + i * 9_900) * 100L);
            // the last day holds a part billed after its invoice: earned, neither collected nor owed yet
            Money pending = revenue.minus(collected).minus(i == dayCount - 1 ? PART_AFTER_INVOICE : Money.inr(0));
            weekRevenue = weekRevenue.plus(revenue);
            weekCollected = weekCollected.plus(collected);
            b.day(new DayFigures(FIRST_DAY.plusDays(i), created, done, 2 + i % 2, revenue, collected, pending,
                    new Share(done - 3 - i % 4, done), new Share(done - 9 + i % 5, done), new Share(40 + i, 46 + i),
                    new Utilisation(4_100 + i * 55, 5_760), Money.inr((3_450 + i * 200) * 100L)));
        }
        b.callBack(new CallBack("Anita Rao", "+91 98450 11223", "J-00102", "AC service", CallBack.Reason.NOT_PLACED,
                        at(today, 9, 12)))
                .callBack(new CallBack("Mohammed Irfan", "+91 99000 45678", "J-00131", "RO repair",
                        CallBack.Reason.RESCHEDULED, at(today, 10, 40)))
                .callBack(new CallBack("Lakshmi N & Sons <Traders>", "+91 80 2345 6789", "J-00140", "Pest control",
                        CallBack.Reason.NOT_PLACED, at(today, 11, 5)));
        b.unhappy(new UnhappyCustomer("Suresh Kumar", "+91 98860 33445", "J-00091", "AC repair", "Ravi Shankar", 1,
                        "Problem came back the same evening", at(today, 19, 40)))
                .unhappy(new UnhappyCustomer("Farah Khan", "", "J-00097", "RO purifier service", "Ravi Shankar", 2, "",
                        at(today, 17, 5)));
        for (int i = 0; i < dayCount; i++) {
            b.messages(new MessageDay(FIRST_DAY.plusDays(i), 610 + i * 7, 604 + i * 7, 587 + i * 7, 350 + i * 5,
                    23, 41 + i));
        }
        b.slaMiss(new SlaMiss("Suresh Kumar", "J-00088", "AC repair", "Whitefield", "Ravi Shankar", at(today, 11, 0),
                        Optional.of(at(today, 12, 35))))
                .slaMiss(new SlaMiss("Priya Menon", "J-00117", "Emergency: AC not cooling", "Hebbal", "not assigned",
                        at(today, 14, 0), Optional.empty()));
        b.pending(new PendingCollection("Deepa Hegde", "+91 97411 22334", "J-00021", "Imran Pasha", Money.inr(59_900),
                        at(today.minusDays(dayCount - 1), 15, 20)))
                .pending(new PendingCollection("Green Leaf Apartments", "+91 80 4123 9876", "J-00077", "Kavya Reddy",
                        Money.inr(12_34_500), at(today, 12, 5)))
                .pending(new PendingCollection("Rahul Jain", "+91 90080 77665", "J-00099", "Ravi Shankar", Money.inr(1_45_000),
                        at(today, 17, 45)));
        b.renewal(new RenewalDue("Green Leaf Apartments", "+91 80 4123 9876", "AC AMC, 4 visits a year", today.plusDays(9),
                        Money.inr(18_00_000)))
                .renewal(new RenewalDue("Deepa Hegde", "+91 97411 22334", "RO AMC, 3 visits a year", today.plusDays(21),
                        Money.inr(3_50_000)));
        b.lowStock(new LowStock("Imran Pasha", "Capacitor 35 µF", 1, 3))
                .lowStock(new LowStock("Kavya Reddy", "RO membrane 80 GPD", 0, 2));
        b.leakage(new LeakageItem("Cash collected, not deposited", "Ravi Shankar", "—", Money.inr(4_20_000),
                        "₹4,200 in cash across 3 jobs, no deposit by 8:00 pm"))
                .leakage(new LeakageItem("Completed without a visit at the site", "Kavya Reddy", "J-00077", Money.inr(1_10_000),
                        "Marked arrived at 11:20 am by the office; the phone was 6.2 km away"));
        List<GeoPoint> ride = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            GeoPoint p = new GeoPoint(12.93 + i * 0.001, 77.62 + i * 0.0015);
            ride.add(p);
            ride.add(p); // standing still: dropped by Ride
        }
        b.map(new ReportMap(
                List.of(new ReportMap.Branch("Koramangala", new GeoPoint(12.9352, 77.6245)),
                        new ReportMap.Branch("Whitefield", new GeoPoint(12.9698, 77.7500)),
                        new ReportMap.Branch("Hebbal", new GeoPoint(13.0358, 77.5970))),
                List.of(new ReportMap.Site(new GeoPoint(12.95, 77.64), "J-00077 AC service", ReportMap.Outcome.COMPLETED),
                        new ReportMap.Site(new GeoPoint(12.99, 77.70), "J-00131 RO repair", ReportMap.Outcome.OPEN),
                        new ReportMap.Site(new GeoPoint(13.02, 77.61), "J-00102 AC service", ReportMap.Outcome.NOT_PLACED)),
                List.of(new ReportMap.Ride("Kavya Reddy", "Koramangala", ride),
                        new ReportMap.Ride("Ravi Shankar", "Whitefield", List.of(new GeoPoint(12.9698, 77.75),
                                new GeoPoint(12.98, 77.72), new GeoPoint(12.99, 77.70))),
                        new ReportMap.Ride("Imran Pasha", "Hebbal", List.of(new GeoPoint(13.0358, 77.597),
                                new GeoPoint(13.02, 77.61))))));
        b.branch(new BranchRow("Koramangala", 4, 52L * dayCount, 49L * dayCount, part(weekRevenue, 43),
                        part(weekCollected, 43), Money.inr(18_000_00L * dayCount), new Share(47L * dayCount, 49L * dayCount),
                        new Share(44L * dayCount, 49L * dayCount), new Share(18L * dayCount, 20L * dayCount)))
                .branch(new BranchRow("Whitefield", 3, 40L * dayCount, 36L * dayCount, part(weekRevenue, 31),
                        part(weekCollected, 31), Money.inr(10_000_00L * dayCount), new Share(30L * dayCount, 36L * dayCount),
                        new Share(33L * dayCount, 36L * dayCount), new Share(12L * dayCount, 15L * dayCount)))
                .branch(new BranchRow("Hebbal", 3, 30L * dayCount, 28L * dayCount, weekRevenue.minus(part(weekRevenue, 43)).minus(part(weekRevenue, 31)),
                        weekCollected.minus(part(weekCollected, 43)).minus(part(weekCollected, 31)), Money.inr(13_200_00L * dayCount), new Share(27L * dayCount, 28L * dayCount),
                        new Share(20L * dayCount, 28L * dayCount), new Share(10L * dayCount, 11L * dayCount)));
        b.technician(new TechnicianRow("Kavya Reddy", "Koramangala", 14L * dayCount, new Share(6, 6), new Share(13, 14),
                        new Share(14, 14), Money.inr(52_300_00L * dayCount), Optional.of(Money.inr(4_100_00L)), new Utilisation(590, 540), 48_300))
                .technician(new TechnicianRow("Ravi Shankar", "Whitefield", 11L * dayCount, new Share(3, 5), new Share(8, 11),
                        new Share(9, 11), Money.inr(38_900_00L * dayCount), Optional.of(Money.inr(-350_00L)), new Utilisation(402, 540), 61_250))
                .technician(new TechnicianRow("Imran Pasha", "Hebbal", 9L * dayCount, Share.NONE, new Share(9, 9),
                        new Share(9, 9), Money.inr(31_100_00L * dayCount), Optional.of(Money.inr(2_250_00L)), new Utilisation(388, 540), 22_800));
        b.serviceType(new ServiceTypeRow("AC service", 61L * dayCount, part(weekRevenue, 45), Optional.of(Money.inr(3_000_00L)),
                        new Share(58, 61)))
                .serviceType(new ServiceTypeRow("RO repair", 30L * dayCount, part(weekRevenue, 34),
                        Optional.of(Money.inr(5_500_00L)), new Share(24, 30)))
                .serviceType(new ServiceTypeRow("Pest control", 22L * dayCount, weekRevenue.minus(part(weekRevenue, 45)).minus(part(weekRevenue, 34)),
                        Optional.of(Money.inr(0)), new Share(22, 22)));
        b.reconciliation(new Reconciliation(weekRevenue, weekCollected,
                weekRevenue.minus(weekCollected).minus(PART_AFTER_INVOICE),
                List.of(new Reconciliation.Difference("A part billed after its invoice was paid (J-00063): collected "
                        + "with the next visit", PART_AFTER_INVOICE))));
        b.howRun(new HowRun("geodispatch city-week --seed 7", 7, 10, 840L * dayCount, List.of(
                "Customers booked jobs through the day; each morning a planner placed them with technicians, "
                        + "stopping after 2,000 improvement steps.",
                "Technicians' phones reported their position every 30 seconds; visits were recognised at each site.",
                "Payments came by cash and UPI; five mistakes were planted for the leakage checks to find.")));
        return b.build();
    }
}
