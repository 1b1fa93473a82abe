package io.github.geodispatch.leakage.internal;

import java.time.Instant;

/**
 * The jobs a monitor holds, in the order they were last touched: a list threaded through the {@link JobFacts}
 * themselves, so a touch costs a few pointer writes and retirement walks only the jobs untouched since its cut, not
 * every job held. Touches must come with a clock that never goes back; then {@code lastTouched} never decreases along
 * the list. Not thread-safe.
 */
public final class TouchOrder {
    private JobFacts first;
    private JobFacts last;

    /** {@code facts} (held or new) was touched at {@code clock}, no earlier than any touch before: it moves to the end. */
    public void touched(JobFacts facts, Instant clock) {
        facts.lastTouched = clock;
        if (last == facts) {
            return;
        }
        if (facts.earlier != null || first == facts) {
            remove(facts);
        }
        facts.earlier = last;
        if (last == null) {
            first = facts;
        } else {
            last.later = facts;
        }
        last = facts;
    }

    /** The job touched longest ago, or null when none is held. */
    public JobFacts first() {
        return first;
    }

    /** The job touched next after {@code facts}, or null. */
    public JobFacts next(JobFacts facts) {
        return facts.later;
    }

    /** Takes {@code facts}, which is in the order, out of it. */
    public void remove(JobFacts facts) {
        if (facts.earlier == null) {
            first = facts.later;
        } else {
            facts.earlier.later = facts.later;
        }
        if (facts.later == null) {
            last = facts.earlier;
        } else {
            facts.later.earlier = facts.earlier;
        }
        facts.earlier = null;
        facts.later = null;
    }
}
