package io.github.geodispatch.spi;

import java.util.List;
import java.util.Objects;

/**
 * Who a customer is and how to reach and bill them: the name, phone numbers in E.164 form ({@code +91...},
 * {@code +254...}), an e-mail address, the preferred language (an IETF tag such as {@code hi}, {@code kn},
 * {@code sw}), and for a business (B2B) customer its GSTIN and GST state code; the billing address. Optional
 * values are null (the lists are empty). The record checks only its shape; the customer record checks the
 * numbers' formats when a command carries them. Immutable and thread-safe.
 */
public record CustomerProfile(String name, List<String> phones, String email, String language, String gstin,
                              String stateCode, String billingAddress) {
    public CustomerProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("customer name must not be blank");
        }
        phones = List.copyOf(phones == null ? List.of() : phones);
        Objects.requireNonNull(language, "language");
        billingAddress = billingAddress == null ? "" : billingAddress;
    }
}
