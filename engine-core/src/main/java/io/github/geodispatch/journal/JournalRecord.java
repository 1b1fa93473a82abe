package io.github.geodispatch.journal;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.TechnicianId;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One line of a journal: the interchange format that carries a field-service business's history (from
 * this engine or any other system) as JSON Lines. Each variant is one {@code type}; see the README section
 * "Journal format" for the wire names. Records validate their values (a negative price, a NaN position,
 * a blank id are rejected) but not the history they describe: a payment with a malformed UTR is a valid
 * record, because it happened. Immutable and thread-safe.
 */
public sealed interface JournalRecord {

    /** The wire name of this record's {@code type}, e.g. {@code "job.payment"}. */
    String type();

    /** A record about one job. */
    sealed interface JobRecord extends JournalRecord {
        JobId job();

        OffsetDateTime at();
    }

    /** A record about one customer, their sites, equipment or contracts: {@link CustomerRecords}. */
    sealed interface CustomerRecord extends JournalRecord permits CustomerRecords.Registered, CustomerRecords.SiteAdded,
            CustomerRecords.EquipmentAdded, CustomerRecords.ContractDrafted, CustomerRecords.ContractActivated,
            CustomerRecords.ContractCancelled, CustomerRecords.ContractInvoiced {
        io.github.geodispatch.spi.CustomerId customer();

        OffsetDateTime at();

        /** The customer-record command the record reports. */
        io.github.geodispatch.customer.CustomerCommand command();
    }

    /** {@code technician}: a technician and their home branch. */
    record Technician(TechnicianId id, BranchId branch, List<String> skills) implements JournalRecord {
        public Technician {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(branch, "branch");
            skills = List.copyOf(skills == null ? List.of() : skills);
        }

        @Override
        public String type() {
            return "technician";
        }
    }

    /** {@code customer}: a customer; {@code gstin} null means a consumer (B2C). */
    record Customer(CustomerId id, String name, String address, String city, String pincode, String stateCode,
                    String gstin) implements JournalRecord {
        public Customer {
            Objects.requireNonNull(id, "id");
            name = name == null ? "" : name;
            address = address == null ? "" : address;
            city = city == null ? "" : city;
        }

        @Override
        public String type() {
            return "customer";
        }
    }

    /**
     * {@code job.created}: a job at a site fenced by {@code radiusMetres} around {@code location};
     * {@code coverage} null means the customer pays.
     */
    record JobCreated(JobId job, OffsetDateTime at, BranchId branch, CustomerId customer, String jobType,
                      GeoPoint location, double radiusMetres, Money quote, Coverage coverage) implements JobRecord {
        public JobCreated {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(customer, "customer");
            if (jobType == null || jobType.isBlank()) {
                throw new IllegalArgumentException("job_type must not be blank");
            }
            Objects.requireNonNull(location, "site");
            if (!Double.isFinite(radiusMetres) || radiusMetres <= 0 || radiusMetres > 5_000) {
                throw new IllegalArgumentException("site radius_m must be in (0, 5000], was " + radiusMetres);
            }
            Objects.requireNonNull(quote, "quote").requireAmount("quote");
        }

        @Override
        public String type() {
            return "job.created";
        }
    }

    /** {@code job.assigned}. */
    record JobAssigned(JobId job, OffsetDateTime at, TechnicianId technician) implements JobRecord {
        public JobAssigned {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(technician, "technician");
        }

        @Override
        public String type() {
            return "job.assigned";
        }
    }

    /** {@code job.unassigned}: the technician was taken off the job. */
    record JobUnassigned(JobId job, OffsetDateTime at, TechnicianId technician, String reason) implements JobRecord {
        public JobUnassigned {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(technician, "technician");
            reason = reason == null ? "" : reason;
        }

        @Override
        public String type() {
            return "job.unassigned";
        }
    }

    /**
     * {@code job.status}: the job moved to {@code status}; {@code reason} may be empty; {@code evidence} (or null) is
     * what proved it, for an ARRIVED the visit or the dispatcher's override as the job record wrote it.
     */
    record JobStatusChanged(JobId job, OffsetDateTime at, JobStatus status, String reason, String evidence)
            implements JobRecord {
        public JobStatusChanged {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
            reason = reason == null ? "" : reason;
            if (evidence != null && evidence.isBlank()) {
                evidence = null;
            }
        }

        /** A status change with no evidence named. */
        public JobStatusChanged(JobId job, OffsetDateTime at, JobStatus status, String reason) {
            this(job, at, status, reason, null);
        }

        @Override
        public String type() {
            return "job.status";
        }
    }

    /** {@code job.proof}: proof of work by reference. */
    record JobProof(JobId job, OffsetDateTime at, ProofKind kind, String ref) implements JobRecord {
        public JobProof {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(kind, "kind");
            if (ref == null || ref.isBlank()) {
                throw new IllegalArgumentException("proof ref must not be blank");
            }
        }

        @Override
        public String type() {
            return "job.proof";
        }
    }

