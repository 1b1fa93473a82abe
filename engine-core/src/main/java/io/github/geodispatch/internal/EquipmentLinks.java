package io.github.geodispatch.internal;

import io.github.geodispatch.customer.HistoryEntry;
import io.github.geodispatch.customer.ServiceHistory;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A service history that also tells {@code linked} of each job linked to a unit of equipment (the owner's view counts
 * repeat service per unit). Thread-safe as its parts are.
 */
final class EquipmentLinks implements ServiceHistory {
    private final ServiceHistory history;
    private final BiConsumer<JobId, EquipmentId> linked;

    EquipmentLinks(ServiceHistory history, BiConsumer<JobId, EquipmentId> linked) {
        this.history = history;
        this.linked = linked;
    }

    @Override
    public void link(JobId job, EquipmentId equipment) {
        history.link(job, equipment);
        linked.accept(job, equipment);
    }

    @Override
    public void accept(JobEvent event) {
        history.accept(event);
    }

    @Override
    public void accept(CustomerEvent event) {
        history.accept(event);
    }

    @Override
    public void visit(TechnicianId technician, SiteId site, Instant from, Instant to) {
        history.visit(technician, site, from, to);
    }

    @Override
    public void finding(JobId job, String code, Money amountAtRisk, Instant at) {
        history.finding(job, code, amountAtRisk, at);
    }

    @Override
    public List<HistoryEntry> ofCustomer(CustomerId customer) {
        return history.ofCustomer(customer);
    }

    @Override
    public List<HistoryEntry> ofSite(SiteId site) {
        return history.ofSite(site);
    }

    @Override
    public List<HistoryEntry> ofEquipment(EquipmentId equipment) {
        return history.ofEquipment(equipment);
    }
}
