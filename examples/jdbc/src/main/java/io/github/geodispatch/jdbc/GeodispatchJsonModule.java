package io.github.geodispatch.jdbc;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;

import java.io.IOException;
import java.util.function.Function;

/**
 * The Jackson mapping of the engine-spi types, kept out of the SPI so that it stays dependency-free.
 *
 * <ul>
 *   <li>Identifier records ({@code TenantId}, {@code JobId}, ...) are plain JSON strings.</li>
 *   <li>The sealed {@link JobEvent} family carries a {@code "type"} property naming the variant
 *       ({@code "JobCreated"}, {@code "PaymentRecorded"}, ...).</li>
 *   <li>Every other value record maps by its record components; {@code Money} is
 *       {@code {"minor": 149900, "currency": "INR"}} (minor units, never a decimal).</li>
 * </ul>
 * Use it through {@link EventJson}, which also registers {@code java.time} support and restricts
 * serialisation to record components. Immutable and thread-safe.
 */
final class GeodispatchJsonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    GeodispatchJsonModule() {
        super("geodispatch-spi", Version.unknownVersion());
        token(TenantId.class, TenantId::new);
        token(BranchId.class, BranchId::new);
        token(JobId.class, JobId::new);
        token(TechnicianId.class, TechnicianId::new);
        token(CustomerId.class, CustomerId::new);
        token(SiteId.class, SiteId::new);
        setMixInAnnotation(JobEvent.class, JobEventMixin.class);
    }

    private <T> void token(Class<T> type, Function<String, T> parse) {
        addSerializer(type, new TokenSerializer<>(type));
        addDeserializer(type, new TokenDeserializer<>(type, parse));
    }

    /** Names each variant of the sealed family in a {@code "type"} property. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = JobEvent.JobCreated.class, name = "JobCreated"),
            @JsonSubTypes.Type(value = JobEvent.JobAssigned.class, name = "JobAssigned"),
            @JsonSubTypes.Type(value = JobEvent.JobUnassigned.class, name = "JobUnassigned"),
            @JsonSubTypes.Type(value = JobEvent.StatusChanged.class, name = "StatusChanged"),
            @JsonSubTypes.Type(value = JobEvent.ProofAdded.class, name = "ProofAdded"),
            @JsonSubTypes.Type(value = JobEvent.PartUsed.class, name = "PartUsed"),
            @JsonSubTypes.Type(value = JobEvent.ExpenseAdded.class, name = "ExpenseAdded"),
            @JsonSubTypes.Type(value = JobEvent.PaymentRecorded.class, name = "PaymentRecorded"),
            @JsonSubTypes.Type(value = JobEvent.InvoiceHandedOff.class, name = "InvoiceHandedOff"),
            @JsonSubTypes.Type(value = JobEvent.MessageStatusChanged.class, name = "MessageStatusChanged"),
            @JsonSubTypes.Type(value = JobEvent.OtpIssued.class, name = "OtpIssued"),
            @JsonSubTypes.Type(value = JobEvent.OtpAttemptFailed.class, name = "OtpAttemptFailed"),
            @JsonSubTypes.Type(value = JobEvent.PaymentRequested.class, name = "PaymentRequested"),
            @JsonSubTypes.Type(value = JobEvent.PaymentCallbackReceived.class, name = "PaymentCallbackReceived"),
            @JsonSubTypes.Type(value = JobEvent.FeedbackRecorded.class, name = "FeedbackRecorded"),
    })
    abstract static class JobEventMixin {
    }

    /** Writes an identifier record as its string value. */
    private static final class TokenSerializer<T> extends JsonSerializer<T> {
        private final Class<T> type;

        TokenSerializer(Class<T> type) {
            this.type = type;
        }

        @Override
        public Class<T> handledType() {
            return type;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    /** Reads an identifier record from a JSON string through its validating constructor. */
    private static final class TokenDeserializer<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final Function<String, T> parse;

        TokenDeserializer(Class<T> type, Function<String, T> parse) {
            this.type = type;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            String text = p.getText();
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                return type.cast(ctxt.handleWeirdStringValue(type, text, e.getMessage()));
            }
        }
    }
}
