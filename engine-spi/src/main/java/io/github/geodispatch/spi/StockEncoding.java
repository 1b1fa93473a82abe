package io.github.geodispatch.spi;

import java.util.List;
import java.util.UUID;

/**
 * The canonical byte encoding of a stock event, stock format 1: what its {@link StockChain} hash is the SHA-256 of.
 * One event has exactly one encoding, and two different events never share one. The field rules are those of the
 * job events' {@link CanonicalEncoding}; {@code docs/hash-chain.md} lists every type and tag:
 * <pre>
 * event  := u8 format (1) | u8 type | 32 bytes previous hash | i64 version | field*
 * header := 1 event id (uuid) | 2 tenant | 3 stream key ("catalogue" or "location:ID") | 4 occurred at (instant)
 *         | 5 actor (record: 1 id, 2 role, 3 branch)
 * </pre>
 * and an event type's own fields from tag 16 in component order (money: a record of 1 minor units, 2 currency;
 * serials: a list of strings, written even when empty). Stateless and thread-safe.
 */
public final class StockEncoding {
    /** The format byte. */
    public static final int FORMAT = 1;

    private StockEncoding() {}

    /** The event type's number in byte 1 of the encoding. */
    static int typeOf(StockEvent event) {
        if (event instanceof StockEvent.SkuDefined) {
            return 1;
        } else if (event instanceof StockEvent.LocationOpened) {
            return 2;
        } else if (event instanceof StockEvent.MinimumSet) {
            return 3;
        } else if (event instanceof StockEvent.Received) {
            return 4;
        } else if (event instanceof StockEvent.TransferredOut) {
            return 5;
        } else if (event instanceof StockEvent.TransferredIn) {
            return 6;
        } else if (event instanceof StockEvent.Used) {
            return 7;
        } else if (event instanceof StockEvent.Returned) {
            return 8;
        } else if (event instanceof StockEvent.WrittenOff) {
            return 9;
        } else if (event instanceof StockEvent.Counted) {
            return 10;
        }
        throw new IllegalStateException("unknown stock event type " + event.getClass().getName());
    }

    /**
     * The event's canonical bytes. Throws {@link IllegalArgumentException} for text that is not valid Unicode (an
     * unpaired surrogate), naming the field.
     */
    public static byte[] encode(StockEvent event) {
        StockEventHeader h = event.header();
        CanonicalWriter w = new CanonicalWriter().prefix(FORMAT, typeOf(event), h.previousHash(), h.version())
                .uuid(1, h.eventId()).string(2, h.tenant().value()).string(3, h.stream().key())
                .instant(4, h.occurredAt()).actor(5, h.actor());
        body(event, w);
        return w.toBytes();
    }

    private static void body(StockEvent event, CanonicalWriter w) {
        if (event instanceof StockEvent.SkuDefined e) {
            w.string(16, e.sku()).string(17, e.name()).string(18, e.hsn()).string(19, e.unit())
                    .i32(20, e.gstRateBasisPoints()).money(21, e.costPrice()).money(22, e.sellPrice())
                    .bool(23, e.serialTracked());
        } else if (event instanceof StockEvent.LocationOpened e) {
            w.string(16, e.kind().name()).string(17, e.name()).string(18, e.branch().value())
                    .string(19, e.technician() == null ? null : e.technician().value());
        } else if (event instanceof StockEvent.MinimumSet e) {
            w.string(16, e.sku()).i32(17, e.minimum());
        } else if (event instanceof StockEvent.Received e) {
            w.string(16, e.sku()).i32(17, e.quantity()).money(18, e.unitCost()).strings(19, e.serials())
                    .string(20, e.reference());
        } else if (event instanceof StockEvent.TransferredOut e) {
            transfer(w, e.transfer(), e.to(), e.sku(), e.quantity(), e.cost(), e.serials());
        } else if (event instanceof StockEvent.TransferredIn e) {
            transfer(w, e.transfer(), e.from(), e.sku(), e.quantity(), e.cost(), e.serials());
        } else if (event instanceof StockEvent.Used e) {
            w.string(16, e.sku()).i32(17, e.quantity()).i32(18, e.alreadyTaken()).i32(19, e.offBook())
                    .money(20, e.cost()).money(21, e.offBookCost()).strings(22, e.serials())
                    .string(23, e.job() == null ? null : e.job().value()).uuid(24, e.partEvent());
        } else if (event instanceof StockEvent.Returned e) {
            w.string(16, e.sku()).i32(17, e.quantity()).money(18, e.cost()).strings(19, e.serials())
                    .string(20, e.job().value());
        } else if (event instanceof StockEvent.WrittenOff e) {
            w.string(16, e.sku()).i32(17, e.quantity()).money(18, e.cost()).strings(19, e.serials())
                    .string(20, e.reason().name()).string(21, e.note());
        } else if (event instanceof StockEvent.Counted e) {
            w.string(16, e.sku()).i32(17, e.counted()).i32(18, e.expected()).money(19, e.adjustment())
                    .strings(20, e.missingSerials()).strings(21, e.foundSerials());
        } else {
            throw new IllegalStateException("unknown stock event type " + event.getClass().getName());
        }
    }

    /** Both halves of a transfer: the transfer id, the other location, then the movement. */
    private static void transfer(CanonicalWriter w, UUID transfer, LocationId other, String sku, int quantity,
                                 Money cost, List<String> serials) {
        w.uuid(16, transfer).string(17, other.value()).string(18, sku).i32(19, quantity).money(20, cost)
                .strings(21, serials);
    }
}
