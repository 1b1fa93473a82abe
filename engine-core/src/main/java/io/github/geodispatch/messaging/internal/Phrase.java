package io.github.geodispatch.messaging.internal;

/** Parameter values that are words, written in each template language ({@code phrase.*} in the catalogs). */
enum Phrase {
    TO_BE_SCHEDULED("to_be_scheduled"),
    SHORTLY("shortly"),
    PAY_MPESA("pay_mpesa"),
    PAY_TECHNICIAN("pay_technician"),
    NOTHING_TO_PAY("nothing_to_pay"),
    NO_REASON("no_reason"),
    REASSIGNED("reassigned");

    final String key;

    Phrase(String key) {
        this.key = "phrase." + key;
    }
}
