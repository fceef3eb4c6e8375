package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gazette.content.FrontMatter;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A front matter read back from the content cache equals the one written, whatever YAML gave. */
class FrontMatterCodecTest {
    private static byte[] written(FrontMatter fm) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        FrontMatterCodec.write(out, fm);
        out.flush();
        return bytes.toByteArray();
    }

    private static FrontMatter readBack(FrontMatter fm) throws Exception {
        return FrontMatterCodec.read(new KeptBytes(written(fm)));
    }

    private static FrontMatter frontMatter(Map<String, Object> params) {
        return new FrontMatter("Hội nghị “sơ kết”", ZonedDateTime.parse("2014-08-18T09:30+07:00[Asia/Ho_Chi_Minh]"),
                ZonedDateTime.of(2014, 8, 19, 0, 0, 0, 5, ZoneOffset.ofHours(7)), "", List.of("Thi đua", "Khen thưởng"),
                "Hoạt động", "", "anh.jpg", "Chú thích", "hoi-nghi", List.of(), true,
                ZonedDateTime.parse("2030-01-01T00:00Z[UTC]"), java.util.Collections.unmodifiableMap(params));
    }

    @Test
    void anEmptyParamsMapAndEmptyTextReadBackEqual() throws Exception {
        FrontMatter fm = frontMatter(new LinkedHashMap<>());
        FrontMatter back = readBack(fm);
        assertThat(back).isEqualTo(fm);
        assertThat(back.params()).isEmpty();
        assertThat(back.summary()).isEmpty();
        assertThat(back.tags()).containsExactly("Thi đua", "Khen thưởng");
    }

    @Test
    void everyKindOfValueReadsBackEqual() throws Exception {
        Map<Object, Object> nested = new LinkedHashMap<>();
        nested.put("b", List.of(1, 2L, "ba"));
        nested.put("a", null);
        nested.put(7, Boolean.FALSE);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("text", "chữ");
        params.put("empty", "");
        params.put("yes", true);
        params.put("int", 42);
        params.put("long", 1L << 40);
        params.put("big", new BigInteger("123456789012345678901234567890"));
        params.put("float", 0.1);
        params.put("nan", Double.NaN);
        params.put("list", new ArrayList<>(List.of("x", List.of())));
        params.put("map", nested);
        params.put("nothing", null);
        FrontMatter fm = frontMatter(params);
        FrontMatter back = readBack(fm);
        assertThat(back).isEqualTo(fm);
        assertThat(back.date().getZone()).isEqualTo(fm.date().getZone());
        assertThat(back.lastmod().getZone()).isEqualTo(ZoneOffset.ofHours(7));
        // Key order is kept: templates list params in the order they were written.
        assertThat(back.params().keySet()).containsExactlyElementsOf(params.keySet());
        assertThat(List.copyOf(((Map<?, ?>) back.params().get("map")).keySet())).isEqualTo(List.of("b", "a", 7));
        assertThat(back.params().get("int")).isInstanceOf(Integer.class);
        assertThat(back.params().get("long")).isInstanceOf(Long.class);

        FrontMatter bare = new FrontMatter("T", fm.date(), null, null, List.of(), "", null, "", "", "", List.of(),
                false, null, Map.of());
        assertThat(readBack(bare)).isEqualTo(bare);
    }

    @Test
    void bytesReadBackEqualInContent() throws Exception {
        FrontMatter fm = frontMatter(new LinkedHashMap<>(Map.of("raw", new byte[] {1, 2, 3})));
        assertThat(Arrays.equals((byte[]) readBack(fm).params().get("raw"), new byte[] {1, 2, 3})).isTrue();
    }

    @Test
    void aValueYamlDoesNotGiveIsRefusedNotMisread() {
        FrontMatter fm = frontMatter(new LinkedHashMap<>(Map.of("set", java.util.Set.of("a"))));
        assertThatThrownBy(() -> written(fm)).isInstanceOf(FrontMatterCodec.Unsupported.class);
    }
}
