package io.gazette.check;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The date formats feeds and sitemaps must use, as their readers parse them. */
final class XmlDates {
    private XmlDates() {
    }

    /** An Atom date: {@code 2014-08-18T09:30:00+07:00}. */
    static boolean rfc3339(String value) {
        try {
            OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** An RSS date: {@code Mon, 18 Aug 2014 09:30:00 +0700}. */
    static boolean rfc822(String value) {
        try {
            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** A sitemap date: {@code 2014-08-18}, or an Atom date. */
    static boolean w3cDatetime(String value) {
        if (rfc3339(value)) {
            return true;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
