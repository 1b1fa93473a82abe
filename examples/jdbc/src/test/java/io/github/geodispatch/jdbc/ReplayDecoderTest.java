package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replay's decoding thread on its own: order, damaged bodies, early stops, no thread left behind. */
class ReplayDecoderTest {
    private static final StreamId STREAM = SampleEvents.stream("job-decoder");
    /** 60 chained events and their bodies, positions 1..60. */
    private static final List<JobEvent> EVENTS = events();

    @Property(tries = 200)
    void pagesComeBackInOrderAndADamagedBodyEndsThemAfterEveryEventBeforeIt(
            @ForAll @IntRange(min = 1, max = 7) int pageSize,
            @ForAll @IntRange(min = 0, max = 60) int count,
            @ForAll @IntRange(min = 0, max = 70) int damagedIndex) {
        boolean damaged = damagedIndex < count;
        List<Long> handedOver = new ArrayList<>();
        long last = -1;
        Throwable failure = null;
        try (ReplayDecoder decoder = new ReplayDecoder()) {
            for (int from = 0; from < count; from += pageSize) {
                ReplayDecoder.RawPage page = new ReplayDecoder.RawPage(pageSize);
                for (int i = from; i < Math.min(count, from + pageSize); i++) {
                    page.add(i + 1, i == damagedIndex ? new byte[] {1, 2} : EventBodyCodec.encode(EVENTS.get(i)));
                }
                last = Math.max(last, decoder.submit(page, e -> handedOver.add(e.position())));
            }
            last = Math.max(last, decoder.drain(e -> handedOver.add(e.position())));
        } catch (IllegalStateException e) {
            failure = e;
        }
        int delivered = damaged ? damagedIndex : count;
        assertThat(handedOver).isEqualTo(java.util.stream.LongStream.rangeClosed(1, delivered).boxed().toList());
        if (damaged) {
            assertThat(failure).hasMessageStartingWith("the event stored at position " + (damagedIndex + 1)
                    + " cannot be read: not a job event body").hasCauseInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(failure).isNull();
            assertThat(last).isEqualTo(count == 0 ? -1 : count);
        }
        assertThat(decoderThreads()).isEmpty();
    }

    @Test
    void eventsAreDecodedExactlyAndHandedOverOnTheCallingThread() {
        List<StoredEvent> handedOver = new ArrayList<>();
        List<Thread> consumers = new ArrayList<>();
        try (ReplayDecoder decoder = new ReplayDecoder()) {
            assertThat(decoderThreads()).singleElement().satisfies(t -> assertThat(t.isDaemon()).isTrue());
            for (int from = 0; from < EVENTS.size(); from += 25) {
                ReplayDecoder.RawPage page = new ReplayDecoder.RawPage(25);
                for (int i = from; i < Math.min(EVENTS.size(), from + 25); i++) {
                    page.add(i + 1, EventBodyCodec.encode(EVENTS.get(i)));
                }
                decoder.submit(page, e -> {
                    handedOver.add(e);
                    consumers.add(Thread.currentThread());
                });
            }
            decoder.drain(e -> {
                handedOver.add(e);
                consumers.add(Thread.currentThread());
            });
        }
        assertThat(handedOver).extracting(StoredEvent::event).isEqualTo(EVENTS);
        assertThat(handedOver).extracting(StoredEvent::position)
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, EVENTS.size()).boxed().toList());
        assertThat(consumers).containsOnly(Thread.currentThread());
        assertThat(decoderThreads()).isEmpty();
    }

    @Test
    void aConsumerThatStopsEarlyLeavesNoThreadBehindAndAnInterruptIsKept() {
        ReplayDecoder decoder = new ReplayDecoder();
        for (int p = 0; p < 2; p++) {
            ReplayDecoder.RawPage page = new ReplayDecoder.RawPage(30);
            for (int i = p * 30; i < p * 30 + 30; i++) {
                page.add(i + 1, EventBodyCodec.encode(EVENTS.get(i)));
            }
            ReplayDecoder.RawPage submitted = page;
            if (p == 0) {
                decoder.submit(submitted, e -> { });
            } else {
                assertThatThrownBy(() -> decoder.submit(submitted, e -> {
                    throw new IllegalStateException("projection full");
                })).hasMessage("projection full");
            }
        }
        Thread.currentThread().interrupt();
        decoder.close();
        assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
        assertThat(decoderThreads()).isEmpty();
    }

    /** The live decoder threads of every replay in this JVM. */
    static List<Thread> decoderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(ReplayDecoder.THREAD_NAME_PREFIX) && t.isAlive())
                .toList();
    }

    private static List<JobEvent> events() {
        List<JobEvent> events = new ArrayList<>(SampleEvents.everyVariant(STREAM));
        events.addAll(SampleEvents.expenses(STREAM, events, 60 - events.size(), 1_500));
        return events;
    }
}
