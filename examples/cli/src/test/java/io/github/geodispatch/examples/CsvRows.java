package io.github.geodispatch.examples;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** A standard CSV parse (RFC 4180 quoting, Jackson's reader) of a file the CLI writes: its records, each a list of fields. */
public final class CsvRows {
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private CsvRows() {}

    public static List<List<String>> parse(String text) {
        try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class).readValues(text)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
