package io.github.geodispatch.spi;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stock and customer streams' canonical encodings, pinned: the worked example of docs/hash-chain.md. */
class StockEncodingTest {
    private static final TenantId TENANT = TenantId.of("coolair-blr");

    /** A capacitor used on JOB-1001 from Ravi's van: version 3 of the van's stream. */
    static StockEvent.Used capacitorUsed() {
        StockEventHeader header = new StockEventHeader(new UUID(0x5eed, 3),
                StockStreamId.location(TENANT, LocationId.of("VAN-ravi")), 3, Instant.parse("2026-11-16T05:30:00Z"),
                Actor.technician(TENANT, BranchId.of("indiranagar"), TechnicianId.of("ravi")), "ab".repeat(32));
        return new StockEvent.Used(header, "CAP-35", 1, 0, 0, Money.inr(21_000), Money.inr(0), List.of(),
                JobId.of("JOB-1001"), new UUID(0x5eed, 0x99));
    }

    @Test
    void aKnownStockEventHasItsDocumentedBytesAndHash() {
        // written out field by field from docs/hash-chain.md, hashed by Python's hashlib
        String expected = String.join("", "01", "07", "ab".repeat(32), "0000000000000003",
                "01 00000010 0000000000005eed0000000000000003",
                "02 0000000b 636f6f6c6169722d626c72",
                "03 00000011 6c6f636174696f6e3a56414e2d72617669",
                "04 0000000c 000000006afa94d800000000",
                "05 00000028 01 00000004 72617669 02 0000000a 544543484e494349414e 03 0000000b 696e646972616e61676172",
                "10 00000006 4341502d3335",
                "11 00000004 00000001",
                "12 00000004 00000000",
                "13 00000004 00000000",
                "14 00000015 01 00000008 0000000000005208 02 00000003 494e52",
                "15 00000015 01 00000008 0000000000000000 02 00000003 494e52",
                "16 00000004 00000000",
                "17 00000008 4a4f422d31303031",
                "18 00000010 0000000000005eed0000000000000099").replace(" ", "");

        assertThat(HexFormat.of().formatHex(StockEncoding.encode(capacitorUsed()))).isEqualTo(expected);
        assertThat(StockChain.hash(capacitorUsed()))
                .isEqualTo("5c1a6965f31ca331789889a91e720b769d63e614a9838904d8801b939243c037");
    }

    @Test
    void theCustomerSampleStreamVerifiesToAPinnedHead() {
        List<CustomerEvent> stream = CustomerEventSamples.everyType();

        assertThat(CustomerHashChain.verifies(stream, null)).isTrue();
        assertThat(CustomerHashChain.head(stream)).isEqualTo(PINNED_CUSTOMER_HEAD);
        assertThat(CustomerEncoding.encode(stream.get(0))[0]).isEqualTo((byte) CustomerEncoding.FORMAT);
    }

    /**
     * Recorded when the customer encoding was introduced, again when ContractInvoiced joined the samples; a change to
     * the encoding or the samples moves it.
     */
    private static final String PINNED_CUSTOMER_HEAD = "46032d107123f14228503b7d9c3ad2842617c5dfea77effa0b2a745350d60302";

    @Test
    void textThatIsNotUnicodeIsRefusedNamingTheField() {
        StockEvent.Used used = capacitorUsed();
        StockEvent.Used broken = new StockEvent.Used(used.header(), "CAP-\ud800", 1, 0, 0, used.cost(),
                used.offBookCost(), List.of(), used.job(), used.partEvent());
        assertThatThrownBy(() -> StockChain.hash(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 16").hasMessageContaining("unpaired surrogate");
    }
}
