package io.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The dates a page shows, in the site's language, and the one form machines read. */
class DateFormatsTest {
    private static final ZonedDateTime DATE = ZonedDateTime.of(2014, 8, 18, 9, 5, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void vietnameseDatesAreDayMonthYearWithTheWeekdayCapitalised() {
        DateFormats vi = new DateFormats("vi");
        assertThat(vi.longDate(DATE)).isEqualTo("Thứ Hai, 18/08/2014");
        assertThat(vi.shortDate(DATE)).isEqualTo("18/08/2014");
        assertThat(vi.time(DATE)).isEqualTo("09:05");
    }

    @Test
    void englishDatesSpellTheMonth() {
        DateFormats en = new DateFormats("en");
        assertThat(en.longDate(DATE)).isEqualTo("Monday, 18 August 2014");
        assertThat(en.shortDate(DATE)).isEqualTo("18 Aug 2014");
    }

    @Test
    void isoKeepsTheSitesOffset() {
        assertThat(DateFormats.iso(DATE)).isEqualTo("2014-08-18T09:05:00+07:00");
    }

    /**
     * The dates written digit by digit are the formatters' text: every weekday and month, leap
     * days, years of one to four digits, offsets east, west and zero, in several languages; and
     * the dates left to the formatters (nanoseconds, years past 9999 or before 1, offsets with
     * seconds) still come out as the formatters write them.
     */
    @Test
    void fastDatesAreTheFormattersText() {
        List<ZoneId> zones = List.of(ZoneId.of("Asia/Ho_Chi_Minh"), ZoneOffset.UTC, ZoneId.of("America/St_Johns"),
                ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHoursMinutesSeconds(5, 30, 15), ZoneId.of("Europe/Paris"));
        SplittableRandom random = new SplittableRandom(7);
        for (String language : List.of("vi", "en", "fr", "de", "ru", "ja", "ar", "tr")) {
            Locale locale = Locale.forLanguageTag(language);
            boolean vi = language.equals("vi");
            DateTimeFormatter longDate = DateTimeFormatter.ofPattern(vi ? "EEEE, dd/MM/yyyy" : "EEEE, d MMMM yyyy", locale);
            DateTimeFormatter shortDate = DateTimeFormatter.ofPattern(vi ? "dd/MM/yyyy" : "d MMM yyyy", locale);
            DateFormats formats = new DateFormats(language);
            for (int i = 0; i < 3000; i++) {
                int year = switch (i % 10) {
                    case 0 -> random.nextInt(1, 10);
                    case 1 -> random.nextInt(-50, 1);
                    case 2 -> random.nextInt(9990, 10020);
                    default -> random.nextInt(1900, 2100);
                };
                LocalDateTime local = LocalDateTime.of(year, 1, 1, 0, 0).plusDays(random.nextInt(0, 366))
                        .plusMinutes(random.nextInt(0, 1440)).plusSeconds(i % 3 == 0 ? random.nextInt(0, 60) : 0)
                        .plusNanos(i % 7 == 0 ? random.nextInt(1, 1_000_000_000) : 0);
                ZonedDateTime date = ZonedDateTime.of(local, zones.get(i % zones.size()));
                String long_ = longDate.format(date);
                assertThat(formats.longDate(date)).as("%s %s", language, date)
                        .isEqualTo(long_.substring(0, 1).toUpperCase(locale) + long_.substring(1));
                assertThat(formats.shortDate(date)).as("%s %s", language, date).isEqualTo(shortDate.format(date));
                assertThat(formats.time(date)).isEqualTo(DateTimeFormatter.ofPattern("HH:mm", locale).format(date));
                assertThat(DateFormats.iso(date)).as("%s", date)
                        .isEqualTo(date.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
        }
    }
}
