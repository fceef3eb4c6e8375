package io.gazette.content;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads front matter dates. A date without a zone is a date in the site's zone (a Hanoi editor
 * writing {@code 2014-08-18} means that day in Hanoi, not UTC midnight, which is the day before in
 * some zones and a different day in feeds).
 */
public final class DateParser {
    public static final String ACCEPTED_FORMS =
            "YYYY-MM-DD, YYYY-MM-DD HH:MM, YYYY-MM-DDTHH:MM:SS, YYYY-MM-DDTHH:MM:SS+07:00 or DD/MM/YYYY";

    private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm"));
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private DateParser() {
    }

    public static Optional<ZonedDateTime> parse(String text, ZoneId zone) {
        String value = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(value.replace(' ', 'T')).atZoneSameInstant(zone));
        } catch (DateTimeParseException ignored) {
            // not an instant with offset; try local forms below
        }
        for (DateTimeFormatter format : LOCAL_DATE_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(value, format).atZone(zone));
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay(zone));
        } catch (DateTimeParseException ignored) {
            // try the Vietnamese day/month/year form
        }
        try {
            return Optional.of(LocalDate.parse(value, VIETNAMESE_DATE).atStartOfDay(zone));
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }
}
