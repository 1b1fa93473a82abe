package io.github.geodispatch.jdbc;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.StockChain;
import io.github.geodispatch.spi.StockEvent;

/**
 * The JSON form of a {@link StockEvent}, as the stock store keeps it in {@code stock_event.payload}. The round trip
 * is exact: {@code read(write(e)).equals(e)}, hence the same canonical bytes and the same {@link StockChain}
 * hash. A {@code "type"} property names the variant ({@code "Received"}, {@code "Used"}, ...); ids are strings,
 * money is {@code {"minor":21000,"currency":"INR"}}, instants ISO-8601 with all their nanoseconds; null components
 * are left out, unknown properties are an error. Immutable and thread-safe.
 */
public final class StockEventJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new GeodispatchJsonModule())
            .addModule(new SimpleModule("geodispatch-stock")
                    .setMixInAnnotation(StockEvent.class, StockEventMixin.class)
                    .setMixInAnnotation(LocationId.class, LocationIdMixin.class))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // only record components are properties: helpers such as Received.value() are not
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writerFor(StockEvent.class);
    private static final ObjectReader READER = MAPPER.readerFor(StockEvent.class);

    private StockEventJson() {}

    /** The event as JSON text with a {@code "type"} property naming its variant. */
    public static String write(StockEvent event) {
        try {
            return WRITER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write stock event " + event.header().eventId() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Reads an event written by {@link #write}; malformed or invalid JSON is an {@link IllegalArgumentException}. */
    public static StockEvent read(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stock event: " + e.getOriginalMessage(), e);
        }
    }

    /** The variant's name in the {@code type} property and the {@code event_type} column. */
    static String typeOf(StockEvent event) {
        return event.getClass().getSimpleName();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = StockEvent.SkuDefined.class, name = "SkuDefined"),
            @JsonSubTypes.Type(value = StockEvent.LocationOpened.class, name = "LocationOpened"),
            @JsonSubTypes.Type(value = StockEvent.MinimumSet.class, name = "MinimumSet"),
            @JsonSubTypes.Type(value = StockEvent.Received.class, name = "Received"),
            @JsonSubTypes.Type(value = StockEvent.TransferredOut.class, name = "TransferredOut"),
            @JsonSubTypes.Type(value = StockEvent.TransferredIn.class, name = "TransferredIn"),
            @JsonSubTypes.Type(value = StockEvent.Used.class, name = "Used"),
            @JsonSubTypes.Type(value = StockEvent.Returned.class, name = "Returned"),
            @JsonSubTypes.Type(value = StockEvent.WrittenOff.class, name = "WrittenOff"),
            @JsonSubTypes.Type(value = StockEvent.Counted.class, name = "Counted"),
    })
    abstract static class StockEventMixin {
    }

    /** A location id is its string. */
    abstract static class LocationIdMixin {
        @JsonCreator
        static LocationId of(String value) {
            return LocationId.of(value);
        }

        @JsonValue
        abstract String value();
    }
}
