package io.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./gazette script of a checkout, run by bash with stand-ins for {@code mvn} and {@code java}
 * first on the PATH: its exit code when Maven fails, and the JVM options it passes, which must be
 * those the jar applies to itself (both read jvm.options).
 */
class LauncherTest {
    @TempDir
    Path temp;

    private Path checkout() throws Exception {
        Path home = Files.createDirectories(temp.resolve("checkout"));
        Files.copy(TestSites.projectRoot().resolve("gazette"), home.resolve("gazette"));
        Files.copy(TestSites.projectRoot().resolve("jvm.options"), home.resolve("jvm.options"));
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        Files.createDirectories(home.resolve("src/main"));
        return home;
    }

    private Path tool(String name, String body) throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private Result run(Path home, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", home.resolve("gazette").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", temp.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().remove("GAZETTE_JAVA_OPTS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    record Result(int code, String output) {
    }

    @Test
    void aFailedMavenBuildExitsWithThree() throws Exception {
        Path home = checkout();
        tool("mvn", "echo 'COMPILATION ERROR' >&2; exit 1");
        Result result = run(home, "build");
        assertThat(result.code()).isEqualTo(GazetteCommand.INTERNAL);
        assertThat(result.output()).contains("COMPILATION ERROR", "the Maven build failed");
    }

    @Test
    void theLauncherPassesTheOptionsTheJarWouldApply() throws Exception {
        Path home = checkout();
        Files.createDirectories(home.resolve("target"));
        Files.writeString(home.resolve("target/gazette.jar"), "");
        tool("java", "echo \"ARGS $*\"");
        JvmOptions options = JvmOptions.parse(Files.readString(home.resolve("jvm.options")));
        for (String command : List.of("build", "serve", "check", "new")) {
            Result result = run(home, command);
            assertThat(result.code()).isZero();
            String expected = String.join(" ", options.forCommand(command));
            assertThat(result.output().strip())
                    .isEqualTo(("ARGS " + expected + (expected.isEmpty() ? "" : " ") + "-Dgazette.launched=true -Dgazette.home="
                            + home + " -jar " + home.resolve("target/gazette.jar") + " " + command));
        }
    }

    @Test
    void theJarCarriesTheSameOptionsFile() throws Exception {
        // The jar reads its copy (a class-path resource) — the file of the checkout, not another one.
        try (var in = JvmOptions.class.getResourceAsStream(JvmOptions.RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(TestSites.projectRoot().resolve("jvm.options")));
        }
        JvmOptions bundled = JvmOptions.bundled();
        assertThat(bundled.forCommand("build")).contains("-XX:TieredStopAtLevel=1");
        assertThat(bundled.forCommand("serve")).isEmpty();
        assertThat(bundled.forCommand("build", "-Xmx1g -Dx=y")).containsExactly("-Xmx1g", "-Dx=y");
    }
}
