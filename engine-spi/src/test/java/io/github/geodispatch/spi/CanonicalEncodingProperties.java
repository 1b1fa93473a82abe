package io.github.geodispatch.spi;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical encoding against arbitrary events of every variant. */
class CanonicalEncodingProperties {

    @Provide
    Arbitrary<JobEvent> events() {
        return EventArbitraries.events();
    }

    @Property(tries = 400)
    void decodingGivesTheEventBackAndReEncodingTheSameBytes(@ForAll("events") JobEvent event) {
        byte[] bytes = CanonicalEncoding.encode(event);
        JobEvent decoded = CanonicalEncoding.decode(bytes);

        assertThat(decoded).isEqualTo(event);
        assertThat(CanonicalEncoding.encode(decoded)).isEqualTo(bytes);
        assertThat(HashChain.hash(decoded)).isEqualTo(HashChain.hash(event));
    }

    @Property(tries = 150)
    void changingAnyOneValueChangesTheHash(@ForAll("events") JobEvent event) {
        String hash = HashChain.hash(event);
        List<FieldChanges.Change> changes = FieldChanges.of(event);

        assertThat(changes).hasSizeGreaterThan(10);
        for (FieldChanges.Change change : changes) {
            assertThat(HashChain.hash(change.changed())).as("changed %s", change.path()).isNotEqualTo(hash);
        }
    }

    @Property(tries = 200)
    void theChainFieldsSitAtFixedOffsets(@ForAll("events") JobEvent event) {
        byte[] bytes = CanonicalEncoding.encode(event);

        assertThat(bytes[0]).isEqualTo((byte) 2);
        assertThat(java.util.HexFormat.of().formatHex(bytes, 2, 34)).isEqualTo(event.header().previousHash());
        assertThat(java.nio.ByteBuffer.wrap(bytes, 34, 8).getLong()).isEqualTo(event.header().version());
    }
}
