package io.gazette.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The line {@code build --timings} ends with: the heap, collector and compiler this JVM runs with,
 * and why ({@link JvmOptions.Choice#why}, handed over by {@link SelfLauncher}), so that a CI log
 * tells how a slow or large build was sized.
 */
final class JvmReport {
    private JvmReport() {
    }

    static String describe() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String heap = arguments.stream().filter(a -> a.startsWith("-Xmx")).reduce((a, b) -> b)
                .map(a -> "heap at most " + a.substring(4))
                .orElse("heap at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB (the JVM's default)");
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(" + "));
        boolean c1Only = arguments.contains("-XX:TieredStopAtLevel=1");
        String why = System.getProperty(JvmOptions.WHY);
        return "jvm: " + heap + ", " + collectors + ", " + (c1Only ? "C1 compiler only" : "C1 and C2 compilers")
                + " (" + (why != null ? why : "the options it was started with") + ")";
    }
}
