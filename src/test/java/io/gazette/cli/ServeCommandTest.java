package io.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class ServeCommandTest {
    @TempDir
    Path project;

    @Test
    void defaultsToLoopbackPort1313() {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs();
        assertThat(command.port).isEqualTo(1313);
        assertThat(command.bind).isEqualTo("127.0.0.1");
        assertThat(command.drafts).isFalse();
        assertThat(command.future).isFalse();
    }

    @Test
    void parsesItsOptions() {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--port", "8080", "--bind", "0.0.0.0", "--drafts", "--future");
        assertThat(command.port).isEqualTo(8080);
        assertThat(command.bind).isEqualTo("0.0.0.0");
        assertThat(command.drafts).isTrue();
        assertThat(command.future).isTrue();
    }

    @Test
    void helpListsTheOptions() {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new ServeCommand()).setOut(new PrintWriter(out)).execute("--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("--port").contains("--bind").contains("--drafts").contains("--future");
    }

    @Test
    void aTakenPortIsAClearErrorNotAStackTrace() throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new ServeCommand((options, url) -> {
                throw new AssertionError("never reached");
            })).execute("--port", String.valueOf(taken.getLocalPort()), "--source", project.toString());
            assertThat(code).isEqualTo(GazetteCommand.INTERNAL);
        } finally {
            System.setErr(originalErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot listen on 127.0.0.1:").contains("--port 0");
    }
}
