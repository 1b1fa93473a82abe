package io.github.geodispatch.examples.cityday;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.geodispatch.insight.CashDeposit;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StatementCredit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the day as a journal (JSON Lines in the leakage issue's interchange format): technicians and
 * customers first, then every job event, statement credit, cash deposit and ping in time order. Stateless.
 */
final class JournalExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private JournalExport() {}

    private record Line(Instant at, int order, ObjectNode node) {}

    static int write(CityDay day, Path file) throws IOException {
        List<ObjectNode> head = new ArrayList<>();
        for (CityWorld.Tech t : day.world.techs) {
            ObjectNode n = node("technician");
            n.put("id", t.id().value()).put("branch", t.branch().id().value());
            ArrayNode skills = n.putArray("skills");
            t.skills().keySet().forEach(skills::add);
            head.add(n);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CityWorld.JobRequest j : day.world.jobs) {
            CityWorld.Customer c = j.customer();
            if (seen.add(c.id().value())) {
                ObjectNode n = node("customer");
                n.put("id", c.id().value()).put("name", c.name()).put("address", c.address()).put("city", "Bengaluru")
                        .put("pincode", c.pincode()).put("state_code", "29");
                if (c.gstin() != null) {
                    n.put("gstin", c.gstin());
                }
                head.add(n);
            }
        }
        List<Line> lines = new ArrayList<>();
        int order = 0;
        for (JobEvent e : day.events) {
            ObjectNode n = job(e);
            if (n != null) {
                lines.add(new Line(e.header().occurredAt(), order++, n));
            }
        }
        for (StatementCredit c : day.credits) {
            ObjectNode n = node("statement");
            n.put("at", time(c.at())).put("source", c.source()).put("reference", c.reference());
            n.set("amount", money(c.amount()));
            if (c.billRef() != null) {
                n.put("tr", c.billRef());
            }
            lines.add(new Line(c.at(), order++, n));
        }
        for (CashDeposit d : day.deposits) {
            ObjectNode n = node("cash.deposit");
            n.put("at", time(d.at())).put("technician", d.technician().value());
            n.set("amount", money(d.amount()));
            lines.add(new Line(d.at(), order++, n));
        }
        for (CitySimulation.Ping p : day.pings) {
            ObjectNode n = node("ping");
            n.put("ping_id", p.pingId()).put("technician", p.technician().value()).put("at", time(p.at()))
                    .put("lat", Math.round(p.point().lat() * 1e7) / 1e7).put("lng", Math.round(p.point().lng() * 1e7) / 1e7)
                    .put("accuracy_m", p.accuracyM());
            lines.add(new Line(p.at(), order++, n));
        }
        lines.sort(Comparator.comparing(Line::at).thenComparingInt(Line::order));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ObjectNode n : head) {
                w.write(JSON.writeValueAsString(n));
                w.newLine();
            }
            for (Line l : lines) {
                w.write(JSON.writeValueAsString(l.node()));
                w.newLine();
            }
        }
        return head.size() + lines.size();
    }

    private static ObjectNode job(JobEvent e) {
        String job = e.header().job().value();
        String at = time(e.header().occurredAt());
        if (e instanceof JobEvent.JobCreated c) {
            ObjectNode n = node("job.created").put("job", job).put("at", at).put("branch", c.branch().value())
                    .put("customer", c.customer().value()).put("job_type", c.jobType());
            ObjectNode site = n.putObject("site");
            site.put("lat", c.site().location().lat()).put("lng", c.site().location().lng()).put("radius_m", c.site().radiusMetres());
            n.set("quote", money(c.quote()));
            if (c.coverage() != null) {
                ObjectNode cov = n.putObject("coverage");
                cov.put("kind", c.coverage().kind().name()).put("ref", c.coverage().reference())
                        .put("valid_until", c.coverage().validUntil().toString());
                ArrayNode types = cov.putArray("job_types");
                c.coverage().jobTypes().forEach(types::add);
            }
            return n;
        } else if (e instanceof JobEvent.JobAssigned a) {
            return node("job.assigned").put("job", job).put("at", at).put("technician", a.technician().value());
        } else if (e instanceof JobEvent.StatusChanged s) {
            return node("job.status").put("job", job).put("at", at).put("status", s.status().name());
        } else if (e instanceof JobEvent.ProofAdded p) {
            return node("job.proof").put("job", job).put("at", at).put("kind", p.kind().name()).put("ref", p.reference());
        } else if (e instanceof JobEvent.PartUsed p) {
            ObjectNode n = node("job.part").put("job", job).put("at", at).put("sku", p.sku()).put("hsn", p.hsn())
                    .put("qty", p.quantity());
            n.set("unit_price", money(p.unitPrice()));
            return n.put("billable", p.billable());
        } else if (e instanceof JobEvent.ExpenseAdded x) {
            ObjectNode n = node("job.expense").put("job", job).put("at", at).put("kind", x.kind());
            n.set("amount", money(x.amount()));
            return n.put("billable", x.billable());
        } else if (e instanceof JobEvent.PaymentRecorded p) {
            ObjectNode n = node("job.payment").put("job", job).put("at", at).put("mode", p.mode().name());
            n.set("amount", money(p.amount()));
            if (p.reference() != null) {
                n.put("reference", p.reference());
            }
            return n;
        } else if (e instanceof JobEvent.InvoiceHandedOff i) {
            ObjectNode n = node("job.invoice").put("job", job).put("at", at).put("invoice_no", i.invoiceNumber());
            n.set("amount", money(i.total()));
            ArrayNode parts = n.putArray("parts");
            i.partSkus().forEach(parts::add);
            return n;
        }
        return null; // JobUnassigned has no journal record type
    }

    private static ObjectNode node(String type) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", type);
        return n;
    }

    private static ObjectNode money(Money m) {
        return JSON.createObjectNode().put("amount", m.toPlainString()).put("currency", m.currency().name());
    }

    static String time(Instant t) {
        return OffsetDateTime.ofInstant(t, CityWorld.ZONE).format(ISO);
    }
}
