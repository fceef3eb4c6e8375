package io.gazette.render;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as readers of each language expect them. Vietnamese: {@code Thứ Hai, 18/08/2014} and
 * {@code 18/08/2014}; month names are {@code Tháng 8}. Formatters are built once: they are
 * immutable and thread-safe.
 */
public final class DateFormats {
    private final DateTimeFormatter longDate;
    private final DateTimeFormatter shortDate;
    private final DateTimeFormatter time;
    private final Locale locale;

    public DateFormats(String language) {
        this.locale = Locale.forLanguageTag(language);
        boolean vietnamese = "vi".equals(locale.getLanguage());
        this.longDate = DateTimeFormatter.ofPattern(vietnamese ? "EEEE, dd/MM/yyyy" : "EEEE, d MMMM yyyy", locale);
        this.shortDate = DateTimeFormatter.ofPattern(vietnamese ? "dd/MM/yyyy" : "d MMM yyyy", locale);
        this.time = DateTimeFormatter.ofPattern("HH:mm", locale);
    }

    /** {@code Thứ Hai, 18/08/2014}: Java spells the weekday {@code Thứ Hai}, which is what we want. */
    public String longDate(ZonedDateTime date) {
        return capitaliseFirst(longDate.format(date));
    }

    public String shortDate(ZonedDateTime date) {
        return shortDate.format(date);
    }

    public String time(ZonedDateTime date) {
        return time.format(date);
    }

    /** RFC 3339, as feeds, sitemaps and {@code <time datetime>} want. */
    public static String iso(ZonedDateTime date) {
        return date.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private String capitaliseFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
