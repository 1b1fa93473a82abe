package io.github.geodispatch.jdbc;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.geodispatch.spi.CustomerEvent;

/**
 * The JSON form of a {@link CustomerEvent} in the {@code customer_event.payload} column: a {@code "type"} naming
 * the variant, record components as properties, identifiers as strings, instants with all their nanoseconds,
 * null components left out, unknown properties an error. The round trip is exact, so the
 * {@link io.github.geodispatch.spi.CustomerHashChain} hash survives it. Immutable and thread-safe.
 */
final class CustomerEventJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new GeodispatchJsonModule())
            .addMixIn(CustomerEvent.class, CustomerEventMixin.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writerFor(CustomerEvent.class);
    private static final ObjectReader READER = MAPPER.readerFor(CustomerEvent.class);

    private CustomerEventJson() {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = CustomerEvent.CustomerRegistered.class, name = "CustomerRegistered"),
            @JsonSubTypes.Type(value = CustomerEvent.ProfileChanged.class, name = "ProfileChanged"),
            @JsonSubTypes.Type(value = CustomerEvent.SiteAdded.class, name = "SiteAdded"),
            @JsonSubTypes.Type(value = CustomerEvent.EquipmentInstalled.class, name = "EquipmentInstalled"),
            @JsonSubTypes.Type(value = CustomerEvent.ContractDrafted.class, name = "ContractDrafted"),
            @JsonSubTypes.Type(value = CustomerEvent.ContractActivated.class, name = "ContractActivated"),
            @JsonSubTypes.Type(value = CustomerEvent.ContractCancelled.class, name = "ContractCancelled"),
            @JsonSubTypes.Type(value = CustomerEvent.ContractInvoiced.class, name = "ContractInvoiced"),
    })
    abstract static class CustomerEventMixin {
    }

    /** The variant's name, as the {@code event_type} column holds it. */
    static String type(CustomerEvent event) {
        return event.getClass().getSimpleName();
    }

    static String write(CustomerEvent event) {
        try {
            return WRITER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write customer event " + event.header().eventId() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    static CustomerEvent read(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a customer event: " + e.getOriginalMessage(), e);
        }
    }
}
