package io.github.geodispatch.spi;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stock event records refuse what no movement can be, naming the value; the stock chain shows an edit. */
class StockEventTest {
    static final TenantId TENANT = TenantId.of("coolair");
    static final Actor ACTOR = Actor.system(TENANT);
    static final StockStreamId VAN = StockStreamId.location(TENANT, LocationId.of("VAN-ravi"));
    static final StockStreamId CATALOGUE = StockStreamId.catalogue(TENANT);
    static final Instant T0 = Instant.parse("2026-11-02T03:30:00Z");

    static StockEventHeader header(StockStreamId stream, long version) {
        return new StockEventHeader(UUID.randomUUID(), stream, version, T0, ACTOR, HashChain.GENESIS);
    }

    @Test
    void streamKeysRoundTripAndNameTheirKind() {
        assertThat(StockStreamId.parse(TENANT, VAN.key())).isEqualTo(VAN);
        assertThat(StockStreamId.parse(TENANT, "catalogue")).isEqualTo(CATALOGUE);
        assertThat(CATALOGUE.isCatalogue()).isTrue();
        assertThat(VAN.toString()).isEqualTo("coolair/stock/location:VAN-ravi");
        assertThatThrownBy(() -> StockStreamId.parse(TENANT, "van:1")).hasMessageContaining("catalogue");
    }

    @Test
    void skusBelongOnTheCatalogueAndMovementsOnALocation() {
        assertThatThrownBy(() -> new StockEvent.SkuDefined(header(VAN, 1), "CAP", "Capacitor", null, "pcs", 1800,
                Money.inr(100), Money.inr(200), false)).hasMessageContaining("catalogue stream");
        assertThatThrownBy(() -> new StockEvent.Received(header(CATALOGUE, 1), "CAP", 1, Money.inr(100), List.of(), null))
                .hasMessageContaining("location's stream");
    }

    @Test
    void aSkuNeedsAValidRateHsnAndOneCurrency() {
        assertThatThrownBy(() -> new StockEvent.SkuDefined(header(CATALOGUE, 1), "CAP", "Capacitor", "85A2", "pcs",
                1800, Money.inr(100), Money.inr(200), false)).hasMessageContaining("HSN");
        assertThatThrownBy(() -> new StockEvent.SkuDefined(header(CATALOGUE, 1), "CAP", "Capacitor", null, "pcs",
                10_001, Money.inr(100), Money.inr(200), false)).hasMessageContaining("GST rate");
        assertThatThrownBy(() -> new StockEvent.SkuDefined(header(CATALOGUE, 1), "CAP", "Capacitor", null, "pcs",
                1800, Money.inr(100), Money.kes(200), false)).hasMessageContaining("currency");
        assertThatThrownBy(() -> new StockEvent.SkuDefined(header(CATALOGUE, 1), " ", "Capacitor", null, "pcs",
                1800, Money.inr(100), Money.inr(200), false)).hasMessageContaining("sku");
    }

    @Test
    void aVanNeedsItsTechnicianAndAWarehouseHasNone() {
        assertThatThrownBy(() -> new StockEvent.LocationOpened(header(VAN, 1), LocationKind.VAN, "Van", BranchId.of("b"),
                null)).hasMessageContaining("technician");
        assertThatThrownBy(() -> new StockEvent.LocationOpened(header(VAN, 1), LocationKind.WAREHOUSE, "Store",
                BranchId.of("b"), TechnicianId.of("ravi"))).hasMessageContaining("no technician");
    }

    @Test
    void serialsAreOnePerUnitAndDistinct() {
        assertThatThrownBy(() -> new StockEvent.Received(header(VAN, 2), "COMP", 2, Money.inr(100), List.of("S1"), null))
                .hasMessageContaining("one per unit");
        assertThatThrownBy(() -> new StockEvent.Received(header(VAN, 2), "COMP", 2, Money.inr(100), List.of("S1", "S1"),
                null)).hasMessageContaining("appears twice");
        assertThat(new StockEvent.Received(header(VAN, 2), "COMP", 2, Money.inr(100), List.of("S1", "S2"), " ")
                .reference()).isNull();
    }

