package io.github.geodispatch.insight;

import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The brute-force answer: keeps every input it is given and, for each report, folds each whole job stream
 * from its first event and recomputes every KPI from lists. Used as the oracle for the incremental view.
 */
final class KpiOracle {
    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private final Map<StreamId, List<JobEvent>> streams = new LinkedHashMap<>();
    private final Map<String, AttendanceDay> attendance = new LinkedHashMap<>();
    private final Map<String, IncrementalEqualsFoldProperties.Deposit> deposits = new LinkedHashMap<>();
    private final Map<String, LeakageRisk> risks = new LinkedHashMap<>();

    void accept(Object input) {
        if (input instanceof JobEvent e) {
            List<JobEvent> s = streams.computeIfAbsent(e.header().stream(), k -> new ArrayList<>());
            if (e.header().version() == s.size() + 1) {
                s.add(e);
            }
        } else if (input instanceof AttendanceDay a) {
            attendance.put(a.technician().value() + "@" + a.day(), a);
        } else if (input instanceof IncrementalEqualsFoldProperties.Deposit d) {
            deposits.putIfAbsent(d.deposit().reference(), d);
        } else if (input instanceof LeakageRisk r) {
            risks.put(r.key(), r);
        }
    }

    /** One job folded from scratch. */
    private record Folded(LocalDate day, String branch, TechnicianId tech, Instant created, Instant firstArrived,
                          int arrivals, boolean rescheduled, boolean cancelled, Instant completed, long revenue,
                          long collected, long pending, long cash, Instant sla) {}

    private static Folded fold(List<JobEvent> events) {
        JobEvent.JobCreated c = (JobEvent.JobCreated) events.get(0);
        TechnicianId tech = null;
        Instant firstArrived = null;
        Instant completed = null;
        int arrivals = 0;
        boolean rescheduled = false;
        boolean cancelled = false;
        boolean waived = false;
        long parts = 0;
        long collected = 0;
        long cash = 0;
        Instant completedStatus = null; // the first COMPLETED: the day coverage is judged on
        CoverageKind claimed = null;
        Long invoiced = null;
        Set<String> references = new HashSet<>();
        for (JobEvent e : events) {
            Instant at = e.header().occurredAt();
            if (e instanceof JobEvent.StatusChanged s && s.status() == JobStatus.COMPLETED && completedStatus == null) {
                completedStatus = at;
            }
            if (e instanceof JobEvent.JobAssigned a) {
                tech = a.technician();
            } else if (e instanceof JobEvent.JobUnassigned u && u.technician().equals(tech) && completed == null) {
                tech = null;
            } else if (e instanceof JobEvent.StatusChanged s && completed == null) {
                if (s.status() == JobStatus.ARRIVED) {
                    arrivals++;
                    firstArrived = firstArrived == null ? at : firstArrived;
                } else if (s.status() == JobStatus.RESCHEDULED) {
                    rescheduled = true;
                } else if (s.status() == JobStatus.CANCELLED) {
                    cancelled = true;
                } else if (s.status() == JobStatus.COMPLETED || s.status() == JobStatus.CLOSED) {
                    completed = at;
                }
            } else if (e instanceof JobEvent.PartUsed p && p.billable()) {
                parts += p.unitPrice().minor() * p.quantity();
            } else if (e instanceof JobEvent.ExpenseAdded x && x.billable()) {
                parts += x.amount().minor();
            } else if (e instanceof JobEvent.InvoiceHandedOff i) {
                invoiced = i.total().minor();
            } else if (e instanceof JobEvent.PaymentRecorded p && (p.reference() == null || references.add(p.reference()))) {
                // a payment reference counts once on a job (the live engine refuses it again)
                PaymentMode m = p.mode();
                if (m == PaymentMode.UPI || m == PaymentMode.CASH || m == PaymentMode.MPESA || m == PaymentMode.CARD) {
                    collected += p.amount().minor();
                }
                if (m == PaymentMode.CASH) {
                    cash += p.amount().minor();
                }
                if (claimed == null && (m == PaymentMode.AMC || m == PaymentMode.WARRANTY)) {
                    claimed = m == PaymentMode.AMC ? CoverageKind.AMC : CoverageKind.WARRANTY;
                }
                waived |= m == PaymentMode.WAIVED && p.approvedBy() != null;
            }
        }
        // the labour is covered only when the job claims its own coverage's kind and that coverage holds that day
        LocalDate serviceDay = (completedStatus != null ? completedStatus : c.header().occurredAt()).atZone(ZONE).toLocalDate();
        boolean covered = claimed != null && c.coverage() != null && c.coverage().kind() == claimed
                && !serviceDay.isAfter(c.coverage().validUntil())
                && (c.coverage().jobTypes().isEmpty() || c.coverage().jobTypes().contains(c.jobType()));
        long due = (covered ? 0 : c.quote().minor()) + parts;
        long revenue = completed != null && !waived ? due : 0;
        // what the customer still owes is what they were billed: the (latest) invoice once handed off
        long pending = completed != null && !waived ? Math.max(0, (invoiced != null ? invoiced : due) - collected) : 0;
        return new Folded(c.header().occurredAt().atZone(ZONE).toLocalDate(), c.branch().value(), tech,
                c.header().occurredAt(), firstArrived, arrivals, rescheduled, cancelled, completed, revenue, collected,
                pending, cash, c.slaDeadline());
    }

