package io.gazette.render;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as readers of each language expect them. Vietnamese: {@code Thứ Hai, 18/08/2014} and
 * {@code 18/08/2014}; month names are {@code Tháng 8}. Formatters are built once: they are
 * immutable and thread-safe.
 *
 * <p>A build formats some 200,000 dates at 10,000 articles (every card shows two, every article
 * page four), and a {@link DateTimeFormatter} walks its printer chain for each. So the common case
 * — years 1 to 9999, whole seconds, an offset of whole minutes — is written digit by digit here,
 * with the weekday and month names the formatters themselves gave for the site's language; any
 * other date goes through the formatters. {@code DateFormatsTest} holds the two to the same text.
 */
public final class DateFormats {
    private final DateTimeFormatter longDate;
    private final DateTimeFormatter shortDate;
    private final DateTimeFormatter time;
    private final Locale locale;
    private final boolean vietnamese;
    /** {@code "Thứ Hai, "} by {@link DayOfWeek#ordinal}: the start of a long date, capitalised. */
    private final String[] longDateStarts = new String[7];
    /** The month names of the long date ({@code MMMM}) and of the short one ({@code MMM}), by {@link Month#ordinal}. */
    private final String[] longMonths = new String[12];
    private final String[] shortMonths = new String[12];

    public DateFormats(String language) {
        this.locale = Locale.forLanguageTag(language);
        this.vietnamese = "vi".equals(locale.getLanguage());
        this.longDate = DateTimeFormatter.ofPattern(vietnamese ? "EEEE, dd/MM/yyyy" : "EEEE, d MMMM yyyy", locale);
        this.shortDate = DateTimeFormatter.ofPattern(vietnamese ? "dd/MM/yyyy" : "d MMM yyyy", locale);
        this.time = DateTimeFormatter.ofPattern("HH:mm", locale);
        DateTimeFormatter weekday = DateTimeFormatter.ofPattern("EEEE", locale);
        DateTimeFormatter longMonth = DateTimeFormatter.ofPattern("MMMM", locale);
        DateTimeFormatter shortMonth = DateTimeFormatter.ofPattern("MMM", locale);
        // 2024-01-01 is a Monday: the days of its first week name every weekday, in order.
        for (int d = 0; d < 7; d++) {
            longDateStarts[d] = capitaliseFirst(weekday.format(java.time.LocalDate.of(2024, 1, 1 + d))) + ", ";
        }
        for (int m = 0; m < 12; m++) {
            java.time.LocalDate first = java.time.LocalDate.of(2024, m + 1, 1);
            longMonths[m] = longMonth.format(first);
            shortMonths[m] = shortMonth.format(first);
        }
    }

    /** {@code Thứ Hai, 18/08/2014}: Java spells the weekday {@code Thứ Hai}, which is what we want. */
    public String longDate(ZonedDateTime date) {
        int year = date.getYear();
        if (year < 1 || year > 9999) {
            return capitaliseFirst(longDate.format(date));
        }
        StringBuilder out = new StringBuilder(32).append(longDateStarts[date.getDayOfWeek().ordinal()]);
        if (vietnamese) {
            twoDigits(out, date.getDayOfMonth()).append('/');
            twoDigits(out, date.getMonthValue()).append('/');
            return fourDigits(out, year).toString();
        }
        out.append(date.getDayOfMonth()).append(' ').append(longMonths[date.getMonthValue() - 1]).append(' ');
        return fourDigits(out, year).toString();
    }

    public String shortDate(ZonedDateTime date) {
        int year = date.getYear();
        if (year < 1 || year > 9999) {
            return shortDate.format(date);
        }
        StringBuilder out = new StringBuilder(16);
        if (vietnamese) {
            twoDigits(out, date.getDayOfMonth()).append('/');
            twoDigits(out, date.getMonthValue()).append('/');
            return fourDigits(out, year).toString();
        }
        out.append(date.getDayOfMonth()).append(' ').append(shortMonths[date.getMonthValue() - 1]).append(' ');
        return fourDigits(out, year).toString();
    }

    public String time(ZonedDateTime date) {
        StringBuilder out = twoDigits(new StringBuilder(5), date.getHour()).append(':');
        return twoDigits(out, date.getMinute()).toString();
    }

    /** RFC 3339, as feeds, sitemaps and {@code <time datetime>} want. */
    public static String iso(ZonedDateTime date) {
        int year = date.getYear();
        ZoneOffset offset = date.getOffset();
        int offsetSeconds = offset.getTotalSeconds();
        if (year < 0 || year > 9999 || date.getNano() != 0 || offsetSeconds % 60 != 0) {
            return date.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        char[] out = new char[25];
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, date.getHour(), 2);
        out[13] = ':';
        digits(out, 14, date.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, date.getSecond(), 2);
        if (offsetSeconds == 0) {
            out[19] = 'Z';
            return new String(out, 0, 20);
        }
        int minutes = Math.abs(offsetSeconds) / 60;
        out[19] = offsetSeconds < 0 ? '-' : '+';
        digits(out, 20, minutes / 60, 2);
        out[22] = ':';
        digits(out, 23, minutes % 60, 2);
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static StringBuilder fourDigits(StringBuilder out, int value) {
        return twoDigits(twoDigits(out, value / 100), value % 100);
    }

    private String capitaliseFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