    @Test
    void aUseSplitsItsQuantityIntoAlreadyTakenOffBookAndFromTheBook() {
        StockEvent.Used used = new StockEvent.Used(header(VAN, 2), "CAP", 5, 1, 2, Money.inr(200), Money.inr(300),
                List.of(), JobId.of("J-1"), UUID.randomUUID());
        assertThat(used.fromBook()).isEqualTo(2);
        assertThatThrownBy(() -> new StockEvent.Used(header(VAN, 2), "CAP", 2, 1, 2, Money.inr(0), Money.inr(0),
                List.of(), JobId.of("J-1"), UUID.randomUUID())).hasMessageContaining("exceed");
        assertThatThrownBy(() -> new StockEvent.Used(header(VAN, 2), "CAP", 2, 0, 1, Money.inr(0), Money.inr(10),
                List.of(), null, null)).hasMessageContaining("only a use from the job record");
        assertThatThrownBy(() -> new StockEvent.Used(header(VAN, 2), "CAP", 2, 0, 0, Money.inr(0), Money.inr(10),
                List.of(), JobId.of("J-1"), UUID.randomUUID())).hasMessageContaining("off-book cost");
        assertThatThrownBy(() -> new StockEvent.Used(header(VAN, 2), "CAP", 1, 0, 0, Money.inr(0), Money.inr(0),
                List.of(), null, UUID.randomUUID())).hasMessageContaining("names its job");
    }

    @Test
    void aCountsAdjustmentHasTheSignOfItsDifference() {
        assertThat(new StockEvent.Counted(header(VAN, 2), "CAP", 3, 5, Money.inr(-400), List.of(), List.of())
                .difference()).isEqualTo(-2);
        assertThat(new StockEvent.Counted(header(VAN, 2), "CAP", 3, 5, Money.inr(0), List.of(), List.of())).isNotNull();
        assertThatThrownBy(() -> new StockEvent.Counted(header(VAN, 2), "CAP", 3, 5, Money.inr(400), List.of(),
                List.of())).hasMessageContaining("short by 2");
        assertThatThrownBy(() -> new StockEvent.Counted(header(VAN, 2), "CAP", 5, 5, Money.inr(-1), List.of(),
                List.of())).hasMessageContaining("cannot adjust");
        assertThatThrownBy(() -> new StockEvent.Counted(header(VAN, 2), "COMP", 2, 2, Money.inr(0), List.of("S1", "S2"),
                List.of("S3"))).hasMessageContaining("difference");
        assertThatThrownBy(() -> new StockEvent.Counted(header(VAN, 2), "COMP", 2, 2, Money.inr(0), List.of("S1"),
                List.of("S1"))).hasMessageContaining("both missing and found");
    }

    @Test
    void aTransferNeedsTwoLocationsAndAnOtherWriteOffANote() {
        assertThatThrownBy(() -> new StockEvent.TransferredOut(header(VAN, 2), UUID.randomUUID(),
                LocationId.of("VAN-ravi"), "CAP", 1, Money.inr(1), List.of())).hasMessageContaining("two locations");
        assertThatThrownBy(() -> new StockEvent.WrittenOff(header(VAN, 2), "CAP", 1, Money.inr(1), List.of(),
                WriteOffReason.OTHER, " ")).hasMessageContaining("needs a note");
    }

    @Test
    void theStockChainShowsAnEditAnywhereAndOfTheLastEventAgainstItsHead() {
        List<StockEvent> stream = new ArrayList<>();
        stream.add(new StockEvent.LocationOpened(header(VAN, 1), LocationKind.VAN, "Van", BranchId.of("b"),
                TechnicianId.of("ravi")));
        for (int v = 2; v <= 4; v++) {
            stream.add(new StockEvent.Received(new StockEventHeader(UUID.randomUUID(), VAN, v, T0, ACTOR,
                    StockChain.head(stream)), "CAP", v, Money.inr(100), List.of(), null));
        }
        String head = StockChain.head(stream);
        assertThat(StockChain.verifies(stream, head)).isTrue();

        List<StockEvent> edited = new ArrayList<>(stream);
        StockEvent.Received second = (StockEvent.Received) stream.get(1);
        edited.set(1, new StockEvent.Received(second.header(), "CAP", 99, Money.inr(100), List.of(), null));
        assertThat(StockChain.firstBroken(edited)).hasValue(2);

        List<StockEvent> lastEdited = new ArrayList<>(stream);
        StockEvent.Received last = (StockEvent.Received) stream.get(3);
        lastEdited.set(3, new StockEvent.Received(last.header(), "CAP", 1, Money.inr(100), List.of(), null));
        assertThat(StockChain.verifies(lastEdited)).isTrue();
        assertThat(StockChain.firstBroken(lastEdited, head)).hasValue(3);
    }
}
