package io.github.geodispatch.examples.cityweek;

import io.github.geodispatch.examples.cityday.CityBusiness;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.StockRecords;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.LocationKind;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.stock.Location;
import io.github.geodispatch.stock.LowStockAlert;
import io.github.geodispatch.stock.Sku;
import io.github.geodispatch.stock.StockCommand;
import io.github.geodispatch.stock.StockLedger;
import io.github.geodispatch.stock.StockLevel;
import io.github.geodispatch.stock.StockResult;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The vans and branch stores on the front door's stock: every part the business uses is catalogued, each branch
 * has a store that receives stock on the first morning, each technician a van loaded from it ({@value #VAN_LOAD} of
 * each part) and topped up every working morning. Parts used on jobs leave the van through the job record. The
 * planted stock mistakes: one technician takes parts out of the van for no job, one van is counted short at the end
 * of the week, and one van is never loaded (whatever its technician fits comes off the book). Every stock fact also
 * goes to the journal. Not thread-safe.
 */
final class WeekStock {
    static final int VAN_LOAD = 6;
    static final int VAN_MINIMUM = 2;

    /** A stock mistake planted in the week, with the finding code it should raise and the day it was made. */
    record PlantedStock(String findingCode, TechnicianId technician, LocationId location, String sku, String story,
                        LocalDate day) {}

    private final CityBusiness business;
    private final StockLedger stock;
    private final Actor owner;
    private final ZoneId zone;
    private final List<PlantedStock> planted = new ArrayList<>();
    private TechnicianId unloaded;

    WeekStock(CityBusiness business, TenantId tenant, ZoneId zone) {
        this.business = business;
        this.stock = business.frontDoor().stock();
        this.owner = Actor.owner(tenant, "owner");
        this.zone = zone;
    }

    static LocationId store(CityBusiness.BranchInfo b) {
        return LocationId.of("WH-" + b.id().value());
    }

    static LocationId van(TechnicianId t) {
        return LocationId.of("VAN-" + t.value());
    }

    /**
     * Before the first morning: the catalogue, the stores and vans, each store's receipt (enough to load and top up
     * its vans for the run) and the van minimums. The vans are loaded by the first {@link #topUp}; the last technician
     * of the team's van never is.
     */
    void open(Instant at, int days) {
        List<CityBusiness.TeamMember> team = business.team();
        unloaded = team.get(team.size() - 1).id();
        for (CityBusiness.PartInfo p : CityBusiness.parts()) {
            Money cost = Money.inr(p.pricePaise() * 6 / 10);
            Money sell = Money.inr(p.pricePaise());
            run(new StockCommand.DefineSku(new Sku(p.sku(), p.sku(), p.hsn(), "pcs", 1800, cost, sell, false)),
                    new StockRecords.Sku(time(at), p.sku(), p.sku(), p.hsn(), "pcs", 1800, cost, sell, false), at);
        }
        for (CityBusiness.BranchInfo b : business.branches()) {
            Location store = Location.warehouse(store(b), b.name() + " store", b.id());
            run(new StockCommand.OpenLocation(store), new StockRecords.Location(time(at), store.id(), LocationKind.WAREHOUSE,
                    store.name(), b.id(), null), at);
            long vans = team.stream().filter(t -> t.branch().equals(b.id())).count();
            for (CityBusiness.PartInfo p : CityBusiness.parts()) {
                int quantity = (int) (vans * VAN_LOAD * Math.max(2, days / 2));
                Money cost = Money.inr(p.pricePaise() * 6 / 10);
                String bill = "BILL-" + b.id().value() + "-" + p.sku();
                run(new StockCommand.Receive(store.id(), p.sku(), quantity, cost, List.of(), bill),
                        new StockRecords.Receipt(time(at), store.id(), p.sku(), quantity, cost, List.of(), bill), at);
            }
        }
        for (CityBusiness.TeamMember t : team) {
            Location van = Location.van(van(t.id()), t.name() + "'s van", t.branch(), t.id());
            run(new StockCommand.OpenLocation(van), new StockRecords.Location(time(at), van.id(), LocationKind.VAN, van.name(),
                    t.branch(), t.id()), at);
            for (CityBusiness.PartInfo p : CityBusiness.parts()) {
                run(new StockCommand.SetMinimum(van.id(), p.sku(), VAN_MINIMUM),
                        new StockRecords.Minimum(time(at), van.id(), p.sku(), VAN_MINIMUM), at);
            }
        }
        planted.add(new PlantedStock("OFF_BOOK_PART", unloaded, van(unloaded), null,
                "the van was never loaded; any part its technician fits comes off the book", LocalDate.ofInstant(at, zone)));
    }

    /**
     * A working morning (the first loads the vans): every van but the unloaded one topped up to {@value #VAN_LOAD} of
     * each part from its branch store.
     */
    void topUp(Instant at) {
        for (CityBusiness.TeamMember t : business.team()) {
            if (t.id().equals(unloaded)) {
                continue;
            }
            LocationId from = LocationId.of("WH-" + t.branch().value());
            for (CityBusiness.PartInfo p : CityBusiness.parts()) {
                long held = stock.level(van(t.id()), p.sku()).map(StockLevel::quantity).orElse(0L);
                long inStore = stock.level(from, p.sku()).map(StockLevel::quantity).orElse(0L);
                int quantity = (int) Math.min(VAN_LOAD - held, inStore);
                if (quantity > 0) {
                    run(new StockCommand.Transfer(from, van(t.id()), p.sku(), quantity, List.of()),
                            new StockRecords.Transfer(time(at), from, van(t.id()), p.sku(), quantity, List.of()), at);
                }
            }
        }
    }

    /** Planted: {@code technician} takes two MCBs out of the van for no job (a side job, or sold on). */
    void takeForNoJob(TechnicianId technician, Instant at) {
        String sku = "MCB-32A";
        run(new StockCommand.Take(van(technician), sku, 2, List.of(), null),
                new StockRecords.Use(time(at), van(technician), sku, 2, List.of(), null), at);
        planted.add(new PlantedStock("VAN_USE_UNEXPLAINED", technician, van(technician), sku,
                "two MCBs taken out of the van for no job", LocalDate.ofInstant(at, zone)));
    }

    /** Planted: the week's-end count of {@code technician}'s van finds one capacitor fewer than its book. */
    void countShort(TechnicianId technician, Instant at) {
        String sku = "CAP-35";
        long book = stock.level(van(technician), sku).map(StockLevel::quantity).orElse(0L);
        int counted = (int) Math.max(0, book - 1);
        run(new StockCommand.Count(van(technician), sku, counted, List.of()),
                new StockRecords.Count(time(at), van(technician), sku, counted, List.of()), at);
        if (counted < book) {
            planted.add(new PlantedStock("STOCK_SHRINKAGE", technician, van(technician), sku,
                    "the count found one capacitor fewer than the van's book", LocalDate.ofInstant(at, zone)));
        }
    }

    List<LowStockAlert> lowStock() {
        return stock.lowStock();
    }

    List<StockLevel> levels() {
        return stock.levels();
    }

    List<PlantedStock> planted() {
        return List.copyOf(planted);
    }

    private void run(StockCommand command, JournalRecord.Stock record, Instant at) {
        business.advanceClockTo(at);
        StockResult result = stock.execute(owner, command);
        if (result instanceof StockResult.Rejected rejected) {
            throw new IllegalStateException("the stock refused the week's " + command.getClass().getSimpleName() + ": "
                    + rejected.rejection());
        }
        business.record(record, at);
    }

    private OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, zone);
    }
}
