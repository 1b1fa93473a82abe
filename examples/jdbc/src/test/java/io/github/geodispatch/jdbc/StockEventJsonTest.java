package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.LocationKind;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.StockEventHeader;
import io.github.geodispatch.spi.StockStreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.WriteOffReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every stock event variant survives the JSON round trip with the same canonical text; foreign JSON is refused. */
class StockEventJsonTest {
    static final TenantId TENANT = TenantId.of("coolair");
    static final StockStreamId VAN = StockStreamId.location(TENANT, LocationId.of("VAN-ravi"));
    static final StockStreamId CATALOGUE = StockStreamId.catalogue(TENANT);
    static final Instant AT = Instant.parse("2026-11-02T03:30:00.123456789Z");

    static StockEventHeader header(StockStreamId stream) {
        return new StockEventHeader(UUID.randomUUID(), stream, 3, AT, Actor.dispatcher(TENANT, BranchId.of("B"), "d"),
                HashChain.GENESIS);
    }

    @Test
    void everyVariantRoundTripsExactly() {
        List<StockEvent> all = List.of(
                new StockEvent.SkuDefined(header(CATALOGUE), "CAP", "Capacitor", null, "pcs", 1800, Money.inr(1),
                        Money.inr(2), true),
                new StockEvent.LocationOpened(header(VAN), LocationKind.VAN, "van", BranchId.of("B"), TechnicianId.of("r")),
                new StockEvent.MinimumSet(header(VAN), "CAP", 2),
                new StockEvent.Received(header(VAN), "CAP", 2, Money.inr(5), List.of("S1", "S2"), "BILL"),
                new StockEvent.TransferredOut(header(VAN), UUID.randomUUID(), LocationId.of("WH"), "CAP", 1, Money.inr(5),
                        List.of("S1")),
                new StockEvent.TransferredIn(header(VAN), UUID.randomUUID(), LocationId.of("WH"), "CAP", 1, Money.inr(5),
                        List.of()),
                new StockEvent.Used(header(VAN), "CAP", 3, 1, 1, Money.inr(5), Money.inr(7), List.of(), JobId.of("J-1"),
                        UUID.randomUUID()),
                new StockEvent.Used(header(VAN), "CAP", 1, 0, 0, Money.inr(5), Money.inr(0), List.of("S2"), null, null),
                new StockEvent.Returned(header(VAN), "CAP", 1, Money.inr(5), List.of("S2"), JobId.of("J-1")),
                new StockEvent.WrittenOff(header(VAN), "CAP", 1, Money.inr(5), List.of(), WriteOffReason.LOST, null),
                new StockEvent.Counted(header(VAN), "CAP", 1, 2, Money.inr(-5), List.of("S1"), List.of()));
        for (StockEvent e : all) {
            StockEvent back = StockEventJson.read(StockEventJson.write(e));
            assertThat(back).isEqualTo(e);
            assertThat(back.toString()).isEqualTo(e.toString());
        }
        assertThat(StockEventJson.write(all.get(1))).contains("\"type\":\"LocationOpened\"").contains("\"location\":\"VAN-ravi\"");
    }

    @Test
    void jsonThatIsNoStockEventIsRefused() {
        assertThatThrownBy(() -> StockEventJson.read("{\"type\":\"Teleported\"}")).isInstanceOf(IllegalArgumentException.class);
        String received = StockEventJson.write(new StockEvent.MinimumSet(header(VAN), "CAP", 2));
        assertThatThrownBy(() -> StockEventJson.read(received.replace("\"minimum\":2", "\"minimum\":-2")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StockEventJson.read(received.replace("}", ",\"extra\":1}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
