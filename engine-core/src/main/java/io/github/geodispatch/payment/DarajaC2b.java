package io.github.geodispatch.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StatementCredit;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads M-Pesa C2B confirmations as Safaricom's Daraja API posts them: one JSON object or an array of them,
 * with {@code TransID} (the idempotency key), {@code TransTime} ({@code yyyyMMddHHmmss}, Nairobi time),
 * {@code TransAmount} (KES, string or number), {@code BillRefNumber} (the account reference the payer typed:
 * a job reference, or a technician's number) and {@code MSISDN} (the payer). Other Daraja fields are
 * ignored. A confirmation with a missing or malformed value is reported with its 1-based position and
 * skipped; a TransID seen again is skipped. Stateless and thread-safe.
 */
public final class DarajaC2b {
    /** The source name the credits carry. */
    public static final String SOURCE = "MPESA";
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter TRANS_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DarajaC2b() {}

    public static StatementImport read(Reader in) throws IOException {
        JsonNode root = JSON.readTree(in);
        List<JsonNode> items = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(items::add);
        } else if (root != null && root.isObject()) {
            items.add(root);
        } else {
            throw new IllegalArgumentException("a Daraja C2B file holds one confirmation object or an array of them");
        }
        List<StatementCredit> credits = new ArrayList<>();
        List<StatementImport.RowProblem> problems = new ArrayList<>();
        Map<String, StatementCredit> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                StatementCredit credit = credit(items.get(i));
                if (seen.putIfAbsent(credit.reference(), credit) == null) {
                    credits.add(credit);
                }
            } catch (IllegalArgumentException | DateTimeException e) {
                problems.add(new StatementImport.RowProblem(i + 1, e.getMessage()));
            }
        }
        return new StatementImport(credits, problems);
    }

    private static StatementCredit credit(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a confirmation must be a JSON object");
        }
        String id = text(node, "TransID");
        if (id == null || !id.matches("[A-Z0-9]{10}")) {
            throw new IllegalArgumentException("TransID must be 10 upper-case letters or digits, was '" + id + "'");
        }
        String time = text(node, "TransTime");
        if (time == null || !time.matches("\\d{14}")) {
            throw new IllegalArgumentException("TransTime must be yyyyMMddHHmmss, was '" + time + "'");
        }
        String amount = text(node, "TransAmount");
        if (amount == null) {
            throw new IllegalArgumentException("TransAmount is missing");
        }
        Money money = Money.parse(amount, Currency.KES).requireAmount("TransAmount");
        return new StatementCredit(SOURCE, id, LocalDateTime.parse(time, TRANS_TIME).atZone(NAIROBI).toInstant(), money,
                text(node, "BillRefNumber"), text(node, "MSISDN"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
        return s.isBlank() ? null : s.strip();
    }
}
