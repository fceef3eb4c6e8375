package io.gazette.render;

import io.gazette.site.ArticleBody;
import io.gazette.site.SiteUrls;
import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.RawFilter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What Gazette adds to Pebble for themes:
 * <ul>
 *   <li>{@code url('tu-khoa/')} — a link inside the site, with the base path ({@code /archive/tu-khoa/});</li>
 *   <li>{@code absUrl('feed.xml')} — the same as an absolute URL;</li>
 *   <li>{@code t('nav.home')} — a string from the theme's language file;</li>
 *   <li>filters {@code longdate}, {@code shortdate}, {@code isodate}, {@code time} for dates;</li>
 *   <li>Pebble's {@code raw} filter, which also prints an article's body as its UTF-8:
 *       {@code {{ article.body | raw }}} prints what {@code {{ article.html | raw }}} prints, but an
 *       article page then copies the body's bytes from the body store instead of decoding them
 *       into a string and encoding that again (a third of the page's rendering, see {@link SafeUtf8});</li>
 *   <li>Pebble's {@code {% cache key %}} tag with its body autoescaped ({@link CacheTag});</li>
 *   <li>autoescaping done by the page writer ({@link PrintEscaping}), the same text for less work.</li>
 * </ul>
 */
final class GazetteExtension extends AbstractExtension {
    private final SiteUrls urls;
    private final Translations translations;
    private final DateFormats dates;
    private final ModelAttributes attributes = new ModelAttributes();

    GazetteExtension(SiteUrls urls, Translations translations) {
        this.urls = urls;
        this.translations = translations;
        this.dates = new DateFormats(translations.language());
    }

    /** Gazette's model objects read by direct calls ({@link ModelAttributes}); Pebble's resolver does the rest. */
    @Override
    public List<AttributeResolver> getAttributeResolver() {
        return List.of(attributes);
    }

    /** Printed values escaped by the page writer rather than by Pebble's escape filter ({@link PrintEscaping}). */
    @Override
    public List<io.pebbletemplates.pebble.extension.NodeVisitorFactory> getNodeVisitors() {
        return List.of(new PrintEscaping());
    }

    @Override
    public List<io.pebbletemplates.pebble.tokenParser.TokenParser> getTokenParsers() {
        return List.of(new CacheTag());
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of(
                "url", oneArgument("path", value -> urls.href(value)),
                "absUrl", oneArgument("path", value -> urls.absolute(value)),
                "t", oneArgument("key", translations::get));
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of(
                "longdate", dateFilter((date, d) -> dates.longDate(date)),
                "shortdate", dateFilter((date, d) -> dates.shortDate(date)),
                "isodate", dateFilter((date, d) -> DateFormats.iso(date)),
                "time", dateFilter((date, d) -> dates.time(date)),
                "raw", new BodyAsUtf8());
    }

    /** Pebble's {@code raw}, giving an {@link ArticleBody} as its HTML in UTF-8 rather than its {@code toString()}. */
    private static final class BodyAsUtf8 extends RawFilter {
        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int line) {
            return input instanceof ArticleBody body ? new SafeUtf8(body.htmlUtf8())
                    : super.apply(input, args, self, context, line);
        }
    }

    private static Function oneArgument(String name, java.util.function.Function<String, String> body) {
        List<String> names = List.of(name); // asked for on every call
        return new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
                Object value = args.get(name);
                return body.apply(value == null ? "" : String.valueOf(value));
            }

            @Override
            public List<String> getArgumentNames() {
                return names;
            }
        };
    }

    private Filter dateFilter(BiFunction<ZonedDateTime, DateFormats, String> format) {
        return new Filter() {
            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
                    EvaluationContext context, int line) {
                return input instanceof ZonedDateTime date ? format.apply(date, dates) : input;
            }

            @Override
            public List<String> getArgumentNames() {
                return List.of();
            }
        };
    }
}
