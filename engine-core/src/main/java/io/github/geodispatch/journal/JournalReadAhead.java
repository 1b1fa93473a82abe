package io.github.geodispatch.journal;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reading ahead: a second thread reads and parses the journal into batches of records while the calling thread
 * hands the batches before to the handler, in line order. At most {@value #IN_FLIGHT} batches wait, so a read holds a
 * few thousand records, never the journal. The thread is a daemon named {@value #THREAD_NAME_PREFIX}<i>n</i>; the read
 * waits for it to end before it returns or throws (the handler threw, the input failed), so no thread outlives it and
 * the caller's stream is not read after.
 */
final class JournalReadAhead {
    static final String THREAD_NAME_PREFIX = "geodispatch-journal-reader-";
    private static final int BATCH = 512;
    private static final int IN_FLIGHT = 4;
    private static final AtomicLong THREADS = new AtomicLong();

    /** What reads the input on the second thread, handing each record to {@code handler}. */
    @FunctionalInterface
    interface Parse {
        JournalSummary read(InputStream in, JournalReader.Handler handler) throws IOException;
    }

    /** Records parsed, in line order; the last batch carries the summary or why reading failed. */
    private static final class Batch {
        final long[] lines = new long[BATCH];
        final JournalRecord[] records = new JournalRecord[BATCH];
        int size;
        JournalSummary summary;
        Throwable failure;
    }

    /** Thrown on the reading thread to end it when the calling thread has stopped taking batches. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final BlockingQueue<Batch> parsed = new ArrayBlockingQueue<>(IN_FLIGHT);
    private volatile boolean stopped;
    private Batch filling = new Batch();

    private JournalReadAhead() {}

    /** Reads {@code in} with {@code parse} on a second thread, handing the records to {@code handler} on this one. */
    static JournalSummary read(InputStream in, JournalReader.Handler handler, Parse parse) throws IOException {
        JournalReadAhead ahead = new JournalReadAhead();
        Thread reader = new Thread(() -> ahead.produce(in, parse), THREAD_NAME_PREFIX + THREADS.incrementAndGet());
        reader.setDaemon(true);
        reader.start();
        try {
            return ahead.consume(handler);
        } finally {
            ahead.stopped = true;
            ahead.parsed.clear();
            joinUninterruptibly(reader);
        }
    }

    private void produce(InputStream in, Parse parse) {
        try {
            JournalSummary summary = parse.read(in, (line, record) -> {
                Batch b = filling;
                b.lines[b.size] = line;
                b.records[b.size] = record;
                if (++b.size == BATCH) {
                    hand(b);
                    filling = new Batch();
                }
            });
            filling.summary = summary;
        } catch (Stopped e) {
            return;
        } catch (Throwable t) {
            filling.failure = t;
        }
        try {
            hand(filling);
        } catch (Stopped e) {
            // the calling thread stopped first: nothing waits for the end
        }
    }

    /** Queues a batch for the calling thread; gives up (Stopped) once it stopped taking them. */
    private void hand(Batch batch) {
        try {
            while (!stopped) {
                if (parsed.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Stopped();
    }

    private JournalSummary consume(JournalReader.Handler handler) throws IOException {
        while (true) {
            Batch b = take();
            for (int i = 0; i < b.size; i++) {
                handler.record(b.lines[i], b.records[i]);
            }
            if (b.summary != null) {
                return b.summary;
            }
            if (b.failure != null) {
                throw rethrown(b.failure);
            }
        }
    }

    private Batch take() throws IOException {
        try {
            return parsed.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading the journal");
        }
    }

    /**
     * The reading thread's failure, rethrown on the calling thread as it was: an unchecked one is thrown here, an
     * {@link IOException} (or, wrapped in one, any other checked exception) is returned for the caller to throw.
     */
    private static IOException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return failure instanceof IOException e ? e : new IOException(failure);
    }

    /** Waits for {@code thread} to end, keeping an interrupt of the calling thread for its caller. */
    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
