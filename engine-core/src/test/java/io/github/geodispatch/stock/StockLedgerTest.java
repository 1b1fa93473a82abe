package io.github.geodispatch.stock;

import io.github.geodispatch.memory.InMemoryStockEventStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StockAppend;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.StockEventStore;
import io.github.geodispatch.spi.StockStreamId;
import io.github.geodispatch.spi.StoredStockEvent;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.WriteOffReason;
import io.github.geodispatch.stock.StockRejection.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.github.geodispatch.stock.StockFixture.ASHA;
import static io.github.geodispatch.stock.StockFixture.ASHA_VAN;
import static io.github.geodispatch.stock.StockFixture.BRANCH;
import static io.github.geodispatch.stock.StockFixture.CAP;
import static io.github.geodispatch.stock.StockFixture.COMP;
import static io.github.geodispatch.stock.StockFixture.RAVI;
import static io.github.geodispatch.stock.StockFixture.STOREKEEPER;
import static io.github.geodispatch.stock.StockFixture.SYSTEM;
import static io.github.geodispatch.stock.StockFixture.TENANT;
import static io.github.geodispatch.stock.StockFixture.VAN;
import static io.github.geodispatch.stock.StockFixture.WAREHOUSE;
import static io.github.geodispatch.stock.StockFixture.rejected;
import static org.assertj.core.api.Assertions.assertThat;

class StockLedgerTest {

    @Nested
    class Valuation {
        @Test
        void receiptsAverageTheirCostAndATransferMovesItsShareAtThatAverage() {
            StockFixture s = new StockFixture().opened().receive(WAREHOUSE, CAP, 10, 20_000).receive(WAREHOUSE, CAP, 10, 23_000);
            assertThat(s.level(WAREHOUSE, CAP).value()).isEqualTo(Money.inr(430_000));

            StockResult moved = s.ok(STOREKEEPER, new StockCommand.Transfer(WAREHOUSE, VAN, CAP, 5, List.of()));

            StockEvent.TransferredOut out = (StockEvent.TransferredOut) moved.orThrow().get(0).event();
            StockEvent.TransferredIn in = (StockEvent.TransferredIn) moved.orThrow().get(1).event();
            assertThat(out.cost()).isEqualTo(Money.inr(107_500));
            assertThat(in.cost()).isEqualTo(out.cost());
            assertThat(in.transfer()).isEqualTo(out.transfer());
            assertThat(s.level(WAREHOUSE, CAP).quantity()).isEqualTo(15);
            assertThat(s.level(WAREHOUSE, CAP).value()).isEqualTo(Money.inr(322_500));
            assertThat(s.level(VAN, CAP).value()).isEqualTo(Money.inr(107_500));
            assertThat(s.ledger.value(WAREHOUSE)).hasValue(Money.inr(322_500));
        }

        @Test
        void sharesRoundHalfUpAndTheLastUnitsTakeWhatIsLeft() {
            StockFixture s = new StockFixture().opened().receive(WAREHOUSE, CAP, 3, 0).receive(WAREHOUSE, CAP, 1, 1_000)
                    .transfer(WAREHOUSE, VAN, CAP, 1);
            // 4 units worth 10.00: one leaves at 2.50
            assertThat(s.level(VAN, CAP).value()).isEqualTo(Money.inr(250));
            s.transfer(WAREHOUSE, VAN, CAP, 2).transfer(WAREHOUSE, VAN, CAP, 1);
            assertThat(s.level(WAREHOUSE, CAP).quantity()).isZero();
            assertThat(s.level(WAREHOUSE, CAP).value()).isEqualTo(Money.inr(0));
            assertThat(s.level(VAN, CAP).value()).isEqualTo(Money.inr(1_000));
        }

