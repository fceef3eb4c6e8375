import io.gazette.build.BuildOptions;
import io.gazette.build.BuildResult;
import io.gazette.build.SiteBuild;
import io.gazette.config.BuildOverrides;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Runs one full Gazette build in-process and prints how long each pipeline stage took, plus the
 * JVM's start-up share. For finding where a slow build spends its time; not part of Gazette.
 *
 * <pre>
 * mvn -B -q -DskipTests package      # once: target/gazette.jar and target/lib/
 * java -cp 'target/gazette.jar:target/lib/*' bench/StageTimes.java SITE_DIR OUTPUT_DIR [REPEAT]
 * </pre>
 *
 * With REPEAT &gt; 1 the build runs again in the same JVM, which shows how much of a cold build
 * is JIT warm-up rather than work.
 */
public final class StageTimes {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: StageTimes SITE_DIR OUTPUT_DIR [REPEAT]");
            System.exit(2);
        }
        Path site = Path.of(args[0]).toAbsolutePath().normalize();
        Path output = Path.of(args[1]).toAbsolutePath().normalize();
        int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("JVM start to main: %d ms%n", System.currentTimeMillis() - jvmStart);
        for (int run = 1; run <= repeat; run++) {
            long t0 = System.nanoTime();
            BuildOptions options = new BuildOptions(site,
                    new BuildOverrides(null, output, null, null), Path.of("themes").toAbsolutePath(),
                    Clock.systemUTC());
            SiteBuild build = SiteBuild.open(options);
            long opened = System.nanoTime();
            BuildResult result = build.buildToDirectory();
            long done = System.nanoTime();
            System.out.printf("run %d: open (config, theme, templates) %d ms%n", run, (opened - t0) / 1_000_000);
            for (Map.Entry<String, Long> stage : result.stats().stageMillis().entrySet()) {
                System.out.printf("run %d: %-24s %6d ms%n", run, stage.getKey(), stage.getValue());
            }
            long staged = result.stats().stageMillis().values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("run %d: %-24s %6d ms%n", run, "commit (staging → output)",
                    (done - opened) / 1_000_000 - staged);
            System.out.printf("run %d: total %d ms, %d pages, %d articles%n", run, (done - t0) / 1_000_000,
                    result.stats().pages(), result.stats().articles());
        }
    }
}
