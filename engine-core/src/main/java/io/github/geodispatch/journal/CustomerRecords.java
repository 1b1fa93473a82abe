package io.github.geodispatch.journal;

import io.github.geodispatch.customer.CustomerCommand;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.Equipment;
import io.github.geodispatch.spi.Money;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The journal's customer and contract records ({@code customer.registered}, {@code customer.site},
 * {@code customer.equipment}, {@code contract.drafted}, {@code contract.activated}, {@code contract.cancelled},
 * {@code contract.invoiced};
 * {@code docs/formats.md} has their fields). Each is the customer-record command it reports, so an import decides
 * it by the customer record's rules ({@link io.github.geodispatch.customer.CustomerDecisions}). Immutable and
 * thread-safe.
 */
public final class CustomerRecords {
    private CustomerRecords() {}

    private static void require(CustomerId customer, OffsetDateTime at) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(at, "at");
    }

    /** {@code customer.registered}: a customer, their branch and profile. */
    public record Registered(CustomerId customer, OffsetDateTime at, BranchId branch, CustomerProfile profile)
            implements JournalRecord.CustomerRecord {
        public Registered {
            require(customer, at);
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(profile, "profile");
        }

        @Override
        public String type() {
            return "customer.registered";
        }

        @Override
        public CustomerCommand command() {
            return new CustomerCommand.RegisterCustomer(customer, branch, profile);
        }
    }

    /** {@code customer.site}: a service location of the customer. */
    public record SiteAdded(CustomerId customer, OffsetDateTime at, CustomerSite site) implements JournalRecord.CustomerRecord {
        public SiteAdded {
            require(customer, at);
            Objects.requireNonNull(site, "site");
        }

        @Override
        public String type() {
            return "customer.site";
        }

        @Override
        public CustomerCommand command() {
            return new CustomerCommand.AddSite(customer, site);
        }
    }

    /** {@code customer.equipment}: a unit at one of the customer's sites. */
    public record EquipmentAdded(CustomerId customer, OffsetDateTime at, Equipment equipment)
            implements JournalRecord.CustomerRecord {
        public EquipmentAdded {
            require(customer, at);
            Objects.requireNonNull(equipment, "equipment");
        }

        @Override
        public String type() {
            return "customer.equipment";
        }

        @Override
        public CustomerCommand command() {
            return new CustomerCommand.InstallEquipment(customer, equipment);
        }
    }

    /** {@code contract.drafted}: a contract's terms. */
    public record ContractDrafted(CustomerId customer, OffsetDateTime at, ContractTerms terms)
            implements JournalRecord.CustomerRecord {
        public ContractDrafted {
            require(customer, at);
            Objects.requireNonNull(terms, "terms");
        }

        @Override
        public String type() {
            return "contract.drafted";
        }

        @Override
        public CustomerCommand command() {
            return new CustomerCommand.DraftContract(customer, terms);
        }
    }

    /** {@code contract.activated}: the contract was signed and paid for. */
    public record ContractActivated(CustomerId customer, OffsetDateTime at, ContractId contract)
            implements JournalRecord.CustomerRecord {
        public ContractActivated {
            require(customer, at);
            Objects.requireNonNull(contract, "contract");
        }

        @Override
        public String type() {
            return "contract.activated";
        }

        @Override
        public CustomerCommand command() {
            return new CustomerCommand.ActivateContract(customer, contract);
        }
    }

    /** {@code contract.cancelled}: the contract covers nothing from this day on. */
    public record ContractCancelled(CustomerId customer, OffsetDateTime at, ContractId contract, String reason)
            implements JournalRecord.CustomerRecord {
        public ContractCancelled {
            require(customer, at);
            Objects.requireNonNull(contract, "contract");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a contract cancellation needs a reason");
            }
        }

        @Override
        public String type() {
            return "contract.cancelled";
        }

        @Override
        public CustomerCommand command() {
            return new CustomerCommand.CancelContract(customer, contract, reason);
        }
    }

    /**
     * {@code contract.invoiced}: instalment {@code instalment} of the contract was invoiced as {@code invoiceNumber}
     * on {@code date}, {@code taxableValue} before tax and {@code total} with it.
     */
    public record ContractInvoiced(CustomerId customer, OffsetDateTime at, ContractId contract, int instalment,
                                   String invoiceNumber, LocalDate date, Money taxableValue, Money total)
            implements JournalRecord.CustomerRecord {
        public ContractInvoiced {
            require(customer, at);
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(date, "invoice_date");
            Objects.requireNonNull(taxableValue, "taxable_value");
            Objects.requireNonNull(total, "total");
        }

        @Override
        public String type() {
            return "contract.invoiced";
        }

        @Override
        public CustomerCommand command() {
            return new CustomerCommand.RecordContractInvoice(customer, contract, instalment, invoiceNumber, date,
                    taxableValue, total);
        }
    }
}
