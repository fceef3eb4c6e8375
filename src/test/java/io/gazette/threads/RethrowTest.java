package io.gazette.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class RethrowTest {
    @Test
    void eachKindIsThrownAsItWasThrown() {
        IOException io = new IOException("disk full");
        assertThatThrownBy(() -> Rethrow.asThrown(io)).isSameAs(io);
        assertThatThrownBy(() -> Rethrow.asThrown(new UncheckedIOException(io))).as("unwrapped").isSameAs(io);
        IllegalArgumentException runtime = new IllegalArgumentException("bad");
        assertThatThrownBy(() -> Rethrow.asThrown(runtime)).isSameAs(runtime);
        OutOfMemoryError error = new OutOfMemoryError("heap");
        assertThatThrownBy(() -> Rethrow.asThrown(error)).isSameAs(error);
    }

    @Test
    void aCheckedExceptionOfAnotherKindIsGivenBackWrappedForTheCallerToThrow() throws IOException {
        Exception other = new Exception("interrupted elsewhere");
        RuntimeException wrapped = Rethrow.asThrown(other);
        assertThat(wrapped).isInstanceOf(IllegalStateException.class).hasCause(other);
    }
}
