package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TimeWindow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A Bengaluru service business on one day, generated from a seed: branches, technicians with skills and
 * shifts, customers' job requests arriving through the day, and the mistakes people will make. The same
 * seed and sizes always give the same world. Immutable once generated.
 */
final class CityWorld {
    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    static final LocalDate DAY = LocalDate.of(2026, 11, 16);
    static final TenantId TENANT = new TenantId("blr-cool-care");

    record Branch(BranchId id, String name, GeoPoint location, String seriesPrefix) {}

    record Tech(TechnicianId id, String name, Branch branch, Map<String, Integer> skills, LocalTime shiftStart,
                LocalTime shiftEnd, int lateMinutes, boolean mockLocation) {
        Instant shiftStartAt() {
            return at(shiftStart);
        }

        Instant shiftEndAt() {
            return at(shiftEnd);
        }

        boolean canDo(JobKind kind) {
            return skills.getOrDefault(kind.skill, 0) >= kind.level;
        }
    }

    record Customer(CustomerId id, String name, String address, String pincode, String gstin) {
        boolean business() {
            return gstin != null;
        }
    }

    /** How the customer will pay, decided by the world (the technician records it, or forgets to). */
    record PayPlan(PaymentMode mode, boolean partNeeded, boolean needsSecondVisit) {}

    record JobRequest(JobId id, Instant arrivesAt, Branch branch, Customer customer, Site site, JobKind kind,
                      Priority priority, TimeWindow window, Instant slaDeadline, Coverage coverage, PayPlan pay,
                      double durationFactor) {
        boolean bookedAhead() {
            return !arrivesAt.isAfter(at(LocalTime.of(8, 0)));
        }
    }

    /** The mistakes the seed lists, each planted once, and what they are planted on. */
    enum MistakeKind {
        FORGOTTEN_PAYMENT_STATUS("PAYMENT_STATUS_MISSING", "technician collected cash and never recorded a payment status"),
        UNLINKED_UPI_CREDIT("PAYMENT_UNLINKED", "a UPI credit arrived with no job reference and matches no job"),
        UNBILLED_PARTS("PARTS_NOT_BILLED", "a billable part was logged after the invoice was drafted"),
        GHOST_VISIT("GHOST_VISIT", "an AMC visit was marked done without the technician going there"),
        CASH_NOT_DEPOSITED("CASH_NOT_DEPOSITED", "a technician kept the day's cash");

        final String findingCode;
        final String story;

        MistakeKind(String findingCode, String story) {
            this.findingCode = findingCode;
            this.story = story;
        }
    }

    /** A planted mistake; for CASH_NOT_DEPOSITED the technician is only known once the day has run. */
    record Mistake(MistakeKind kind, JobId job, TechnicianId technician, String reference) {}

    final long seed;
    final List<Branch> branches;
    final List<Tech> techs;
    final List<JobRequest> jobs;
    final Map<MistakeKind, Mistake> mistakes;
    final JobId emergency;

    private CityWorld(long seed, List<Branch> branches, List<Tech> techs, List<JobRequest> jobs,
                      Map<MistakeKind, Mistake> mistakes, JobId emergency) {
        this.seed = seed;
        this.branches = List.copyOf(branches);
        this.techs = List.copyOf(techs);
        this.jobs = List.copyOf(jobs);
        this.mistakes = mistakes;
        this.emergency = emergency;
    }

    /** Branches in the order a growing business opens them; a day uses the first {@link #branchCount}. */
    private static final List<Branch> BRANCHES = List.of(
            new Branch(new BranchId("BLR-KOR"), "Koramangala", GeoPoint.of(12.9352, 77.6245), "KOR"),
            new Branch(new BranchId("BLR-WFD"), "Whitefield", GeoPoint.of(12.9698, 77.7500), "WFD"),
            new Branch(new BranchId("BLR-HBL"), "Hebbal", GeoPoint.of(13.0358, 77.5970), "HBL"),
            new Branch(new BranchId("BLR-JAY"), "Jayanagar", GeoPoint.of(12.9250, 77.5938), "JAY"),
            new Branch(new BranchId("BLR-IND"), "Indiranagar", GeoPoint.of(12.9784, 77.6408), "IND"),
            new Branch(new BranchId("BLR-MAL"), "Malleshwaram", GeoPoint.of(13.0035, 77.5710), "MAL"),
            new Branch(new BranchId("BLR-ECY"), "Electronic City", GeoPoint.of(12.8452, 77.6602), "ECY"),
            new Branch(new BranchId("BLR-YLK"), "Yelahanka", GeoPoint.of(13.1007, 77.5963), "YLK"),
            new Branch(new BranchId("BLR-MTH"), "Marathahalli", GeoPoint.of(12.9591, 77.6974), "MTH"),
            new Branch(new BranchId("BLR-BSK"), "Banashankari", GeoPoint.of(12.9255, 77.5468), "BSK"));

