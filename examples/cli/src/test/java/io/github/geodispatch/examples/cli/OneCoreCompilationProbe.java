package io.github.geodispatch.examples.cli;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * Run in a JVM of its own by {@link OneCoreCompilationTest}: applies {@link OneCoreCompilation} as the jar's
 * {@code main} does, then prints whether the JVM took the directive and the JVM's own list of compiler directives.
 */
public final class OneCoreCompilationProbe {

    private OneCoreCompilationProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("applied=" + OneCoreCompilation.applyIfWanted(args));
        System.out.println(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
    }
}
