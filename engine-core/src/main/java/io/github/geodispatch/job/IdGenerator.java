package io.github.geodispatch.job;
import io.github.geodispatch.spi.JobId;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the engine takes new event ids (the idempotency keys of the store) and job ids from. Implementations
 * must be thread-safe and never repeat an id.
 */
public interface IdGenerator {

    UUID nextEventId();

    JobId nextJobId();

    /** Random (type 4) UUIDs and job ids {@code J-} plus 12 hex digits. The default. */
    static IdGenerator random() {
        return new IdGenerator() {
            @Override
            public UUID nextEventId() {
                return UUID.randomUUID();
            }

            @Override
            public JobId nextJobId() {
                return JobId.of("J-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
            }
        };
    }

    /**
     * Repeatable ids for tests and demos: event ids derived from {@code seed} and a counter, job ids
     * {@code J-1}, {@code J-2}, ... Never use it for two engines writing one store.
     */
    static IdGenerator sequential(long seed) {
        AtomicLong events = new AtomicLong();
        AtomicLong jobs = new AtomicLong();
        long high = new Random(seed).nextLong();
        return new IdGenerator() {
            @Override
            public UUID nextEventId() {
                return new UUID(high, events.incrementAndGet());
            }

            @Override
            public JobId nextJobId() {
                return JobId.of("J-" + jobs.incrementAndGet());
            }
        };
    }
}
