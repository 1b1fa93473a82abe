package io.github.geodispatch.insight.internal;
import java.time.Instant;

/**
 * What one job currently adds to its bucket. The view subtracts a job's old share and adds its new one on
 * every event, so buckets are always exact without re-reading the job.
 */
record JobShare(BucketKey key, boolean completed, boolean firstTimeFix, long responseSeconds,
                long completionSeconds, boolean slaJudged, boolean slaMet, Instant openDeadline,
                long revenue, long collected, long pending, long cash) {
}
