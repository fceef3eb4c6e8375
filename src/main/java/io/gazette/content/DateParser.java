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
        OffsetDateTime plain = offsetDateTime(text);
        return plain != null ? Optional.of(plain.atZoneSameInstant(zone)) : parseWithFormatters(text, zone);
    }

    /**
     * {@code YYYY-MM-DDTHH:MM:SS+HH:MM}, the form nearly every article's date has, read without
     * {@link DateTimeFormatter} (whose parsing was a third of reading the front matter on the C1
     * compiler the build runs on); null for any other text, or for fields out of range, which
     * {@link #parseWithFormatters} then reads or refuses as before.
     */
    static OffsetDateTime offsetDateTime(String text) {
        if (text.length() != 25 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(22) != ':'
                || text.charAt(19) != '+' && text.charAt(19) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int offsetHours = digits(text, 20, 2);
        int offsetMinutes = digits(text, 23, 2);
        if ((year | month | day | hour | minute | second | offsetHours | offsetMinutes) < 0) {
            return null;
        }
        int sign = text.charAt(19) == '-' ? -1 : 1;
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0,
                    java.time.ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The number written by the ASCII digits {@code text[from, from + count)}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Every accepted form, through {@link DateTimeFormatter}s: the reference for {@link #offsetDateTime}. */
    static Optional<ZonedDateTime> parseWithFormatters(String text, ZoneId zone) {
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
