package io.github.geodispatch.customer.internal;
import io.github.geodispatch.customer.HistoryEntry;
import io.github.geodispatch.customer.HistoryEntry.Kind;
import io.github.geodispatch.customer.ServiceHistory;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The {@link ServiceHistory} behind {@link ServiceHistory#create()}: one time-ordered list per customer, site and
 * unit, each entry appended to the lists of its job's keys (entries mostly arrive in time order, so an insertion
 * walks back a step or two from the end). A question copies one list. Thread-safe: one monitor.
 */
public final class IndexedServiceHistory implements ServiceHistory {
    private final Map<CustomerId, List<HistoryEntry>> byCustomer = new HashMap<>();
    private final Map<SiteId, List<HistoryEntry>> bySite = new HashMap<>();
    private final Map<EquipmentId, List<HistoryEntry>> byEquipment = new HashMap<>();
    private final Map<JobId, JobKeys> jobs = new HashMap<>();
    private final Map<SiteId, CustomerId> siteOwners = new HashMap<>();
    private final Set<UUID> seen = new HashSet<>();
    private final Set<String> findings = new HashSet<>();

    /** The lists a job's entries go to. */
    private static final class JobKeys {
        /** Null until the job's creation is seen (a job may be linked to equipment before). */
        CustomerId customer;
        SiteId site;
        final List<EquipmentId> equipment = new ArrayList<>(1);
    }

    @Override
    public synchronized void accept(JobEvent event) {
        if (!seen.add(event.header().eventId())) {
            return;
        }
        JobId job = event.header().job();
        Instant at = event.header().occurredAt();
        if (event instanceof JobEvent.JobCreated c) {
            JobKeys keys = jobs.computeIfAbsent(job, j -> new JobKeys());
            keys.customer = c.customer();
            keys.site = c.site().id();
            siteOwners.putIfAbsent(c.site().id(), c.customer());
            add(job, new HistoryEntry(at, job, Kind.JOB_CREATED, c.jobType() + (c.issue().isEmpty() ? "" : ": " + c.issue()),
                    c.quote()));
        } else if (event instanceof JobEvent.StatusChanged s && s.status() == JobStatus.COMPLETED) {
            add(job, new HistoryEntry(at, job, Kind.JOB_COMPLETED, "completed", null));
        } else if (event instanceof JobEvent.StatusChanged s && s.status() == JobStatus.CANCELLED) {
            add(job, new HistoryEntry(at, job, Kind.JOB_CANCELLED, s.reason(), null));
        } else if (event instanceof JobEvent.PartUsed p) {
            add(job, new HistoryEntry(at, job, Kind.PART_USED, p.quantity() + " x " + p.sku(), p.lineTotal()));
        } else if (event instanceof JobEvent.PaymentRecorded p) {
            add(job, new HistoryEntry(at, job, Kind.PAYMENT, p.mode() + (p.reference() == null ? "" : " " + p.reference()),
                    p.amount()));
        } else if (event instanceof JobEvent.InvoiceHandedOff i) {
            add(job, new HistoryEntry(at, job, Kind.INVOICE, i.invoiceNumber(), i.total()));
        }
    }

    @Override
    public synchronized void accept(CustomerEvent event) {
        if (event instanceof CustomerEvent.SiteAdded s) {
            siteOwners.put(s.site().id(), event.header().customer());
        }
    }

    @Override
    public synchronized void visit(TechnicianId technician, SiteId site, Instant from, Instant to) {
        HistoryEntry entry = new HistoryEntry(from, null, Kind.SITE_VISIT, technician + " on site until " + to, null);
        insert(bySite.computeIfAbsent(site, s -> new ArrayList<>()), entry);
        CustomerId owner = siteOwners.get(site);
        if (owner != null) {
            insert(byCustomer.computeIfAbsent(owner, c -> new ArrayList<>()), entry);
        }
    }

    @Override
    public synchronized void finding(JobId job, String code, Money amountAtRisk, Instant at) {
        if (findings.add(job + "|" + code)) {
            add(job, new HistoryEntry(at, job, Kind.FINDING, code, amountAtRisk));
        }
    }

    @Override
    public synchronized void link(JobId job, EquipmentId equipment) {
        JobKeys keys = jobs.computeIfAbsent(job, j -> new JobKeys());
        if (!keys.equipment.contains(equipment)) {
            keys.equipment.add(equipment);
        }
    }

    /** Adds an entry to the lists of its job's keys; a job never created (and never linked) has none. */
    private void add(JobId job, HistoryEntry entry) {
        JobKeys keys = jobs.get(job);
        if (keys == null) {
            return;
        }
        if (keys.customer != null) {
            insert(byCustomer.computeIfAbsent(keys.customer, c -> new ArrayList<>()), entry);
            insert(bySite.computeIfAbsent(keys.site, s -> new ArrayList<>()), entry);
        }
        for (EquipmentId unit : keys.equipment) {
            insert(byEquipment.computeIfAbsent(unit, e -> new ArrayList<>()), entry);
        }
    }

    /** Inserts after every entry not later than it: time order, arrival order among equal times. */
    private static void insert(List<HistoryEntry> list, HistoryEntry entry) {
        int i = list.size();
        while (i > 0 && list.get(i - 1).at().isAfter(entry.at())) {
            i--;
        }
        list.add(i, entry);
    }

    @Override
    public synchronized List<HistoryEntry> ofCustomer(CustomerId customer) {
        return List.copyOf(byCustomer.getOrDefault(customer, List.of()));
    }

    @Override
    public synchronized List<HistoryEntry> ofSite(SiteId site) {
        return List.copyOf(bySite.getOrDefault(site, List.of()));
    }

    @Override
    public synchronized List<HistoryEntry> ofEquipment(EquipmentId equipment) {
        return List.copyOf(byEquipment.getOrDefault(equipment, List.of()));
    }
}
