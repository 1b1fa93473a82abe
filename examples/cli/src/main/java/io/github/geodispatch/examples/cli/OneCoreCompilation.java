package io.github.geodispatch.examples.cli;

import com.sun.management.HotSpotDiagnosticMXBean;

import javax.management.JMException;
import javax.management.ObjectName;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * On a machine that gives the tool one processor, the commands that read one input once (a journal, or the pings of
 * {@code attendance}) ask the JVM to leave its optimising compiler (C2) out of this process and keep the quick one
 * (C1), when the input is short enough.
 *
 * <p>Why: on one core the C2 compiler's work competes with the command itself. Measured on a 5 M-line audit pinned
 * to one core, C2 took as much CPU as the audit and its code arrived too late to pay for itself (ADR 0019). The
 * choice is made through the JVM's own compiler directives ({@code jcmd Compiler.directives_add}), reached through
 * the platform's diagnostic-command MBean, so it holds for this process only. The simulations and the planner keep
 * C2: they run the same code for minutes. With two or more processors C2 compiles beside the command, and a long
 * enough input runs long enough for C2 to repay itself on one core: in both cases nothing is changed.
 *
 * <p>Results never depend on it: if the JVM offers no such MBean or refuses the directive, the command runs as it
 * would have, only slower.
 */
final class OneCoreCompilation {

    /**
     * From this many bytes of plain journal (about 13 M lines of the generated ones) C2's faster code repays its
     * compiling on one core. Measured on the audit (ADR 0019): 5 M lines (0.78 GB) 15.0 s with C2 left out against
     * 22.5 s, 10 M lines (1.57 GB) 27.9 s against 32.2 s, 20 M lines (3.14 GB) 56.1 s against 46.9 s; the lines
     * cross at about 2.07 GB.
     */
    static final long JOURNAL_C2_REPAYS_FROM_BYTES = 2_000_000_000L;

    /**
     * From this many bytes of pings CSV (about 1.2 M rows) C2 repays itself in {@code attendance}, whose one hot loop
     * it compiles once: 0.51 M rows (38 MB) took 3.1 s of CPU with C2 left out against 4.7 s, 1.7 M rows (127 MB)
     * 7.7 s against 6.7 s (ADR 0019); the lines cross at about 95 MB.
     */
    static final long PINGS_C2_REPAYS_FROM_BYTES = 90_000_000L;

    /** The subcommands that read one input from start to end once: the input's option, and its threshold. */
    static final Map<String, Input> COMMANDS = Map.of(
            "audit", new Input("--journal", JOURNAL_C2_REPAYS_FROM_BYTES),
            "stock", new Input("--journal", JOURNAL_C2_REPAYS_FROM_BYTES),
            "contracts", new Input("--journal", JOURNAL_C2_REPAYS_FROM_BYTES),
            "invoice", new Input("--journal", JOURNAL_C2_REPAYS_FROM_BYTES),
            "attendance", new Input("--pings", PINGS_C2_REPAYS_FROM_BYTES));

    /** Every method, any class: C2 excluded, so the tiered policy keeps it at C1. */
    static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    /** A command's input: the option naming the file, and from how many bytes of it C2 repays its compiling. */
    record Input(String option, long c2RepaysFromBytes) {
    }

    /** A gzip-compressed journal is taken as this many times its size (5.9 to 7.5 on the journals measured). */
    static final int GZIP_RATIO = 6;

    private OneCoreCompilation() {
    }

    /**
     * Leaves C2 out of this process if {@link #wanted}; returns whether the JVM took the directive. Called once,
     * from the jar's {@code main}, before the command starts: never from {@link GeodispatchCli#run}, which tests
     * and hosts call inside their own JVM.
     */
    static boolean applyIfWanted(String[] args) {
        return wanted(args, Runtime.getRuntime().availableProcessors(), OneCoreCompilation::plainBytes)
                && tieredWithC2(OneCoreCompilation::vmOption) && leaveOutC2();
    }