    /** Three branches up to 90 technicians, then one per 30 technicians, at most ten. */
    static int branchCount(int technicians) {
        return Math.max(3, Math.min(BRANCHES.size(), technicians / 30));
    }

    static Instant at(LocalTime time) {
        return DAY.atTime(time).atZone(ZONE).toInstant();
    }

    JobRequest job(JobId id) {
        return jobs.stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
    }

    Tech tech(TechnicianId id) {
        return techs.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    static CityWorld generate(long seed, int technicianCount, int jobCount) {
        if (technicianCount < 6 || technicianCount > 2_000) {
            throw new IllegalArgumentException("--technicians must be 6-2000, was " + technicianCount);
        }
        if (jobCount < 10 || jobCount > 20_000) {
            throw new IllegalArgumentException("--jobs must be 10-20000, was " + jobCount);
        }
        Random rnd = new Random(seed);
        List<Branch> branches = BRANCHES.subList(0, branchCount(technicianCount));
        List<Tech> techs = technicians(rnd, branches, technicianCount);
        List<JobRequest> jobs = new ArrayList<>();
        for (int i = 0; i < jobCount; i++) {
            jobs.add(job(rnd, i, branches, techs));
        }
        // one emergency at 13:00: a commercial AC down at a hospital near Koramangala
        JobId emergency = new JobId(String.format("J-%05d", jobCount + 1));
        Branch kor = branches.get(0);
        Customer hospital = new Customer(new CustomerId("C-EMRG"), "St. Anne's Clinic Pvt Ltd", "14, 80 Feet Road, Koramangala",
                "560034", gstinFor(rnd, 9_999));
        Instant noon = at(LocalTime.of(13, 0));
        jobs.add(new JobRequest(emergency, noon, kor, hospital,
                new Site(new SiteId("S-EMRG"), offset(kor.location(), 1.6, 0.8), 60, hospital.address()), JobKind.AC_REPAIR,
                Priority.EMERGENCY, new TimeWindow(noon, noon.plus(Duration.ofHours(2))), noon.plus(Duration.ofHours(2)), null,
                new PayPlan(PaymentMode.INVOICE_REQUIRED, false, false), 1.0));
        jobs.sort(Comparator.comparing(JobRequest::arrivesAt).thenComparing(j -> j.id().value()));
        return new CityWorld(seed, branches, techs, jobs, plantMistakes(rnd, jobs, techs), emergency);
    }

    private static List<Tech> technicians(Random rnd, List<Branch> branches, int n) {
        String[] first = {"Ravi", "Suresh", "Manjunath", "Arun", "Prakash", "Kiran", "Naveen", "Imran", "Joseph", "Venkatesh",
                "Ramesh", "Shivu", "Harish", "Anil", "Mahesh", "Santosh", "Deepak", "Farhan", "Girish", "Lokesh"};
        String[] last = {"Kumar", "Gowda", "Reddy", "Naik", "Shetty", "Rao", "Khan", "D'Souza", "Murthy", "Hegde"};
        String[][] trades = {{"ac.service", "ac.repair"}, {"ac.service", "ro"}, {"ac.service", "ac.repair"}, {"ro", "electrical"},
                {"pest"}, {"ac.service", "ac.repair"}, {"cctv", "electrical"}, {"ac.service", "ro"}, {"electrical", "ac.service"},
                {"ro", "pest"}};
        List<Tech> techs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Branch b = branches.get(i % branches.size());
            Map<String, Integer> skills = new LinkedHashMap<>();
            // trades cycle within each branch, so every branch has every trade however many branches there are
            for (String s : trades[(i / branches.size()) % trades.length]) {
                skills.put(s, 2 + rnd.nextInt(2));
            }
            boolean late = rnd.nextInt(100) < 15;
            LocalTime start = (i / branches.size()) % 5 == 4 ? LocalTime.of(10, 0) : LocalTime.of(8, 30);
            techs.add(new Tech(new TechnicianId(String.format("T-%03d", i + 1)),
                    first[rnd.nextInt(first.length)] + " " + last[rnd.nextInt(last.length)], b, skills, start,
                    start.plusHours(10), late ? 12 + rnd.nextInt(30) : -rnd.nextInt(15), false));
        }
        return techs;
    }

