package io.github.geodispatch.leakage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes findings as JSON Lines, one per line, exactly
 * {@code {"code":…,"job":…,"technician":…,"branch":…,"reference":…,"amount":{"amount":"…","currency":"…"},"evidence":[…]}}
 * (absent values as {@code null}). Stateless and thread-safe.
 */
public final class FindingsJsonl {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private FindingsJsonl() {}

    /** Writes every finding to {@code out} (not closed). */
    public static void write(List<Finding> findings, Writer out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.setPrettyPrinter(new MinimalPrettyPrinter(""));
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        for (Finding f : findings) {
            g.writeStartObject();
            g.writeStringField("code", f.code().name());
            g.writeStringField("job", f.job() == null ? null : f.job().value());
            g.writeStringField("technician", f.technician() == null ? null : f.technician().value());
            g.writeStringField("branch", f.branch() == null ? null : f.branch().value());
            g.writeStringField("reference", f.reference());
            g.writeObjectFieldStart("amount");
            g.writeStringField("amount", f.amountAtRisk().toPlainString());
            g.writeStringField("currency", f.amountAtRisk().currency().name());
            g.writeEndObject();
            g.writeArrayFieldStart("evidence");
            for (String e : f.evidence()) {
                g.writeString(e);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        g.flush();
    }
}
