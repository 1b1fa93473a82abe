package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.StoredEvent;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A replay's second thread: it decodes fetched rows into events while the replaying thread fetches the next
 * rows, and the replaying thread hands them to the consumer in position order. Pages go to the thread in
 * the order submitted and come back in that order; at most {@value #IN_FLIGHT} are submitted and not yet
 * handed over, so a replay holds a few pages, never the store.
 *
 * <p>One per replay, used by the replaying thread only (not thread-safe). The thread is a daemon named
 * {@value #THREAD_NAME_PREFIX}<i>n</i>; {@link #close()} stops it and waits for it to end, so a replay that
 * ends early (its consumer threw, the database failed) leaves no thread behind.
 */
final class ReplayDecoder implements AutoCloseable {
    static final String THREAD_NAME_PREFIX = "geodispatch-replay-decoder-";
    /** Pages submitted and not yet handed over: one being decoded while the one before is consumed. */
    static final int IN_FLIGHT = 2;
    private static final AtomicLong THREADS = new AtomicLong();

    /** Rows as fetched, in position order: positions and bodies. */
    static final class RawPage {
        private final long[] positions;
        private final byte[][] bodies;
        private int size;

        RawPage(int capacity) {
            positions = new long[capacity];
            bodies = new byte[capacity][];
        }

        /** Adds a row (at most the capacity's worth). */
        void add(long position, byte[] body) {
            positions[size] = position;
            bodies[size] = body;
            size++;
        }

        int size() {
            return size;
        }
    }

    /**
     * A page decoded: the events of its first {@code decoded} rows and, when {@code failure} is not null,
     * why row {@code decoded} (at {@code failedPosition}) could not be decoded (the rows after it were not tried).
     */
    private record DecodedPage(StoredEvent[] events, int decoded, long failedPosition, Throwable failure) {
    }

    private final BlockingQueue<RawPage> toDecode = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final BlockingQueue<DecodedPage> decoded = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final Thread thread;
    private int inFlight;

    ReplayDecoder() {
        thread = new Thread(this::decodeUntilClosed, THREAD_NAME_PREFIX + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues {@code page} for decoding; when that makes more than one page in flight, first hands the oldest
     * page's events to {@code consumer}. Returns the position of the last event handed over, or -1 for none.
     */
    long submit(RawPage page, Consumer<? super StoredEvent> consumer) {
        // never blocks: fewer than IN_FLIGHT pages are queued whenever one is submitted
        if (!toDecode.offer(page)) {
            throw new IllegalStateException("more than " + IN_FLIGHT + " pages submitted to the replay decoder");
        }
        inFlight++;
        return inFlight > 1 ? handOverOldest(consumer) : -1;
    }

    /** Hands the events of every page still in flight to {@code consumer}; returns as {@link #submit}. */
    long drain(Consumer<? super StoredEvent> consumer) {
        long last = -1;
        while (inFlight > 0) {
            last = handOverOldest(consumer);
        }
        return last;
    }

    /** Stops the thread (its pages in flight are dropped) and waits until it has ended. */
    @Override
    public void close() {
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Hands the oldest page's events to the consumer, then reports its decoding failure as the replay did
     * before it had a thread: a damaged body as {@link JdbcJobEventStore#unreadable}, anything else as thrown.
     */
    private long handOverOldest(Consumer<? super StoredEvent> consumer) {
        DecodedPage page = takeDecoded();
        inFlight--;
        for (int i = 0; i < page.decoded(); i++) {
            consumer.accept(page.events()[i]);
        }
        Throwable failure = page.failure();
        if (failure instanceof IllegalArgumentException damaged) {
            throw JdbcJobEventStore.unreadable(page.failedPosition(), damaged);
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return page.decoded() == 0 ? -1 : page.events()[page.decoded() - 1].position();
    }

    /**
     * Waits for the oldest page. Not interruptible: the thread always answers a submitted page within the
     * time it takes to decode it, so the wait is short; an interrupt is kept for the caller.
     */
    private DecodedPage takeDecoded() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return decoded.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void decodeUntilClosed() {
        EventBodyCodec.Decoder decoder = new EventBodyCodec.Decoder();
        try {
            while (true) {
                decoded.put(decode(decoder, toDecode.take()));
            }
        } catch (InterruptedException e) {
            // closed: the replay is over
        }
    }

    private static DecodedPage decode(EventBodyCodec.Decoder decoder, RawPage page) {
        StoredEvent[] events = new StoredEvent[page.size];
        for (int i = 0; i < page.size; i++) {
            try {
                events[i] = new StoredEvent(page.positions[i], decoder.decode(page.bodies[i]));
            } catch (RuntimeException | Error e) {
                // the replaying thread reports it after handing over the events before it
                return new DecodedPage(events, i, page.positions[i], e);
            }
        }
        return new DecodedPage(events, page.size, 0, null);
    }
}
