package io.github.geodispatch.jdbc;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.geodispatch.spi.JobEvent;

/**
 * The JSON form of a {@link JobEvent}, for hosts that publish events to other systems (a Kafka topic, an
 * accounts feed); the adapter itself reads it only to convert stores written before the binary bodies.
 * The round trip is exact: {@code read(write(e)).equals(e)} and has the same {@code toString()}, hence
 * the same {@link io.github.geodispatch.spi.HashChain} hash. Instants are ISO-8601 strings with all their
 * nanoseconds, dates are {@code yyyy-MM-dd}, null components are left out, and unknown properties are an
 * error (a payload this version cannot reproduce exactly is never silently accepted). Immutable and
 * thread-safe.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = strictMapper().build();
    private static final ObjectWriter WRITER = MAPPER.writerFor(JobEvent.class);
    private static final ObjectReader READER = MAPPER.readerFor(JobEvent.class);

    private EventJson() {}

    /**
     * The mapper settings of the adapter's JSON of SPI records: ids as strings, instants ISO-8601 with all their
     * nanoseconds, only record components as properties, null components left out, unknown properties an error.
     */
    static JsonMapper.Builder strictMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new GeodispatchJsonModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // only record components (the records' fields) are properties: helpers such as Money.isZero() are not
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** The event as JSON text with a {@code "type"} property naming its variant. */
    public static String write(JobEvent event) {
        try {
            return WRITER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write event " + event.header().eventId() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Reads an event written by {@link #write}; malformed or invalid JSON is an {@link IllegalArgumentException}. */
    public static JobEvent read(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a job event: " + e.getOriginalMessage(), e);
        }
    }
}
