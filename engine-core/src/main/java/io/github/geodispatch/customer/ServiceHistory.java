package io.github.geodispatch.customer;

import io.github.geodispatch.customer.internal.IndexedServiceHistory;
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

/**
 * The service history of each customer, site and unit of equipment: jobs created, completed and cancelled, site
 * visits, parts, payments, invoices and findings, in time order. It is a projection kept as facts arrive (each
 * key holds its own list), so a question reads one list and never scans the job streams. A job belongs to its
 * customer and site from its creation on, and to a unit of equipment once {@linkplain #link linked} (the front
 * door links each preventive visit it schedules). Site visits count for the site's customer when a customer
 * event or a job has named the site.
 *
 * <p>Thread-safe: one monitor guards the projection.
 */
public interface ServiceHistory {

    static ServiceHistory create() {
        return new IndexedServiceHistory();
    }

    void accept(JobEvent event);

    /** Customer events tell which customer a site and a unit belong to. */
    void accept(CustomerEvent event);

    /** A technician's stay at a site, from the geofence. */
    void visit(TechnicianId technician, SiteId site, Instant from, Instant to);

    /** A leakage finding on a job (by its code name and amount at risk), once. */
    void finding(JobId job, String code, Money amountAtRisk, Instant at);

    /** Lists {@code job}'s facts, from now on, under {@code equipment} too. */
    void link(JobId job, EquipmentId equipment);

    List<HistoryEntry> ofCustomer(CustomerId customer);

    List<HistoryEntry> ofSite(SiteId site);

    List<HistoryEntry> ofEquipment(EquipmentId equipment);
}
