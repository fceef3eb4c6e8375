package io.gazette.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * {@code --as-of} and {@code GAZETTE_AS_OF}: the instant a build takes as "now", so that what is
 * published (scheduled and expired articles, the news sitemap's last two days) is a function of the
 * content and that instant. A time without an offset is refused rather than guessed: the same
 * command must give the same site on a laptop in Hà Nội and on a CI server in UTC.
 */
final class AsOf {
    static final String VARIABLE = "GAZETTE_AS_OF";
    static final String FORM = "an ISO date-time with its offset, e.g. 2026-06-01T09:00:00+07:00 or 2026-06-01T02:00:00Z";

    private AsOf() {
    }

    /** @throws IllegalArgumentException saying what is wrong and the form expected */
    static Instant parse(String text) {
        String value = text == null ? "" : text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("cannot read `" + value + "` as a time: give " + FORM);
        }
    }

    /**
     * The clock of a build: {@code cli} if given, else {@code GAZETTE_AS_OF}, else the system clock.
     *
     * @throws IllegalArgumentException when the environment variable is not a date-time
     */
    static Clock clock(Instant cli, Function<String, String> environment) {
        if (cli != null) {
            return Clock.fixed(cli, ZoneOffset.UTC);
        }
        String variable = environment.apply(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            try {
                return Clock.fixed(parse(variable), ZoneOffset.UTC);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(VARIABLE + ": " + e.getMessage());
            }
        }
        return Clock.systemUTC();
    }

    /** picocli's converter for {@code --as-of}: a bad value is a usage error (exit 2). */
    static final class Converter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