        @Test
        void aCountValuesItsShortageAndSurplusAtTheAverageOrTheCatalogueCostWhenEmpty() {
            StockFixture s = new StockFixture().opened().receive(WAREHOUSE, CAP, 4, 20_000);
            StockEvent.Counted shortBy1 = (StockEvent.Counted) s.ok(STOREKEEPER,
                    new StockCommand.Count(WAREHOUSE, CAP, 3, List.of())).orThrow().get(0).event();
            assertThat(shortBy1.expected()).isEqualTo(4);
            assertThat(shortBy1.adjustment()).isEqualTo(Money.inr(-20_000));
            StockEvent.Counted over = (StockEvent.Counted) s.ok(STOREKEEPER,
                    new StockCommand.Count(WAREHOUSE, CAP, 5, List.of())).orThrow().get(0).event();
            assertThat(over.adjustment()).isEqualTo(Money.inr(40_000));
            StockEvent.Counted fromEmpty = (StockEvent.Counted) s.ok(STOREKEEPER,
                    new StockCommand.Count(VAN, CAP, 2, List.of())).orThrow().get(0).event();
            assertThat(fromEmpty.adjustment()).isEqualTo(Money.inr(42_000));
            assertThat(s.level(WAREHOUSE, CAP).quantity()).isEqualTo(5);
        }
    }

