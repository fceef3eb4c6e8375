package io.gazette.legacy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * When an article was published, as the old site printed it: always a day, a time only when the
 * page showed one. The old site ran in Vietnam, so a known time is written with {@code +07:00}.
 *
 * @param weekday the weekday the page printed, or null; kept to warn when it disagrees with the day
 */
public record PublicationDate(LocalDate day, LocalTime time, DayOfWeek weekday) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** {@code 2014-08-18} or {@code 2014-08-18T09:30:00+07:00}: the front matter {@code date} value. */
    public String frontMatterValue() {
        return time == null ? day.toString() : day + "T" + time.format(TIME) + "+07:00";
    }

    public boolean weekdayMatches() {
        return weekday == null || weekday == day.getDayOfWeek();
    }
}
