package io.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gazette.problems.Limits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Inputs that make Markdown parsers slow or deep, each as large as the limits let one block be:
 * every one renders or is refused as too deep, in bounded time, without a stack overflow. The
 * bound tells a hang from slowness, not a speed target (the machine is shared): at the 40,000-character
 * block limit the slowest measured was 2.3 s on an idle machine (30,000 code spans on one line) and
 * 9.4 s on a loaded one.
 */
class PathologicalMarkdownTest {
    private static final long BOUND_MILLIS = 20_000;

    private static Map<String, IntFunction<String>> inputs() {
        Map<String, IntFunction<String>> inputs = new LinkedHashMap<>();
        inputs.put("stars", n -> "*".repeat(n));
        inputs.put("star-letter", n -> "*a".repeat(n / 2));
        inputs.put("underscores", n -> "_ ".repeat(n / 2));
        inputs.put("dashes", n -> "- -".repeat(n / 3));
        inputs.put("open brackets", n -> "[".repeat(n));
        inputs.put("unclosed links", n -> "[a](".repeat(n / 4));
        inputs.put("nested links", n -> "[".repeat(n / 5) + "a" + "](b)".repeat(n / 5));
        inputs.put("backticks", n -> "`a".repeat(n / 2));
        inputs.put("growing backtick runs", n -> {
            StringBuilder text = new StringBuilder();
            for (int i = 1; text.length() + i + 1 < n; i++) {
                text.append("`".repeat(i)).append('a');
            }
            return text.toString();
        });
        inputs.put("less-than", n -> "<".repeat(n));
        inputs.put("open tags", n -> "<a ".repeat(n / 3));
        inputs.put("emphasis", n -> "*a **b ".repeat(n / 7));
        inputs.put("nested emphasis", n -> "*".repeat(n / 2) + "a" + "*".repeat(n / 2 - 1));
        inputs.put("block quotes", n -> " >".repeat(n / 2) + "a");
        inputs.put("lists on a line", n -> "- ".repeat(n / 2) + "a");
        inputs.put("deep list", n -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; text.length() < n - 2 * i - 4; i++) {
                text.append("  ".repeat(i)).append("- a\n");
            }
            return text.toString();
        });
        inputs.put("www", n -> "www.".repeat(n / 4));
        inputs.put("quoted lines", n -> "> a\n".repeat(n / 4));
        inputs.put("table rows", n -> "|a|b|\n|-|-|\n" + "|x|y|\n".repeat((n - 12) / 6));
        inputs.put("mixed", n -> "*[`<a_".repeat(n / 6));
        inputs.put("footnote references", n -> "[^a]".repeat(n / 4 - 4) + "\n\n[^a]: x\n");
        return inputs;
    }

    @Test
    void everyPathologicalBlockWithinTheLimitsEndsInBoundedTime() {
        MarkdownRenderer plain = new MarkdownRenderer("/", false);
        MarkdownRenderer raw = new MarkdownRenderer("/", true);
        inputs().forEach((name, input) -> {
            String text = input.apply(Limits.MAX_BLOCK_CHARS - 10);
            assertThat(text.length()).as(name).isLessThanOrEqualTo(Limits.MAX_BLOCK_CHARS);
            for (MarkdownRenderer renderer : new MarkdownRenderer[] {plain, raw}) {
                long start = System.nanoTime();
                Throwable thrown = catchThrowable(() -> renderer.render(text));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(thrown).as(name).satisfiesAnyOf(
                        t -> assertThat(t).isNull(),
                        t -> assertThat(t).isInstanceOf(MarkdownTooDeep.class));
                assertThat(millis).as(name + " took " + millis + " ms").isLessThan(BOUND_MILLIS);
            }
        });
    }

    @Test
    void aBacktickRunPastTheLimitNamesItsLine() {
        MarkdownRenderer renderer = new MarkdownRenderer("/", false);
        assertThat(renderer.render("Mã `x` và ```y```.\n").html()).contains("<code>x</code>", "<code>y</code>");
        Throwable thrown = catchThrowable(() -> renderer.render("Mở đầu.\n\n" + "`".repeat(Limits.MAX_BACKTICK_RUN + 1) + "\n"));
        assertThat(thrown).isInstanceOf(MarkdownTooDeep.class)
                .hasMessage("a run of more than 32 backticks (`)");
        assertThat(((MarkdownTooDeep) thrown).line()).isEqualTo(3);
    }

    @Test
    void nestingPastTheLimitNamesTheLineWhereItGoesOver() {
        MarkdownRenderer renderer = new MarkdownRenderer("/", false);
        String text = "Mở đầu.\n\n" + ">".repeat(Limits.MAX_NESTING + 1) + " a\n";
        Throwable thrown = catchThrowable(() -> renderer.render(text));
        assertThat(thrown).isInstanceOf(MarkdownTooDeep.class);
        assertThat(((MarkdownTooDeep) thrown).line()).isEqualTo(3);
        assertThat(renderer.render(">".repeat(Limits.MAX_NESTING - 2) + " a\n").html()).contains("<blockquote>");
    }
}
