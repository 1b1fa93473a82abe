package io.github.geodispatch.billing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.geodispatch.payment.UpiIntent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The business that issues the invoices: its legal identity and address ({@link Party}), the invoice
 * series prefix of each branch, the UPI address customers pay to (null when it has none), and the
 * SAC of each job type. Read it from JSON with {@link #parse} (the format of {@code seller.json}:
 * {@code legal_name}, {@code trade_name}, {@code gstin} or {@code tax_id}, {@code address}, {@code city},
 * {@code pincode}, {@code state_code}, {@code phone}, {@code email}, {@code series}
 * {branch: prefix}, {@code upi_vpa}, {@code sac} {job type: code}). Immutable and thread-safe.
 */
public record SellerProfile(Party party, Map<String, String> seriesByBranch, String upiVpa,
                            Map<String, String> sacByJobType) {
    /** Strict as the journal's reader: a key twice, or anything after the object, is a malformed file. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public SellerProfile {
        Objects.requireNonNull(party, "seller");
        if (!party.registered()) {
            throw new BillingException("the seller '" + party.legalName() + "' needs a tax id (GSTIN)");
        }
        seriesByBranch = Map.copyOf(seriesByBranch);
        if (seriesByBranch.isEmpty()) {
            throw new BillingException("the seller needs an invoice series prefix for at least one branch");
        }
        seriesByBranch.forEach((branch, prefix) -> InvoiceNumbering.requireValidPrefix(prefix));
        upiVpa = upiVpa == null || upiVpa.isBlank() ? null : upiVpa.strip();
        if (upiVpa != null && !UpiIntent.isValidVpa(upiVpa)) {
            throw new BillingException("UPI address '" + upiVpa + "' is not a valid VPA (name@psp)");
        }
        sacByJobType = Map.copyOf(sacByJobType);
        sacByJobType.forEach((type, sac) -> {
            if (sac == null || !sac.matches("\\d{4}|\\d{6}")) {
                throw new BillingException("SAC of job type " + type + " must be 4 or 6 digits, was '" + sac + "'");
            }
        });
    }

    /** The series prefix of {@code branch}, or a {@link BillingException} naming the branch. */
    public String prefixFor(String branch) {
        String prefix = seriesByBranch.get(branch);
        if (prefix == null) {
            // sorted: an immutable map's order changes from one run to the next
            throw new BillingException("the seller has no invoice series for branch " + branch + " (has "
                    + new java.util.TreeSet<>(seriesByBranch.keySet()) + ")");
        }
        return prefix;
    }

    /** The SAC configured for {@code jobType}, if any. */
    public Optional<String> sacFor(String jobType) {
        return Optional.ofNullable(sacByJobType.get(jobType));
    }

    /** Reads a seller profile file; an unreadable or malformed file is a {@link BillingException} naming it. */
    public static SellerProfile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new BillingException("cannot read seller file " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new BillingException("seller file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the JSON form; names the missing or malformed field. */
    public static SellerProfile parse(String json) {
        JsonNode root;
        try (JsonParser parser = JSON.createParser(json)) {
            root = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                throw new BillingException("not valid JSON: content after the end of the object, at line "
                        + parser.currentLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            throw new BillingException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) { // not from a string: Jackson declares it for every source
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new BillingException("a seller profile must be a JSON object");
        }
        String taxId = optional(root, "gstin");
        if (taxId == null) {
            taxId = optional(root, "tax_id");
        }
        if (taxId == null) {
            throw new BillingException("missing field 'gstin' (or 'tax_id' outside India)");
        }
        Party party = new Party(required(root, "legal_name"), optional(root, "trade_name"), taxId,
                required(root, "address"), required(root, "city"), optional(root, "pincode"),
                required(root, "state_code"), optional(root, "phone"), optional(root, "email"));
        return new SellerProfile(party, stringMap(root, "series", true), optional(root, "upi_vpa"),
                stringMap(root, "sac", false));
    }

    private static String required(JsonNode root, String field) {
        String value = optional(root, field);
        if (value == null) {
            throw new BillingException("missing field '" + field + "'");
        }
        return value;
    }

    private static String optional(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new BillingException("field '" + field + "' must be a string, was " + node.getNodeType());
        }
        return node.asText().isBlank() ? null : node.asText();
    }

    private static Map<String, String> stringMap(JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            if (required) {
                throw new BillingException("missing field '" + field + "'");
            }
            return map;
        }
        if (!node.isObject()) {
            throw new BillingException("field '" + field + "' must be an object, was " + node.getNodeType());
        }
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().isTextual()) {
                throw new BillingException("field '" + field + "." + entry.getKey() + "' must be a string");
            }
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }
}
