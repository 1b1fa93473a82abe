package io.github.geodispatch.examples.cli;

import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.InvoiceRegister;
import io.github.geodispatch.billing.TaxRegime;
import io.github.geodispatch.examples.OutputFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The {@code invoices.csv} register ({@link InvoiceRegister}) of invoices drafted one by one, with memory bounded by
 * the invoice series, not by the invoices: each row is spilled to a run file beside the output as it comes, and
 * {@link #writeTo} merges the runs in invoice-number order, the bytes {@link InvoiceRegister#csv} makes of the same
 * invoices. A series' numbers come in increasing order, so one run per series holds its rows sorted (a new run starts
 * where the string order does not follow, past the zero padding). The spill directory is deleted on {@link #close}.
 * Not thread-safe.
 */
final class SpilledRegister implements Closeable {
    private final TaxRegime regime;
    private final Path spill;
    private final List<Path> runs = new ArrayList<>();
    /** The run being written of each series, by the number's part before its running number. */
    private final Map<String, Run> openRuns = new HashMap<>();

    /** A register of invoices of {@code regime}, spilled into a hidden directory beside {@code output}. */
    SpilledRegister(Path output, TaxRegime regime) throws IOException {
        this.regime = regime;
        Path target = output.toAbsolutePath().normalize();
        this.spill = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".register-");
    }

    void add(Invoice invoice) throws IOException {
        String number = invoice.number();
        String row = InvoiceRegister.row(invoice, regime);
        String series = number.substring(0, number.lastIndexOf('/') + 1);
        Run run = openRuns.get(series);
        if (run == null || number.compareTo(run.last) <= 0) {
            if (run != null) {
                run.out.close();
            }
            Path file = spill.resolve("run-" + runs.size());
            runs.add(file);
            run = new Run(new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file))));
            openRuns.put(series, run);
        }
        run.out.writeUTF(number);
        byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
        run.out.writeInt(bytes.length);
        run.out.write(bytes);
        run.last = number;
    }

    /** Writes the register: the header, then every row added, merged from the runs by invoice number. */
    void writeTo(Path file) throws IOException {
        for (Run run : openRuns.values()) {
            run.out.close();
        }
        openRuns.clear();
        PriorityQueue<RunReader> next = new PriorityQueue<>(Comparator.comparing((RunReader r) -> r.number));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Path run : runs) {
                RunReader reader = new RunReader(run);
                if (reader.advance()) {
                    next.add(reader);
                }
            }
            out.write(InvoiceRegister.header(regime));
            while (!next.isEmpty()) {
                RunReader smallest = next.poll();
                out.write(smallest.row);
                if (smallest.advance()) {
                    next.add(smallest);
                }
            }
        } finally {
            for (RunReader reader : next) {
                reader.in.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Run run : openRuns.values()) {
            run.out.close();
        }
        OutputFiles.deleteTree(spill);
    }

    /** A run being written, and the last number in it. */
    private static final class Run {
        final DataOutputStream out;
        String last;

        Run(DataOutputStream out) {
            this.out = out;
        }
    }

    /** A run being merged: its current number and row. */
    private static final class RunReader {
        final DataInputStream in;
        String number;
        String row;

        RunReader(Path file) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
        }

        /** Reads the next row; false (and closed) at the end of the run. */
        boolean advance() throws IOException {
            try {
                number = in.readUTF();
            } catch (EOFException end) {
                in.close();
                return false;
            }
            row = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
            return true;
        }
    }
}