    private static JobRequest job(Random rnd, int i, List<Branch> branches, List<Tech> techs) {
        JobKind kind = pickKind(rnd);
        Branch branch = branches.get(rnd.nextInt(branches.size()));
        double km = Math.abs(rnd.nextGaussian()) * 2.2 + 0.3;
        double bearing = rnd.nextDouble() * 2 * Math.PI;
        GeoPoint where = offset(branch.location(), km * Math.cos(bearing), km * Math.sin(bearing));
        boolean business = rnd.nextInt(100) < 9;
        String[] roads = {"80 Feet Road", "100 Feet Road", "12th Main", "Outer Ring Road", "ITPL Main Road", "Bellary Road",
                "Sarjapur Road", "5th Cross", "17th Cross", "Old Airport Road", "CMH Road", "Kanakapura Road"};
        String address = (1 + rnd.nextInt(400)) + ", " + roads[rnd.nextInt(roads.length)] + ", " + branch.name();
        String pincode = switch (branch.seriesPrefix()) {
            case "KOR" -> "5600" + (30 + rnd.nextInt(10));
            case "WFD" -> "5600" + (66 + rnd.nextInt(3));
            default -> "5600" + (24 + rnd.nextInt(4));
        };
        Customer customer = new Customer(new CustomerId(String.format("C-%05d", i + 1)),
                business ? "Tenant " + (i + 1) + " Technologies Pvt Ltd" : "Customer " + (i + 1), address, pincode,
                business ? gstinFor(rnd, i) : null);
        Site site = new Site(new SiteId(String.format("S-%05d", i + 1)), where, 60 + rnd.nextInt(4) * 10, address);
        boolean ahead = rnd.nextInt(100) < 45;
        Instant arrives = ahead ? at(LocalTime.of(7, 0).plusMinutes(rnd.nextInt(60)))
                : at(LocalTime.of(8, 0).plusMinutes(1 + rnd.nextInt(8 * 60)));
        int p = rnd.nextInt(100);
        Priority priority = p < 10 ? Priority.LOW : p < 80 ? Priority.NORMAL : Priority.HIGH;
        Instant from;
        if (ahead) {
            from = at(LocalTime.of(9, 0).plusMinutes(30L * rnd.nextInt(14)));
        } else {
            from = arrives.plus(Duration.ofMinutes(30 + rnd.nextInt(60)));
        }
        TimeWindow window = new TimeWindow(from, from.plus(Duration.ofHours(priority == Priority.HIGH ? 2 : 3)));
        Instant sla = switch (priority) {
            case HIGH -> arrives.isBefore(at(LocalTime.of(8, 0))) ? window.to() : arrives.plus(Duration.ofHours(4));
            case NORMAL -> window.to().plus(Duration.ofHours(2));
            default -> null;
        };
        Coverage coverage = null;
        PaymentMode mode;
        if (kind == JobKind.AMC_VISIT) {
            coverage = new Coverage(CoverageKind.AMC, "AMC-" + (24000 + i), DAY.plusMonths(1 + rnd.nextInt(11)), List.of("AMC_VISIT", "AC_SERVICE"));
            mode = PaymentMode.AMC;
        } else if ((kind == JobKind.AC_REPAIR || kind == JobKind.RO_SERVICE) && rnd.nextInt(100) < 12) {
            coverage = new Coverage(CoverageKind.WARRANTY, "WR-" + (81000 + i), DAY.plusMonths(2 + rnd.nextInt(10)), List.of(kind.name()));
            mode = PaymentMode.WARRANTY;
        } else if (business) {
            mode = PaymentMode.INVOICE_REQUIRED;
        } else {
            int m = rnd.nextInt(100);
            mode = m < 62 ? PaymentMode.UPI : m < 92 ? PaymentMode.CASH : m < 96 ? PaymentMode.CARD : PaymentMode.PENDING;
        }
        boolean partNeeded = !kind.parts.isEmpty() && rnd.nextInt(100) < 45;
        boolean secondVisit = kind == JobKind.AC_REPAIR && rnd.nextInt(100) < 12;
        double factor = Math.exp(rnd.nextGaussian() * 0.22);
        return new JobRequest(new JobId(String.format("J-%05d", i + 1)), arrives, branch, customer, site, kind, priority, window,
                sla, coverage, new PayPlan(mode, partNeeded, secondVisit), Math.min(2.0, Math.max(0.6, factor)));
    }

    private static JobKind pickKind(Random rnd) {
        int r = rnd.nextInt(100);
        int acc = 0;
        for (JobKind k : JobKind.values()) {
            acc += k.sharePercent;
            if (r < acc) {
                return k;
            }
        }
        return JobKind.AC_SERVICE;
    }