    @Nested
    class Refusals {
        @Test
        void movingMoreThanALocationHoldsIsRefusedAndStoresNothing() {
            StockFixture s = new StockFixture().opened().receive(WAREHOUSE, CAP, 2, 20_000);
            long before = s.store.lastPosition();

            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.Transfer(WAREHOUSE, VAN, CAP, 3, List.of()))))
                    .isEqualTo(Reason.INSUFFICIENT_STOCK);
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.WriteOff(WAREHOUSE, CAP, 3, WriteOffReason.DAMAGED,
                    null, List.of())))).isEqualTo(Reason.INSUFFICIENT_STOCK);
            assertThat(rejected(s.run(Actor.technician(TENANT, BRANCH, RAVI), new StockCommand.Take(VAN, CAP, 1,
                    List.of(), null)))).isEqualTo(Reason.INSUFFICIENT_STOCK);
            assertThat(s.store.lastPosition()).isEqualTo(before);
            assertThat(s.level(WAREHOUSE, CAP).quantity()).isEqualTo(2);
        }

        /**
         * A receipt's value (qty x unit cost) is a single amount, at most the maximum: one beyond the range of a long
         * was stored and then overflowed folding the location's value (an ArithmeticException). Refused, typed, and
         * nothing stored; so is an off-book use or a count surplus valued beyond a long at the catalogue cost.
         */
        @Test
        void aValueOfQuantityTimesCostBeyondTheMaximumIsRefusedTypedAndStoresNothing() {
            StockFixture s = new StockFixture().opened();
            long before = s.store.lastPosition();
            StockResult huge = s.run(STOREKEEPER, new StockCommand.Receive(WAREHOUSE, CAP, 100_000_000,
                    Money.inr(100_000_000_000L), null, null));
            assertThat(rejected(huge)).isEqualTo(Reason.INVALID_INPUT);
            assertThat(((StockResult.Rejected) huge).rejection().message()).isEqualTo("receipt value (qty x unit_cost) "
                    + "100000000 x 1000000000.00 INR is above the maximum amount 1000000000.00 INR");
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.Receive(WAREHOUSE, CAP, 2, Money.inr(50_000_000_001L),
                    null, null)))).isEqualTo(Reason.INVALID_INPUT);
            assertThat(s.store.lastPosition()).isEqualTo(before);

            s.receive(WAREHOUSE, CAP, 100, 1_000_000_000L);
            assertThat(s.level(WAREHOUSE, CAP).value()).isEqualTo(Money.inr(Money.MAX_AMOUNT_MINOR));

            s.ok(SYSTEM, new StockCommand.DefineSku(new Sku("DEAR-1", "Dear part", null, "pcs", 1800,
                    Money.inr(Long.MAX_VALUE / 2), Money.inr(Long.MAX_VALUE / 2), false)));
            long defined = s.store.lastPosition();
            assertThat(rejected(s.use("J-1", RAVI, "DEAR-1", 3, UUID.randomUUID()))).isEqualTo(Reason.INVALID_INPUT);
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.Count(WAREHOUSE, "DEAR-1", 3, List.of()))))
                    .isEqualTo(Reason.INVALID_INPUT);
            assertThat(s.store.lastPosition()).isEqualTo(defined);
        }

        /**
         * The cost of what left stock for a job sums every use on it: a sum beyond a long wrapped in the fold (and a
         * return then valued the parts at the wrapped cost). Refused, typed, and nothing stored.
         */
        @Test
        void aJobsPartsCostBeyondALongIsRefusedTypedAndStoresNothing() {
            StockFixture s = new StockFixture().opened();
            s.ok(SYSTEM, new StockCommand.DefineSku(new Sku("DEAR-1", "Dear part", null, "pcs", 1800,
                    Money.inr(Long.MAX_VALUE / 2), Money.inr(Long.MAX_VALUE / 2), false)));
            assertThat(s.use("J-1", RAVI, "DEAR-1", 2, UUID.randomUUID()).isAccepted()).as("off book").isTrue();
            long before = s.store.lastPosition();

            StockResult third = s.use("J-1", RAVI, "DEAR-1", 1, UUID.randomUUID());

            assertThat(rejected(third)).isEqualTo(Reason.INVALID_INPUT);
            assertThat(((StockResult.Rejected) third).rejection().message())
                    .startsWith("the sum of parts cost of job J-1 and DEAR-1 overflows");
            assertThat(s.store.lastPosition()).isEqualTo(before);
            StockEvent.Returned returned = (StockEvent.Returned) s.ok(STOREKEEPER, new StockCommand.Return(VAN,
                    JobId.of("J-1"), "DEAR-1", 2, List.of())).orThrow().get(0).event();
            assertThat(returned.cost()).isEqualTo(Money.inr(Long.MAX_VALUE - 1));
        }

        /**
         * A holding's value, and its location's (the sum of its holdings'), grow by counts' surpluses and transfers in:
         * with catalogue costs near the limit, one beyond a long was stored and then overflowed in the fold (an
         * ArithmeticException after the append), or made value(location) throw. Refused, typed, and nothing stored.
         */
        @Test
        void aHoldingsOrALocationsValueBeyondALongIsRefusedTypedAndStoresNothing() {
            StockFixture s = new StockFixture().opened();
            for (String sku : List.of("DEAR-1", "DEAR-2")) {
                s.ok(SYSTEM, new StockCommand.DefineSku(new Sku(sku, "Dear part", null, "pcs", 1800,
                        Money.inr(Long.MAX_VALUE / 2), Money.inr(Long.MAX_VALUE / 2), false)));
            }
            s.ok(STOREKEEPER, new StockCommand.Count(WAREHOUSE, "DEAR-1", 1, List.of()));
            s.ok(STOREKEEPER, new StockCommand.Count(ASHA_VAN, "DEAR-1", 2, List.of()));
            long before = s.store.lastPosition();
            List<StockLevel> levels = s.ledger.levels();

            StockResult surplus = s.ledger.execute(STOREKEEPER, new StockCommand.Count(WAREHOUSE, "DEAR-1", 3, List.of()));
            StockResult transfer = s.ledger.execute(STOREKEEPER, new StockCommand.Transfer(ASHA_VAN, WAREHOUSE, "DEAR-1", 2,
                    List.of()));
            StockResult another = s.ledger.execute(STOREKEEPER, new StockCommand.Count(WAREHOUSE, "DEAR-2", 2, List.of()));

            assertThat(List.of(surplus, transfer, another)).allSatisfy(r -> assertThat(rejected(r)).isEqualTo(Reason.INVALID_INPUT));
            assertThat(((StockResult.Rejected) surplus).rejection().message())
                    .startsWith("the sum of value of DEAR-1 at WH-1 overflows");
            assertThat(((StockResult.Rejected) another).rejection().message())
                    .startsWith("the sum of value of location WH-1 overflows");
            assertThat(s.store.lastPosition()).isEqualTo(before);
            assertThat(s.ledger.levels()).isEqualTo(levels);
            assertThat(s.ledger.value(WAREHOUSE)).contains(Money.inr(Long.MAX_VALUE / 2));
            s.ok(STOREKEEPER, new StockCommand.Count(WAREHOUSE, "DEAR-2", 1, List.of()));
            assertThat(s.ledger.value(WAREHOUSE)).contains(Money.inr(Long.MAX_VALUE - 1));
        }

        @Test
        void unknownSkusAndLocationsAndBadValuesAreTyped() {
            StockFixture s = new StockFixture().opened();
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.Receive(WAREHOUSE, "NOPE", 1, Money.inr(1), null,
                    null)))).isEqualTo(Reason.UNKNOWN_SKU);
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.Receive(LocationId.of("WH-9"), CAP, 1, Money.inr(1),
                    null, null)))).isEqualTo(Reason.UNKNOWN_LOCATION);
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.Receive(WAREHOUSE, CAP, 1, Money.inr(-1), null,
                    null)))).isEqualTo(Reason.INVALID_INPUT);
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.Receive(WAREHOUSE, CAP, 1, Money.kes(1), null,
                    null)))).isEqualTo(Reason.INVALID_INPUT);
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.WriteOff(WAREHOUSE, CAP, 1, WriteOffReason.OTHER,
                    null, null)))).isIn(Reason.INSUFFICIENT_STOCK, Reason.INVALID_INPUT);
            s.receive(WAREHOUSE, CAP, 1, 100);
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.WriteOff(WAREHOUSE, CAP, 1, WriteOffReason.OTHER,
                    null, null)))).isEqualTo(Reason.INVALID_INPUT);
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.OpenLocation(Location.warehouse(WAREHOUSE, "again",
                    BRANCH))))).isEqualTo(Reason.LOCATION_EXISTS);
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.OpenLocation(Location.van(LocationId.of("VAN-2"),
                    "second", BRANCH, RAVI))))).isEqualTo(Reason.LOCATION_EXISTS);
            assertThat(rejected(s.run(SYSTEM, new StockCommand.DefineSku(new Sku(CAP, "Capacitor", null, "pcs", 1800,
                    Money.inr(1), Money.inr(2), true))))).isEqualTo(Reason.SERIAL_TRACKING_FIXED);
        }

        @Test
        void aTechnicianTouchesOnlyTheirOwnVanAndBranchStaffOnlyTheirBranch() {
            StockFixture s = new StockFixture().opened().receive(WAREHOUSE, CAP, 4, 20_000).transfer(WAREHOUSE, ASHA_VAN, CAP, 2);
            assertThat(rejected(s.run(Actor.technician(TENANT, BRANCH, RAVI), new StockCommand.Take(ASHA_VAN, CAP, 1,
                    List.of(), null)))).isEqualTo(Reason.NOT_PERMITTED);
            assertThat(rejected(s.run(Actor.technician(TENANT, BRANCH, RAVI), new StockCommand.Transfer(WAREHOUSE, VAN,
                    CAP, 1, List.of())))).isEqualTo(Reason.NOT_PERMITTED);
            assertThat(rejected(s.run(Actor.dispatcher(TENANT, BranchId.of("BLR-2"), "d2"), new StockCommand.Receive(
                    WAREHOUSE, CAP, 1, Money.inr(1), null, null)))).isEqualTo(Reason.NOT_PERMITTED);
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.DefineSku(new Sku("X", "X", null, "pcs", 0,
                    Money.inr(1), Money.inr(1), false))))).isEqualTo(Reason.NOT_PERMITTED);
            assertThat(rejected(s.run(Actor.system(TenantId.of("other")),
                    new StockCommand.Receive(WAREHOUSE, CAP, 1, Money.inr(1), null, null)))).isEqualTo(Reason.NOT_PERMITTED);
            assertThat(s.run(Actor.technician(TENANT, BRANCH, ASHA), new StockCommand.Take(ASHA_VAN, CAP, 1, List.of(),
                    null)).isAccepted()).isTrue();
        }
    }

    @Nested
    class Serials {
        @Test
        void aSerialMovesOneAtATimeAndIsInOnePlace() {
            StockFixture s = new StockFixture().opened().receive(WAREHOUSE, COMP, 2, 1_250_000, "SN-1", "SN-2")
                    .transfer(WAREHOUSE, VAN, COMP, 1, "SN-2");
            assertThat(s.level(WAREHOUSE, COMP).serials()).containsExactly("SN-1");
            assertThat(s.level(VAN, COMP).serials()).containsExactly("SN-2");

            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.Receive(ASHA_VAN, COMP, 1, Money.inr(1),
                    List.of("SN-2"), null)))).isEqualTo(Reason.SERIAL_MISMATCH);
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.Transfer(WAREHOUSE, ASHA_VAN, COMP, 1,
                    List.of("SN-2"))))).isEqualTo(Reason.SERIAL_MISMATCH);
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.Transfer(WAREHOUSE, ASHA_VAN, COMP, 1, List.of()))))
                    .isEqualTo(Reason.SERIAL_MISMATCH);
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.Transfer(WAREHOUSE, ASHA_VAN, CAP, 1,
                    List.of("X"))))).isIn(Reason.SERIAL_MISMATCH, Reason.INSUFFICIENT_STOCK);
        }

        @Test
        void aPartUseTakesTheVansFirstSerialAndAReturnBringsThatSerialBack() {
            StockFixture s = new StockFixture().opened().receive(VAN, COMP, 2, 1_250_000, "SN-7", "SN-3");
            StockEvent.Used used = (StockEvent.Used) s.use("J-1", RAVI, COMP, 1, UUID.randomUUID()).orThrow().get(0).event();
            assertThat(used.serials()).containsExactly("SN-7");

            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.Return(VAN, JobId.of("J-1"), COMP, 1,
                    List.of("SN-3"))))).isEqualTo(Reason.SERIAL_MISMATCH);
            s.ok(STOREKEEPER, new StockCommand.Return(VAN, JobId.of("J-1"), COMP, 1, List.of("SN-7")));
            assertThat(s.level(VAN, COMP).serials()).containsExactly("SN-3", "SN-7");
        }

        @Test
        void aCountNamesTheSerialsFoundAndMayNotFindOneHeldElsewhere() {
            StockFixture s = new StockFixture().opened().receive(VAN, COMP, 2, 1_000_000, "SN-1", "SN-2")
                    .receive(WAREHOUSE, COMP, 1, 1_000_000, "SN-9");
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.Count(VAN, COMP, 2, List.of("SN-1", "SN-9")))))
                    .isEqualTo(Reason.SERIAL_MISMATCH);
            StockEvent.Counted c = (StockEvent.Counted) s.ok(STOREKEEPER, new StockCommand.Count(VAN, COMP, 2,
                    List.of("SN-1", "SN-5"))).orThrow().get(0).event();
            assertThat(c.missingSerials()).containsExactly("SN-2");
            assertThat(c.foundSerials()).containsExactly("SN-5");
            assertThat(c.adjustment()).isEqualTo(Money.inr(0));
            assertThat(s.level(VAN, COMP).serials()).containsExactly("SN-1", "SN-5");
        }
    }

    @Nested
    class PartsOnJobs {
        @Test
        void aPartUseLeavesTheVanAndWhatTheVanLacksIsRecordedOffBookNeverNegative() {
            StockFixture s = new StockFixture().opened().receive(VAN, CAP, 1, 20_000);
            StockEvent.Used used = (StockEvent.Used) s.use("J-1", RAVI, CAP, 3, UUID.randomUUID()).orThrow().get(0).event();
            assertThat(used.fromBook()).isEqualTo(1);
            assertThat(used.offBook()).isEqualTo(2);
            assertThat(used.cost()).isEqualTo(Money.inr(20_000));
            assertThat(used.offBookCost()).isEqualTo(Money.inr(42_000));
            assertThat(s.level(VAN, CAP).quantity()).isZero();
        }

        @Test
        void recordingTheSamePartTwiceTakesItOnce() {
            StockFixture s = new StockFixture().opened().receive(VAN, CAP, 4, 20_000);
            UUID part = UUID.randomUUID();
            assertThat(s.use("J-1", RAVI, CAP, 1, part).orThrow()).hasSize(1);
            assertThat(s.use("J-1", RAVI, CAP, 1, part).orThrow()).isEmpty();
            assertThat(s.level(VAN, CAP).quantity()).isEqualTo(3);
        }

        @Test
        void aPartTakenForAJobIsNotTakenAgainWhenTheJobRecordsIt() {
            StockFixture s = new StockFixture().opened().receive(VAN, CAP, 4, 20_000);
            s.ok(Actor.technician(TENANT, BRANCH, RAVI), new StockCommand.Take(VAN, CAP, 2, List.of(), JobId.of("J-1")));
            StockEvent.Used used = (StockEvent.Used) s.use("J-1", RAVI, CAP, 3, UUID.randomUUID()).orThrow().get(0).event();
            assertThat(used.alreadyTaken()).isEqualTo(2);
            assertThat(used.fromBook()).isEqualTo(1);
            assertThat(s.level(VAN, CAP).quantity()).isEqualTo(1);
        }

        @Test
        void aReturnComesBackAtTheCostItLeftAtAndNoMoreThanLeft() {
            StockFixture s = new StockFixture().opened().receive(VAN, CAP, 1, 20_000).receive(VAN, CAP, 1, 30_000);
            s.use("J-1", RAVI, CAP, 2, UUID.randomUUID());
            s.receive(VAN, CAP, 1, 90_000);
            StockEvent.Returned back = (StockEvent.Returned) s.ok(STOREKEEPER, new StockCommand.Return(VAN,
                    JobId.of("J-1"), CAP, 1, List.of())).orThrow().get(0).event();
            assertThat(back.cost()).isEqualTo(Money.inr(25_000));
            assertThat(rejected(s.run(STOREKEEPER, new StockCommand.Return(VAN, JobId.of("J-1"), CAP, 2, List.of()))))
                    .isEqualTo(Reason.NOTHING_TO_RETURN);
            assertThat(s.level(VAN, CAP).value()).isEqualTo(Money.inr(115_000));
        }

        @Test
        void aTechnicianWithoutAVanOrAnUncataloguedPartIsNotTracked() {
            StockFixture s = new StockFixture().opened();
            assertThat(rejected(s.use("J-1", TechnicianId.of("nobody"), CAP, 1,
                    UUID.randomUUID()))).isEqualTo(Reason.NO_VAN);
            assertThat(rejected(s.use("J-1", RAVI, "GAS-R32", 1, UUID.randomUUID()))).isEqualTo(Reason.UNKNOWN_SKU);
        }
    }

    @Nested
    class AlertsAndSuggestions {
        @Test
        void lowStockRestockListAndVansHoldingAPart() {
            StockFixture s = new StockFixture().opened().receive(WAREHOUSE, CAP, 20, 20_000)
                    .receive(WAREHOUSE, COMP, 1, 1_250_000, "SN-1").transfer(WAREHOUSE, VAN, CAP, 1)
                    .transfer(WAREHOUSE, ASHA_VAN, CAP, 3);
            s.ok(STOREKEEPER, new StockCommand.SetMinimum(VAN, CAP, 2));
            s.ok(STOREKEEPER, new StockCommand.SetMinimum(ASHA_VAN, CAP, 2));

            assertThat(s.ledger.lowStock()).containsExactly(new LowStockAlert(VAN, BRANCH, RAVI, CAP, 1, 2));
            assertThat(s.ledger.restockList(RAVI, List.of("AC_SERVICE", "AC_INSTALL", "PEST"))).containsExactly(
                    new RestockLine(VAN, CAP, 3, 2, 1, 4, 16),
                    new RestockLine(VAN, COMP, 1, 0, 0, 1, 1));
            assertThat(s.ledger.restockList(ASHA, List.of())).isEmpty();
            assertThat(s.ledger.vansHolding(List.of(RAVI, ASHA, TechnicianId.of("x")), CAP, 2))
                    .containsExactly(ASHA);
            assertThat(s.ledger.vansHolding(List.of(RAVI, ASHA), CAP, 1)).containsExactly(RAVI, ASHA);
        }
    }

    @Nested
    class Store {
        @Test
        void aLedgerBuiltOverTheStoreReplaysTheSameStock() {
            StockFixture s = new StockFixture().opened().receive(WAREHOUSE, COMP, 2, 1_250_000, "SN-1", "SN-2")
                    .receive(WAREHOUSE, CAP, 7, 21_000).transfer(WAREHOUSE, VAN, COMP, 1, "SN-1");
            s.use("J-1", RAVI, CAP, 2, UUID.randomUUID());

            StockLedger again = s.ledger(s.store);

            assertThat(again.levels()).isEqualTo(s.ledger.levels());
            assertThat(again.catalogue()).isEqualTo(s.ledger.catalogue());
            assertThat(again.locations()).isEqualTo(s.ledger.locations());
            assertThat(again.historyVerifies(VAN)).isTrue();
        }

        @Test
        void twoLedgersOverOneStoreCatchUpOnEachOthersAppends() {
            StockFixture s = new StockFixture().opened().receive(WAREHOUSE, CAP, 5, 20_000);
            StockLedger other = s.ledger(s.store);
            s.transfer(WAREHOUSE, VAN, CAP, 3);

            assertThat(rejected(other.execute(STOREKEEPER, new StockCommand.Transfer(WAREHOUSE, ASHA_VAN, CAP, 3,
                    List.of())))).isEqualTo(Reason.INSUFFICIENT_STOCK);
            assertThat(other.execute(STOREKEEPER, new StockCommand.Transfer(WAREHOUSE, ASHA_VAN, CAP, 2, List.of()))
                    .isAccepted()).isTrue();
            assertThat(other.level(WAREHOUSE, CAP).orElseThrow().quantity()).isZero();
            assertThat(other.level(VAN, CAP).orElseThrow().quantity()).isEqualTo(3);
        }

        @Test
        void anEditedStoredEventFailsTheHistoryCheck() {
            Tampering store = new Tampering();
            StockFixture s = new StockFixture(store).opened().receive(VAN, CAP, 2, 20_000).receive(VAN, CAP, 1, 20_000);
            assertThat(s.ledger.historyVerifies(VAN)).isTrue();
            store.editLast = true;
            assertThat(s.ledger.historyVerifies(VAN)).isFalse();
            assertThat(s.ledger.history(VAN)).hasSize(3);
        }
    }

    /** A store whose reads can be made to return the last event of a stream with another quantity. */
    static final class Tampering implements StockEventStore {
        private final InMemoryStockEventStore real = new InMemoryStockEventStore();
        boolean editLast;

        @Override
        public List<StoredStockEvent> append(List<StockAppend> appends) {
            return real.append(appends);
        }

        @Override
        public List<StockEvent> readStream(StockStreamId stream) {
            List<StockEvent> events = new ArrayList<>(real.readStream(stream));
            if (editLast && events.get(events.size() - 1) instanceof StockEvent.Received r) {
                events.set(events.size() - 1, new StockEvent.Received(r.header(), r.sku(), r.quantity() + 1, r.unitCost(),
                        r.serials(), r.reference()));
            }
            return events;
        }

        @Override
        public long version(StockStreamId stream) {
            return real.version(stream);
        }

        @Override
        public List<StoredStockEvent> readAll(long afterPosition, int maxCount) {
            return real.readAll(afterPosition, maxCount);
        }

        @Override
        public long lastPosition() {
            return real.lastPosition();
        }
    }
}
