package io.github.geodispatch.billing;

/**
 * The seller or buyer named on an invoice. {@code taxId} is the GSTIN (India) or KRA PIN (Kenya) of a
 * registered business and null for a consumer; {@code region} is where the party is (the two-digit GST
 * state code in India). Trade name, postal code, phone and email are optional (null). The tax regime
 * checks the tax id and region when an invoice is drafted. Immutable and thread-safe.
 */
public record Party(String legalName, String tradeName, String taxId, String address, String city,
                    String postalCode, String region, String phone, String email) {
    public Party {
        legalName = require(legalName, "legal name");
        tradeName = blankToNull(tradeName);
        taxId = blankToNull(taxId);
        address = require(address, "address");
        city = require(city, "city");
        postalCode = blankToNull(postalCode);
        region = require(region, "region (state code)");
        phone = blankToNull(phone);
        email = blankToNull(email);
    }

    /** A consumer (no tax id) at an address. */
    public static Party consumer(String name, String address, String city, String postalCode, String region) {
        return new Party(name, null, null, address, city, postalCode, region, null, null);
    }

    /** A registered business. */
    public static Party business(String legalName, String taxId, String address, String city, String postalCode,
                                 String region) {
        return new Party(legalName, null, taxId, address, city, postalCode, region, null, null);
    }

    /** True when the party has a tax registration (a B2B buyer). */
    public boolean registered() {
        return taxId != null;
    }

    public Party withTaxId(String newTaxId) {
        return new Party(legalName, tradeName, newTaxId, address, city, postalCode, region, phone, email);
    }

    public Party withRegion(String newRegion) {
        return new Party(legalName, tradeName, taxId, address, city, postalCode, newRegion, phone, email);
    }

    public Party withTradeName(String newTradeName) {
        return new Party(legalName, newTradeName, taxId, address, city, postalCode, region, phone, email);
    }

    public Party withContact(String newPhone, String newEmail) {
        return new Party(legalName, tradeName, taxId, address, city, postalCode, region, newPhone, newEmail);
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("party " + what + " must not be blank");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