    /** {@code job.part}: a part used; {@code hsn} may be null. */
    record JobPart(JobId job, OffsetDateTime at, String sku, String hsn, int quantity, Money unitPrice,
                   boolean billable) implements JobRecord {
        public JobPart {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(at, "at");
            if (sku == null || sku.isBlank()) {
                throw new IllegalArgumentException("part sku must not be blank");
            }
            if (quantity < 1) {
                throw new IllegalArgumentException("part qty must be >= 1, was " + quantity);
            }
            Objects.requireNonNull(unitPrice, "unit_price").requireAmount("unit_price");
            JobEvent.PartUsed.requireValidPart(sku, hsn, quantity, unitPrice);
            JobEvent.PartUsed.requireAmounts(quantity, unitPrice);
        }

        @Override
        public String type() {
            return "job.part";
        }
    }

    /** {@code job.expense}: an expense on the job. */
    record JobExpense(JobId job, OffsetDateTime at, String kind, Money amount, boolean billable) implements JobRecord {
        public JobExpense {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(at, "at");
            if (kind == null || kind.isBlank()) {
                throw new IllegalArgumentException("expense kind must not be blank");
            }
            Objects.requireNonNull(amount, "amount").requireAmount("expense amount");
        }

        @Override
        public String type() {
            return "job.expense";
        }
    }

    /**
     * {@code job.payment}: a payment or payment status. {@code reference} (UTR, TransID, contract id) may be
     * null or malformed: history is recorded as it happened. {@code promisedOn} is for PENDING,
     * {@code approvedBy} for WAIVED.
     */
    record JobPayment(JobId job, OffsetDateTime at, PaymentMode mode, Money amount, String reference,
                      LocalDate promisedOn, String approvedBy) implements JobRecord {
        public JobPayment {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(amount, "amount").requireAmount("payment amount");
            reference = reference == null || reference.isBlank() ? null : reference;
            approvedBy = approvedBy == null || approvedBy.isBlank() ? null : approvedBy;
        }

        @Override
        public String type() {
            return "job.payment";
        }
    }

    /** {@code job.invoice}: the job's invoice, its total and the part SKUs billed on it. */
    record JobInvoice(JobId job, OffsetDateTime at, String invoiceNo, Money amount, List<String> parts)
            implements JobRecord {
        public JobInvoice {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(at, "at");
            if (invoiceNo == null || invoiceNo.isBlank()) {
                throw new IllegalArgumentException("invoice_no must not be blank");
            }
            Objects.requireNonNull(amount, "amount").requireAmount("invoice amount");
            parts = List.copyOf(parts == null ? List.of() : parts);
        }

        @Override
        public String type() {
            return "job.invoice";
        }
    }

    /**
     * {@code statement}: a credit on a UPI/PSP, M-Pesa or bank statement. {@code tr} is the bill reference the
     * payer sent (null when absent or empty); {@code payer} the VPA or MSISDN, or null.
     */
    record Statement(OffsetDateTime at, String source, String reference, Money amount, String tr, String payer)
            implements JournalRecord {
        public Statement {
            Objects.requireNonNull(at, "at");
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("statement source must not be blank");
            }
            if (reference == null || reference.isBlank()) {
                throw new IllegalArgumentException("statement reference must not be blank");
            }
            Objects.requireNonNull(amount, "amount").requireAmount("statement amount");
            tr = tr == null || tr.isBlank() ? null : tr;
            payer = payer == null || payer.isBlank() ? null : payer;
        }

        @Override
        public String type() {
            return "statement";
        }
    }

    /** {@code cash.deposit}: cash a technician handed in; {@code reference} (a slip number) may be null. */
    record CashDeposit(OffsetDateTime at, TechnicianId technician, Money amount, String reference)
            implements JournalRecord {
        public CashDeposit {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(technician, "technician");
            Objects.requireNonNull(amount, "amount").requireAmount("deposit amount");
            reference = reference == null || reference.isBlank() ? null : reference;
        }

        @Override
        public String type() {
            return "cash.deposit";
        }
    }

    /** {@code ping}: one GPS fix from a technician's phone; {@code accuracyMetres} is the reported 1-sigma radius. */
    record Ping(String pingId, TechnicianId technician, OffsetDateTime at, double lat, double lng,
                double accuracyMetres) implements JournalRecord {
        public Ping {
            if (pingId == null || pingId.isBlank()) {
                throw new IllegalArgumentException("ping_id must not be blank");
            }
            Objects.requireNonNull(technician, "technician");
            Objects.requireNonNull(at, "at");
            if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
                throw new IllegalArgumentException("ping lat must be in [-90, 90], was " + lat);
            }
            if (!Double.isFinite(lng) || lng < -180 || lng > 180) {
                throw new IllegalArgumentException("ping lng must be in [-180, 180], was " + lng);
            }
            if (!Double.isFinite(accuracyMetres) || accuracyMetres < 0) {
                throw new IllegalArgumentException("ping accuracy_m must be a finite non-negative number, was "
                        + accuracyMetres);
            }
        }

        @Override
        public String type() {
            return "ping";
        }
    }

    /** A record of parts and van stock, a {@code stock.*} type; the variants are in {@link StockRecords}. */
    sealed interface Stock extends JournalRecord permits StockRecords.Sku, StockRecords.Location,
            StockRecords.Minimum, StockRecords.Receipt, StockRecords.Transfer, StockRecords.Use, StockRecords.Return,
            StockRecords.WriteOff, StockRecords.Count {
        OffsetDateTime at();
    }
}
