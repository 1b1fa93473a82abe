package io.github.geodispatch.spi;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The stock and customer streams' canonical encodings against arbitrary events and every one-value change. */
class StockAndCustomerEncodingProperties {

    @Provide
    Arbitrary<StockEvent> stockEvents() {
        return StockEventArbitraries.events();
    }

    @Provide
    Arbitrary<CustomerEvent> customerEvents() {
        return Arbitraries.of(CustomerEventSamples.everyType());
    }

    @Property(tries = 300)
    void changingAnyOneValueOfAStockEventChangesItsHash(@ForAll("stockEvents") StockEvent event) {
        everyChangeChangesTheHash(event, e -> StockChain.hash((StockEvent) e));
    }

    @Property(tries = 300)
    void aStockEventHasOneEncodingWithTheChainFieldsAtFixedOffsets(@ForAll("stockEvents") StockEvent event) {
        byte[] bytes = StockEncoding.encode(event);

        assertThat(StockEncoding.encode(event)).isEqualTo(bytes);
        assertThat(bytes[0]).isEqualTo((byte) StockEncoding.FORMAT);
        assertThat(bytes[1]).isEqualTo((byte) StockEncoding.typeOf(event));
        assertThat(HexFormat.of().formatHex(bytes, 2, 34)).isEqualTo(event.header().previousHash());
        assertThat(ByteBuffer.wrap(bytes, 34, 8).getLong()).isEqualTo(event.header().version());
    }

    @Property(tries = 50)
    void changingAnyOneValueOfACustomerEventChangesItsHash(@ForAll("customerEvents") CustomerEvent event) {
        everyChangeChangesTheHash(event, e -> CustomerHashChain.hash((CustomerEvent) e));
    }

    private static void everyChangeChangesTheHash(Object event, Function<Record, String> hash) {
        String original = hash.apply((Record) event);
        List<FieldChanges.Changed<Record>> changes = FieldChanges.ofAny((Record) event);

        assertThat(changes).hasSizeGreaterThan(8);
        for (FieldChanges.Changed<Record> change : changes) {
            assertThat(hash.apply(change.changed())).as("changed %s", change.path()).isNotEqualTo(original);
        }
    }
}