    private static String label(Grouping g, LocalDate day, String branch, TechnicianId tech) {
        String t = tech == null ? "unassigned" : tech.value();
        return switch (g) {
            case TOTAL -> "all";
            case BRANCH -> branch == null ? "unknown" : branch;
            case TECHNICIAN -> t;
            case ROUTE -> t + "@" + day;
        };
    }

    KpiReport report(KpiQuery q) {
        Map<String, List<Object>> groups = new TreeMap<>();
        List<Object> all = new ArrayList<>();
        Function<LocalDate, Boolean> inRange = d -> !d.isBefore(q.from()) && !d.isAfter(q.to());
        for (List<JobEvent> s : streams.values()) {
            Folded f = fold(s);
            if (inRange.apply(f.day())) {
                groups.computeIfAbsent(label(q.grouping(), f.day(), f.branch(), f.tech()), k -> new ArrayList<>()).add(f);
                all.add(f);
            }
        }
        List<Object> others = new ArrayList<>(attendance.values());
        others.addAll(deposits.values());
        others.addAll(risks.values());
        for (Object o : others) {
            LocalDate day;
            String branch;
            TechnicianId tech;
            if (o instanceof AttendanceDay a) {
                day = a.day();
                branch = a.branch().value();
                tech = a.technician();
            } else if (o instanceof IncrementalEqualsFoldProperties.Deposit d) {
                day = d.deposit().at().atZone(ZONE).toLocalDate();
                branch = d.branch().value();
                tech = d.deposit().technician();
            } else {
                LeakageRisk r = (LeakageRisk) o;
                day = r.at().atZone(ZONE).toLocalDate();
                branch = r.branch() == null ? null : r.branch().value();
                tech = r.technician();
            }
            if (inRange.apply(day)) {
                groups.computeIfAbsent(label(q.grouping(), day, branch, tech), k -> new ArrayList<>()).add(o);
                all.add(o);
            }
        }
        List<Kpis> rows = new ArrayList<>();
        groups.forEach((label, items) -> rows.add(kpis(label, items, q.asOf())));
        return new KpiReport(q, kpis("all", all, q.asOf()), rows);
    }

    private static Kpis kpis(String label, List<Object> items, Instant asOf) {
        int created = 0;
        int completed = 0;
        int ftf = 0;
        int slaMet = 0;
        int slaDue = 0;
        long revenue = 0;
        long collected = 0;
        long pending = 0;
        long cash = 0;
        long shift = 0;
        long onSite = 0;
        long travel = 0;
        int shifts = 0;
        int punctual = 0;
        List<Long> response = new ArrayList<>();
        List<Long> completion = new ArrayList<>();
        Set<TechnicianId> techs = new HashSet<>();
        TreeMap<String, Money> leak = new TreeMap<>();
        for (Object o : items) {
            if (o instanceof Folded f) {
                created++;
                if (f.tech() != null) {
                    techs.add(f.tech());
                }
                if (f.firstArrived() != null) {
                    response.add(Math.max(0, Duration.between(f.created(), f.firstArrived()).toSeconds()));
                }
                if (f.completed() != null) {
                    completed++;
                    ftf += f.arrivals() == 1 && !f.rescheduled() ? 1 : 0;
                    if (f.firstArrived() != null) {
                        completion.add(Math.max(0, Duration.between(f.firstArrived(), f.completed()).toSeconds()));
                    }
                    if (f.sla() != null) {
                        slaDue++;
                        slaMet += f.completed().isAfter(f.sla()) ? 0 : 1;
                    }
                    pending += f.pending();
                } else if (!f.cancelled() && f.sla() != null && f.sla().isBefore(asOf)) {
                    slaDue++;
                }
                revenue += f.revenue();
                collected += f.collected();
                cash += f.cash();
            } else if (o instanceof AttendanceDay a) {
                techs.add(a.technician());
                shifts++;
                punctual += a.checkIn() != null && !a.checkIn().isAfter(a.shiftStart().plusSeconds(600)) ? 1 : 0;
                shift += a.shift().toSeconds();
                onSite += a.onSite().toSeconds();
                travel += a.travel().toSeconds();
            } else if (o instanceof IncrementalEqualsFoldProperties.Deposit d) {
                cash -= d.deposit().amount().minor();
            } else if (o instanceof LeakageRisk r) {
                leak.merge(r.code(), r.amount(), Money::plus);
            }
        }
        int n = techs.size();
        return new Kpis(label, created, completed, n, new Ratio(ftf, completed), pct(response, 50), pct(response, 90),
                pct(completion, 50), pct(completion, 90), new Ratio(slaMet, slaDue), new Ratio(completed, n),
                new Ratio(onSite, shift), new Ratio(travel, shift), new Ratio(punctual, shifts), Money.inr(revenue),
                Money.inr(n == 0 ? 0 : Math.round((double) revenue / n)), Money.inr(collected), Money.inr(pending),
                Money.inr(cash), leak);
    }

    private static Optional<Duration> pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Optional.of(Duration.ofSeconds(sorted.get(Math.max(rank, 1) - 1)));
    }

    static Currency currency() {
        return Currency.INR;
    }
}
