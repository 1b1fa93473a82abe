package io.github.geodispatch.spi;

import java.time.LocalDate;

/**
 * A contract term the engine does not take: its start or end outside years 0001-9999 ({@link CalendarRange}), or
 * its end {@link ContractTerms#MAX_TERM_YEARS} years or more after its start (the visit schedule holds every visit
 * of the term). {@link #field()} names the date at fault ({@code start} or {@code end}). Immutable.
 */
public final class ContractTermException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final LocalDate start;
    private final LocalDate end;

    ContractTermException(String field, LocalDate start, LocalDate end, String message) {
        super(message);
        this.field = field;
        this.start = start;
        this.end = end;
    }

    /** The date at fault: {@code start} or {@code end}, as the journal names it. */
    public String field() {
        return field;
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return end;
    }
}
