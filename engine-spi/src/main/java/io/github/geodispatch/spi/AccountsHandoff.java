package io.github.geodispatch.spi;

/**
 * Where finished invoices go (Tally, Zoho Books, an ERP, a CSV drop). The engine hands each invoice off
 * exactly once per invoice number; an implementation must treat a repeated number as already delivered.
 */
public interface AccountsHandoff {

    /** Delivers one invoice document (JSON) identified by its number. */
    void handOff(String invoiceNumber, String invoiceJson);
}
