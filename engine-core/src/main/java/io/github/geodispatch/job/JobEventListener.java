package io.github.geodispatch.job;
import io.github.geodispatch.spi.StoredEvent;
import java.util.List;

/**
 * Receives the events an engine stored, after each successful append. Deliveries are made one at a time and
 * in append order: per job, in version order; every batch whole. A delivery may run on another thread than
 * the command that stored the events (whichever thread is delivering at the time), so an implementation must
 * not assume the caller's thread, and must be quick or hand work off. An exception thrown by a listener never
 * undoes the events: it is logged, and the same batch is delivered again after a back-off (the listener's later
 * batches waiting behind it) until the {@link RedeliveryPolicy} parks the listener. A listener may itself
 * execute commands; their events are delivered after the current batch.
 */
@FunctionalInterface
public interface JobEventListener {

    /** One append's events, in version order. */
    void onEvents(List<StoredEvent> events);
}