    /**
     * Plants each mistake on its own early booked job, rewriting the job where the mistake needs a kind of
     * work or payment (a cash job; a B2B repair with a part; an AMC visit) and moving it to a branch that has
     * a technician for it, so every world, however small, carries every mistake. A fourth early job is made
     * a cash job so someone has recorded cash; the technician who keeps the cash is chosen during the day
     * (the first to come back with recorded cash).
     */
    private static Map<MistakeKind, Mistake> plantMistakes(Random rnd, List<JobRequest> jobs, List<Tech> techs) {
        List<Integer> early = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i).priority() != Priority.EMERGENCY) {
                early.add(i);
            }
        }
        early.sort(Comparator.comparing((Integer i) -> jobs.get(i).window().from()).thenComparing(i -> i));
        early = new ArrayList<>(early.subList(0, Math.max(4, early.size() / 3)));
        java.util.Collections.shuffle(early, rnd);
        Map<MistakeKind, Mistake> m = new EnumMap<>(MistakeKind.class);
        JobRequest cash = rewrite(jobs, early.get(0), JobKind.AC_SERVICE, PaymentMode.CASH, null, false, techs, rnd);
        m.put(MistakeKind.FORGOTTEN_PAYMENT_STATUS, new Mistake(MistakeKind.FORGOTTEN_PAYMENT_STATUS, cash.id(), null, null));
        m.put(MistakeKind.UNLINKED_UPI_CREDIT, new Mistake(MistakeKind.UNLINKED_UPI_CREDIT, null, null,
                String.format("6%011d", Math.floorMod(rnd.nextLong(), 100_000_000_000L))));
        JobRequest parts = rewrite(jobs, early.get(1), JobKind.AC_REPAIR, PaymentMode.INVOICE_REQUIRED, null, true, techs, rnd);
        m.put(MistakeKind.UNBILLED_PARTS, new Mistake(MistakeKind.UNBILLED_PARTS, parts.id(), null, null));
        JobRequest ghost = rewrite(jobs, early.get(2), JobKind.AMC_VISIT, PaymentMode.AMC,
                new Coverage(CoverageKind.AMC, "AMC-" + (30000 + early.get(2)), DAY.plusMonths(6), List.of("AMC_VISIT", "AC_SERVICE")),
                false, techs, rnd);
        m.put(MistakeKind.GHOST_VISIT, new Mistake(MistakeKind.GHOST_VISIT, ghost.id(), null, null));
        rewrite(jobs, early.get(3), JobKind.AC_SERVICE, PaymentMode.CASH, null, false, techs, rnd);
        m.put(MistakeKind.CASH_NOT_DEPOSITED, new Mistake(MistakeKind.CASH_NOT_DEPOSITED, null, null, null));
        return m;
    }

    private static JobRequest rewrite(List<JobRequest> jobs, int index, JobKind kind, PaymentMode mode, Coverage coverage,
                                      boolean business, List<Tech> techs, Random rnd) {
        JobRequest j = jobs.get(index);
        Branch original = j.branch();
        Branch branch = original;
        if (techs.stream().noneMatch(t -> t.branch().equals(original) && t.canDo(kind))) {
            branch = techs.stream().filter(t -> t.canDo(kind)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("no technician can do " + kind + "; use more --technicians")).branch();
        }
        GeoPoint where = j.branch().equals(branch) ? j.site().location()
                : offset(branch.location(), rnd.nextGaussian() * 1.5, rnd.nextGaussian() * 1.5);
        Customer c = j.customer();
        Customer customer = business && !c.business()
                ? new Customer(c.id(), c.name() + " Enterprises Pvt Ltd", c.address(), c.pincode(), gstinFor(rnd, index)) : c;
        Site site = new Site(j.site().id(), where, j.site().radiusMetres(), j.site().address());
        JobRequest planted = new JobRequest(j.id(), j.arrivesAt(), branch, customer, site, kind, Priority.NORMAL, j.window(),
                j.window().to().plus(Duration.ofHours(2)), coverage, new PayPlan(mode, !kind.parts.isEmpty(), false), 1.0);
        jobs.set(index, planted);
        return planted;
    }

    /** A point {@code northKm} north and {@code eastKm} east of {@code p} (flat-earth; fine over a city). */
    static GeoPoint offset(GeoPoint p, double northKm, double eastKm) {
        double lat = p.lat() + northKm / 111.32;
        double lng = p.lng() + eastKm / (111.32 * Math.cos(Math.toRadians(p.lat())));
        return GeoPoint.of(lat, lng);
    }

    /** A syntactically valid GSTIN for Karnataka (state 29) with a correct mod-36 check character. */
    static String gstinFor(Random rnd, int n) {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder pan = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            pan.append(letters.charAt(rnd.nextInt(26)));
        }
        pan.append('C').append(letters.charAt(rnd.nextInt(26)));
        pan.append(String.format("%04d", Math.floorMod(n * 7919 + rnd.nextInt(10_000), 10_000)));
        pan.append(letters.charAt(rnd.nextInt(26)));
        String body = "29" + pan + "1Z";
        return body + gstinCheck(body);
    }

    static char gstinCheck(String first14) {
        String chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int v = chars.indexOf(first14.charAt(i));
            int product = v * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return chars.charAt((36 - sum % 36) % 36);
    }
}
