package io.github.geodispatch.spi;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashChainTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final StreamId STREAM = StreamId.of(TENANT, JobId.of("J-1"));
    private static final Actor OWNER = Actor.owner(TENANT, "o1");
    private static final Instant T = Instant.parse("2025-06-02T04:30:00Z");

    private static List<JobEvent> notes(int n) {
        List<JobEvent> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(new JobEvent.ProofAdded(new EventHeader(UUID.randomUUID(), STREAM, i + 1, T.plusSeconds(i), OWNER,
                    HashChain.head(all)), ProofKind.NOTE, "", "note " + i, null));
        }
        return all;
    }

    private static JobEvent.ProofAdded edited(JobEvent event) {
        JobEvent.ProofAdded p = (JobEvent.ProofAdded) event;
        return new JobEvent.ProofAdded(p.header(), p.kind(), p.label(), p.reference() + " (edited)", p.sha256());
    }

    @Test
    void intactChainVerifiesWithAndWithoutItsHead() {
        List<JobEvent> stream = notes(4);

        assertThat(HashChain.verifies(stream)).isTrue();
        assertThat(HashChain.verifies(stream, HashChain.head(stream))).isTrue();
        assertThat(HashChain.verifies(List.of(), HashChain.GENESIS)).isTrue();
    }

    @Test
    void editOfAMiddleEventBreaksTheNextLink() {
        List<JobEvent> stream = new ArrayList<>(notes(4));
        String head = HashChain.head(stream);
        stream.set(1, edited(stream.get(1)));

        assertThat(HashChain.firstBroken(stream)).isEqualTo(OptionalInt.of(2));
        assertThat(HashChain.firstBroken(stream, head)).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void editOfTheLastEventShowsOnlyAgainstTheTrustedHead() {
        List<JobEvent> stream = new ArrayList<>(notes(4));
        String head = HashChain.head(stream);
        stream.set(3, edited(stream.get(3)));

        assertThat(HashChain.verifies(stream)).as("the chain alone cannot see it").isTrue();
        assertThat(HashChain.firstBroken(stream, head)).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void droppedLastEventShowsAgainstTheTrustedHead() {
        List<JobEvent> stream = notes(3);
        String head = HashChain.head(stream);

        assertThat(HashChain.verifies(stream.subList(0, 2), head)).isFalse();
        assertThat(HashChain.firstBroken(List.of(), head)).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void reorderedOrRenumberedEventsBreakTheChain() {
        List<JobEvent> stream = new ArrayList<>(notes(3));
        JobEvent first = stream.remove(0);
        stream.add(first);

        assertThat(HashChain.firstBroken(stream)).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void malformedTrustedHeadIsRejected() {
        assertThatThrownBy(() -> HashChain.verifies(notes(1), "xyz")).hasMessageContaining("trusted head");
        assertThatThrownBy(() -> HashChain.verifies(notes(1), null)).hasMessageContaining("trusted head");
    }
}
