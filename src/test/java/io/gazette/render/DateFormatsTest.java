package io.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
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
}
