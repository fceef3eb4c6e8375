package io.gazette.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DateParserTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void readsTheArchivesDatesWithoutFormatters() {
        assertThat(DateParser.offsetDateTime("2017-05-27T10:16:00+07:00")).isNotNull();
        assertThat(DateParser.parse("2017-05-27T10:16:00+07:00", HANOI).orElseThrow().toString())
                .isEqualTo("2017-05-27T10:16+07:00[Asia/Ho_Chi_Minh]");
        for (String other : List.of("2017-05-27", "2017-05-27 10:16", "27/05/2017", " 2017-05-27T10:16:00+07:00",
                "2017-05-27T10:16:00Z", "2017-02-30T10:16:00+07:00", "2017-05-27T24:00:00+07:00", "2017-05-27T10:16:00+19:00")) {
            assertThat(DateParser.offsetDateTime(other)).as(other).isNull();
        }
    }

    /** Random texts of the fast form's shape, fields in and out of range: read exactly as the formatters read them. */
    @Test
    void agreesWithTheFormattersOnRandomDates() {
        Random random = new Random(20261202);
        int taken = 0;
        for (int n = 0; n < 20_000; n++) {
            String text = String.format("%04d-%02d-%02d%c%02d:%02d:%02d%c%02d:%02d", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(10) == 0 ? ' ' : 'T', random.nextInt(26),
                    random.nextInt(62), random.nextInt(62), "+-".charAt(random.nextInt(2)), random.nextInt(20), random.nextInt(62));
            if (random.nextInt(20) == 0) {
                char[] chars = text.toCharArray();
                chars[random.nextInt(chars.length)] = "0a:-+T /".charAt(random.nextInt(8));
                text = new String(chars);
            }
            if (DateParser.offsetDateTime(text) != null) {
                taken++;
            }
            for (ZoneId zone : List.of(HANOI, ZoneId.of("UTC"), ZoneId.of("America/New_York"))) {
                assertThat(DateParser.parse(text, zone)).as(text).isEqualTo(DateParser.parseWithFormatters(text, zone));
            }
        }
        assertThat(taken).isGreaterThan(2_000);
    }
}
