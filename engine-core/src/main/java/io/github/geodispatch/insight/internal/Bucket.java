package io.github.geodispatch.insight.internal;
import io.github.geodispatch.insight.AttendanceDay;
import io.github.geodispatch.spi.Money;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running sums for one {@link BucketKey}. Shares are added with sign +1 and retracted with -1; money sums are
 * exact ({@link Money#addExact}). Mutable; guarded by the view's lock.
 */
final class Bucket {
    int jobsCreated;
    int jobsCompleted;
    int firstTimeFixes;
    int staffRefs;
    final TreeMap<Long, Integer> response = new TreeMap<>();
    final TreeMap<Long, Integer> completion = new TreeMap<>();
    int slaJudged;
    int slaMet;
    final TreeMap<Instant, Integer> openDeadlines = new TreeMap<>();
    long revenue;
    long collected;
    long pending;
    long cash;
    long deposits;
    int depositCount;
    long shiftSeconds;
    long onSiteSeconds;
    long travelSeconds;
    int shifts;
    int punctualShifts;
    final Map<String, Long> leakage = new HashMap<>();
    final Map<String, Integer> findings = new HashMap<>();

    void add(JobShare s, int sign) {
        jobsCreated += sign;
        if (s.key().technician() != null) {
            staffRefs += sign;
        }
        if (s.completed()) {
            jobsCompleted += sign;
        }
        if (s.firstTimeFix()) {
            firstTimeFixes += sign;
        }
        if (s.responseSeconds() >= 0) {
            count(response, s.responseSeconds(), sign);
        }
        if (s.completionSeconds() >= 0) {
            count(completion, s.completionSeconds(), sign);
        }
        if (s.slaJudged()) {
            slaJudged += sign;
        }
        if (s.slaMet()) {
            slaMet += sign;
        }
        if (s.openDeadline() != null) {
            count(openDeadlines, s.openDeadline(), sign);
        }
        revenue = Money.addExact(revenue, sign * s.revenue(), "revenue");
        collected = Money.addExact(collected, sign * s.collected(), "collected money");
        pending = Money.addExact(pending, sign * s.pending(), "pending money");
        cash = Money.addExact(cash, sign * s.cash(), "cash collected");
    }

    /** True when nothing is in the bucket any more (everything once added was retracted). */
    boolean isEmpty() {
        return jobsCreated == 0 && shifts == 0 && depositCount == 0 && findings.isEmpty();
    }

    void addDeposit(long amount) {
        deposits = Money.addExact(deposits, amount, "cash deposits");
        depositCount++;
    }

    void add(AttendanceDay a, boolean punctual, int sign) {
        staffRefs += sign;
        shifts += sign;
        if (punctual) {
            punctualShifts += sign;
        }
        shiftSeconds += sign * a.shift().toSeconds();
        onSiteSeconds += sign * a.onSite().toSeconds();
        travelSeconds += sign * a.travel().toSeconds();
    }

    /** Adds or retracts one risk; a sum that overflows changes nothing. */
    void addLeakage(String code, long amount, int sign) {
        int n = findings.getOrDefault(code, 0) + sign;
        if (n == 0) {
            findings.remove(code);
            leakage.remove(code);
        } else {
            long sum = Money.addExact(leakage.getOrDefault(code, 0L), sign * amount, "amount at risk");
            findings.put(code, n);
            leakage.put(code, sum);
        }
    }

    private static <K> void count(TreeMap<K, Integer> multiset, K value, int sign) {
        int n = multiset.getOrDefault(value, 0) + sign;
        if (n == 0) {
            multiset.remove(value);
        } else {
            multiset.put(value, n);
        }
    }
}
