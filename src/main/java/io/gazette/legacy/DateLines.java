package io.gazette.legacy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the old site's publication date line, {@code Thứ hai, 18/08/2014}, optionally with a
 * time ({@code Thứ hai, 18/08/2014 09:30} or {@code 9h30}). The weekday is required: it is what
 * tells this line apart from dates quoted in the text and from the page header
 * {@code Hôm nay, Thứ tư ngày 28/02/2024,}, which starts with "Hôm nay" and records the day the
 * page was saved, not published.
 */
final class DateLines {
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?<weekday>thứ\\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\\s*nhật|cn|t[2-7])\\s*[,-]?\\s*"
                    + "(?:ngày\\s+)?(?<day>\\d{1,2})/(?<month>\\d{1,2})/(?<year>\\d{4})"
                    + "(?:\\s*[,-]?\\s*(?:lúc\\s*)?(?<hour>\\d{1,2})\\s*[:h]\\s*(?<minute>\\d{2})"
                    + "(?::(?<second>\\d{2}))?(?:\\s*(?:\\(?GMT\\s*\\+\\s*7\\)?))?)?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private DateLines() {
    }

    /** True when the whole line has the shape of a date line, valid date or not. */
    static boolean looksLikeDateLine(String line) {
        return DATE_LINE.matcher(line).matches();
    }

    /**
     * The date a date line names; empty when the line is not a date line. A line with the shape
     * but an impossible date ({@code 31/02/2014}) is a failure, not silently skipped.
     */
    static Optional<PublicationDate> parse(String line, int lineNumber) throws ImportFailure {
        Matcher m = DATE_LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group("year")),
                    Integer.parseInt(m.group("month")), Integer.parseInt(m.group("day")));
            LocalTime time = null;
            if (m.group("hour") != null) {
                time = LocalTime.of(Integer.parseInt(m.group("hour")), Integer.parseInt(m.group("minute")),
                        m.group("second") == null ? 0 : Integer.parseInt(m.group("second")));
            }
            return Optional.of(new PublicationDate(day, time, weekday(m.group("weekday"))));
        } catch (DateTimeException e) {
            throw new ImportFailure(lineNumber, "the date line '" + line + "' names no real date or time");
        }
    }

    private static DayOfWeek weekday(String text) {
        String w = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (w.equals("chủnhật") || w.equals("cn")) {
            return DayOfWeek.SUNDAY;
        }
        String rest = w.startsWith("thứ") ? w.substring(3) : w.substring(1);
        return switch (rest) {
            case "hai", "2" -> DayOfWeek.MONDAY;
            case "ba", "3" -> DayOfWeek.TUESDAY;
            case "tư", "4" -> DayOfWeek.WEDNESDAY;
            case "năm", "5" -> DayOfWeek.THURSDAY;
            case "sáu", "6" -> DayOfWeek.FRIDAY;
            default -> DayOfWeek.SATURDAY;
        };
    }
}
