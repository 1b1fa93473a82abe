package io.github.geodispatch.leakage.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link EventIdSet} against its oracle, a {@link HashSet} of the same ids. */
class EventIdSetProperties {
    @Property(tries = 300)
    void addsAsAHashSetAdds(@ForAll("ids") List<UUID> ids) {
        EventIdSet set = new EventIdSet();
        Set<UUID> oracle = new HashSet<>();
        for (UUID id : ids) {
            assertThat(set.add(id)).as("add %s", id).isEqualTo(oracle.add(id));
            assertThat(set.size()).isEqualTo(oracle.size());
        }
        for (UUID id : ids) {
            assertThat(set.add(id)).as("again %s", id).isFalse();
        }
    }

    /**
     * Ids drawn from few halves, so that they repeat, collide in the table (the same {@code most ^ least}) and wrap
     * around its end; the nil UUID among them; up to a few hundred, so that the table grows several times.
     */
    @Provide
    Arbitrary<List<UUID>> ids() {
        Arbitrary<Long> halves = Arbitraries.oneOf(Arbitraries.of(0L, 1L, 2L, 3L, -1L, Long.MIN_VALUE),
                Arbitraries.longs().between(0, 40), Arbitraries.longs());
        return Combinators.combine(halves, halves).as(UUID::new).list().ofMaxSize(300);
    }
}
