package io.github.geodispatch.internal;
import io.github.geodispatch.billing.BillingException;
import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.InvoiceJson;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.spi.AccountsHandoff;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobStatus;
import java.util.Objects;

/**
 * Hands each invoice to accounts exactly once and records it on the job through the engine. The job's
 * record is the truth: an invoice whose {@link JobEvent.InvoiceHandedOff} is already on the job is not
 * delivered again; otherwise the invoice document ({@link InvoiceJson}) goes to the
 * {@link AccountsHandoff} port, then {@link JobCommand.RecordInvoiceHandoff} is executed, which appends
 * {@code InvoiceHandedOff} (number, total, part SKUs) with the engine's optimistic concurrency and its
 * rules (only a COMPLETED or CLOSED job, only OWNER, ACCOUNTANT or SYSTEM actors). A crash between the
 * two delivers again on the next attempt, which the port's contract (a repeated number is already
 * delivered) makes harmless. A job already handed off under another number is an error.
 * Thread-safe: concurrent hand-offs of one invoice through one instance deliver it once.
 */
public final class InvoiceHandoff {
    private final AccountsHandoff accounts;
    private final JobRecord engine;
    private final Actor actor;
    private final Object[] locks = new Object[64];

    /** {@code actor} (usually {@link Actor#system}) is who the hand-off is recorded for. */
    public InvoiceHandoff(AccountsHandoff accounts, JobRecord engine, Actor actor) {
        this.accounts = Objects.requireNonNull(accounts, "accounts handoff");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.actor = Objects.requireNonNull(actor, "actor");
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** Delivers {@code invoice} and records it; true when delivered now, false when it already was. */
    public boolean handOff(Invoice invoice) {
        Objects.requireNonNull(invoice, "invoice");
        synchronized (locks[Math.floorMod(invoice.job().hashCode(), locks.length)]) {
            JobState job = engine.job(actor, invoice.job()).orElseThrow(() -> new BillingException("job "
                    + invoice.job() + " is unknown to " + actor.id() + "; cannot hand off invoice " + invoice.number()));
            JobEvent.InvoiceHandedOff previous = job.invoice();
            if (previous != null) {
                if (previous.invoiceNumber().equals(invoice.number())) {
                    return false;
                }
                throw new BillingException("job " + invoice.job() + " was already handed off as invoice "
                        + previous.invoiceNumber() + "; not handing off " + invoice.number());
            }
            if (job.status() != JobStatus.COMPLETED && job.status() != JobStatus.CLOSED) {
                throw new BillingException("job " + invoice.job() + " is " + job.status() + "; invoice "
                        + invoice.number() + " is handed off once the job is COMPLETED");
            }
            accounts.handOff(invoice.number(), InvoiceJson.write(invoice));
            CommandResult result = engine.execute(actor, new JobCommand.RecordInvoiceHandoff(invoice.job(),
                    invoice.number(), invoice.total(), invoice.partSkus()));
            if (result instanceof CommandResult.Rejected rejected) {
                throw new BillingException("invoice " + invoice.number() + " was delivered but the job refused to record"
                        + " it: " + rejected.rejection().reason() + ": " + rejected.rejection().message());
            }
            return !((CommandResult.Accepted) result).events().isEmpty();
        }
    }
}