    /**
     * Whether the JVM compiles in tiers, C1 first and then C2, as it does by default: only then does excluding C2
     * leave the methods with C1. With C2 alone ({@code -XX:-TieredCompilation}, {@code CompilationMode=high-only}) or
     * a JVMCI compiler in its place, excluding C2 would leave them interpreted; with C1 alone there is nothing to do.
     * An option the JVM does not name counts as not the default, except the JVMCI one, which only some JVMs have.
     */
    static boolean tieredWithC2(Function<String, Optional<String>> vmOption) {
        return vmOption.apply("TieredCompilation").equals(Optional.of("true"))
                && vmOption.apply("TieredStopAtLevel").equals(Optional.of("4"))
                && vmOption.apply("CompilationMode").equals(Optional.of("default"))
                && !vmOption.apply("UseJVMCICompiler").equals(Optional.of("true"));
    }

    /** The value of the JVM option {@code name}, empty when this JVM has no such option or does not say. */
    private static Optional<String> vmOption(String name) {
        try {
            return Optional.of(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name)
                    .getValue());
        } catch (RuntimeException | LinkageError unknown) { // IllegalArgumentException: no such option
            return Optional.empty();
        }
    }

    /**
     * Whether a run of {@code args} on a machine offering {@code processors} processors should leave C2 out: one of
     * {@link #COMMANDS}, one processor, and an input shorter than the command's threshold by {@code plainBytes}.
     */
    static boolean wanted(String[] args, int processors, ToLongFunction<Path> plainBytes) {
        Input input = processors == 1 && args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (input == null) {
            return false;
        }
        Optional<Path> file = argument(args, input.option());
        return file.isPresent() && plainBytes.applyAsLong(file.get()) < input.c2RepaysFromBytes();
    }

    /** The value of {@code option}, written {@code --option FILE} or {@code --option=FILE}; empty if none. */
    static Optional<Path> argument(String[] args, String option) {
        for (int i = 1; i < args.length; i++) {
            try {
                if (args[i].equals(option) && i + 1 < args.length) {
                    return Optional.of(Path.of(args[i + 1]));
                }
                if (args[i].startsWith(option + "=")) {
                    return Optional.of(Path.of(args[i].substring(option.length() + 1)));
                }
            } catch (InvalidPathException notAPath) {
                return Optional.empty(); // the command itself reports it
            }
        }
        return Optional.empty();
    }

    /**
     * The input's size uncompressed: its size, or {@link #GZIP_RATIO} times it when it starts as gzip does.
     * {@link Long#MAX_VALUE} when it is not a regular file (a pipe's first bytes belong to the command, and its
     * length is unknown) or cannot be read (the command itself reports that).
     */
    static long plainBytes(Path input) {
        if (!Files.isRegularFile(input)) {
            return Long.MAX_VALUE;
        }
        try (InputStream in = Files.newInputStream(input)) {
            byte[] magic = in.readNBytes(2);
            long size = Files.size(input);
            boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            return gzip ? size * GZIP_RATIO : size;
        } catch (IOException | SecurityException unreadable) {
            return Long.MAX_VALUE;
        }
    }

    /** Adds {@link #DIRECTIVE} to this JVM's compiler directives; returns whether the JVM took it. */
    private static boolean leaveOutC2() {
        Path directive = null;
        try {
            directive = Files.createTempFile("geodispatch-c1-", ".json");
            Files.writeString(directive, DIRECTIVE, StandardCharsets.US_ASCII);
            Object added = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {directive.toString()}}, new String[] {String[].class.getName()});
            // the command answers "1 compiler directives added", or says why it did not
            return added instanceof String answer && answer.contains("1 compiler directives added");
        } catch (IOException | JMException | RuntimeException | LinkageError unavailable) {
            return false; // an optimisation only: the command runs with the JVM's default compilers
        } finally {
            if (directive != null) {
                try {
                    Files.deleteIfExists(directive);
                } catch (IOException leftInTemp) {
                    // a 50-byte file left in the temporary directory; nothing to tell the user
                }
            }
        }
    }
}
