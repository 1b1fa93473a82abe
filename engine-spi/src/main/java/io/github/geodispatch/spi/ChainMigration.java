package io.github.geodispatch.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Migrates existing chains to the {@link ChainFormat#CURRENT current format}: copies every event of one store
 * into an empty one, in global position order, re-chained (each event's content, id, version, time and actor
 * kept; its format and previous-hash recomputed, see {@link HashChain#rechained}). A stream is checked as it is
 * copied: from its first event that does not verify, it is copied exactly as it was written, so the break stays
 * where it was and nothing tampered is made to verify. Works with any {@link JobEventStore} (in memory, JDBC, a
 * host's own); the source is only read.
 *
 * <p>Re-chaining changes every head hash, so heads kept outside the store (on receipts, in the accounts system)
 * must be translated: the {@link Report} pairs each stream's old head with its new one. Not thread-safe: run it
 * while nothing writes to either store.
 */
public final class ChainMigration {
    private static final int PAGE = 1_000;

    private ChainMigration() {}

    /** What became of one stream. {@code brokenAtVersion} is 0 when the whole stream verified and was re-chained. */
    public record StreamResult(StreamId stream, long events, String oldHead, String newHead, long brokenAtVersion) {
        public StreamResult {
            Objects.requireNonNull(stream, "stream");
        }

        public boolean rechained() {
            return brokenAtVersion == 0;
        }
    }

    /** Every stream copied, in the order of their first events. */
    public record Report(long events, List<StreamResult> streams) {
        public Report {
            streams = List.copyOf(streams);
        }

        /** The streams that did not verify and were copied as written from their break on. */
        public List<StreamResult> broken() {
            return streams.stream().filter(s -> !s.rechained()).toList();
        }
    }

    /** One stream's progress. */
    private static final class Progress {
        String oldHead = HashChain.GENESIS;
        String newHead = HashChain.GENESIS;
        ChainFormat newest = ChainFormat.TEXT_V1;
        long events;
        long brokenAt;
    }

    /**
     * Copies {@code from} into {@code to}, which must be empty, re-chaining as described above.
     *
     * @throws IllegalArgumentException when {@code to} already holds events
     */
    public static Report copy(JobEventStore from, JobEventStore to) {
        Objects.requireNonNull(from, "source store");
        Objects.requireNonNull(to, "target store");
        if (to.lastPosition() != 0) {
            throw new IllegalArgumentException("the target store must be empty, it holds events up to position "
                    + to.lastPosition());
        }
        Map<StreamId, Progress> streams = new LinkedHashMap<>();
        long copied = 0;
        for (long after = 0; ; ) {
            List<StoredEvent> page = from.readAll(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (StoredEvent stored : page) {
                JobEvent event = stored.event();
                EventHeader h = event.header();
                Progress p = streams.computeIfAbsent(h.stream(), s -> new Progress());
                boolean follows = h.previousHash().equals(p.oldHead) && h.version() == p.events + 1
                        && h.format().compareTo(p.newest) >= 0;
                if (p.brokenAt == 0 && !follows) {
                    p.brokenAt = h.version();
                }
                JobEvent written = p.brokenAt != 0 ? event : event.withHeader(h.rechained(p.newHead, ChainFormat.CURRENT));
                to.append(h.stream(), p.events, List.of(written));
                p.oldHead = HashChain.hash(event);
                p.newHead = HashChain.hash(written);
                p.newest = h.format();
                p.events++;
                copied++;
                after = stored.position();
            }
        }
        List<StreamResult> results = new ArrayList<>(streams.size());
        streams.forEach((stream, p) -> results.add(new StreamResult(stream, p.events, p.oldHead, p.newHead, p.brokenAt)));
        return new Report(copied, results);
    }
}
