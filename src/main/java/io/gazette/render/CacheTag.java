package io.gazette.render;

import io.pebbletemplates.pebble.cache.CacheKey;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.lexer.TokenStream;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.CacheNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Pebble's {@code {% cache key %}…{% endcache %}} tag, parsed as Pebble parses it, with two
 * differences:
 * <ul>
 *   <li>its body is autoescaped like the rest of the template. Pebble's own cache node does not
 *       hand its body to the node visitors, so the autoescaping visitor never sees the values
 *       printed inside it and a title containing {@code <script>} would come out as markup;</li>
 *   <li>a block is kept in UTF-8 and spliced into the page as bytes ({@link Utf8PageWriter#splice}):
 *       a card is then encoded once, not on each of the six or seven list pages showing it, and
 *       takes half the memory of its text (two bytes a character in a Vietnamese string).</li>
 * </ul>
 * The default theme caches its cards ({@link GenerationTagCache} says why).
 */
final class CacheTag implements TokenParser {
    @Override
    public String getTag() {
        return "cache";
    }

    @Override
    public RenderableNode parse(Token token, Parser parser) {
        TokenStream stream = parser.getStream();
        int lineNumber = token.getLineNumber();
        stream.next(); // the tag's name
        Expression<?> key = parser.getExpressionParser().parseExpression();
        stream.next(); // the end of the opening tag
        BodyNode body = parser.subparse(next -> next.test(Token.Type.NAME, "endcache"));
        stream.next(); // endcache
        stream.expect(Token.Type.EXECUTE_END);
        return new VisitedCacheNode(lineNumber, key, body);
    }

    /**
     * Each thread's writer for the blocks it renders, kept from block to block: a block of its own
     * (2 KB), then its text as a string and its UTF-8 in a buffer of three bytes a character, made
     * 60 MB of garbage a build at 10,000 articles for 30 MB of blocks.
     */
    private static final ThreadLocal<Utf8PageWriter> BLOCK_WRITERS = ThreadLocal.withInitial(() -> new Utf8PageWriter(1024));

    /** A cache node whose body the node visitors (autoescaping among them) see, kept in UTF-8. */
    private static final class VisitedCacheNode extends CacheNode {
        private final Expression<?> key;
        private final BodyNode body;

        VisitedCacheNode(int lineNumber, Expression<?> key, BodyNode body) {
            super(lineNumber, key, body);
            this.key = key;
            this.body = body;
        }

        @Override
        public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context) throws IOException {
            CacheKey cacheKey = new CacheKey(this, (String) key.evaluate(self, context), context.getLocale());
            Object block;
            if (context.getTagCache() instanceof GenerationTagCache blocks) {
                // Not through computeIfAbsent: with the C1 compiler only, the lambda it takes,
                // made for each of the 150,000 blocks a build prints, costs a call into the VM.
                block = blocks.kept(cacheKey);
                if (block == null) {
                    if (blocks.full()) {
                        // no room to keep it: rendered in place, as without a cache (GenerationTagCache says why)
                        body.render(self, writer, context);
                        return;
                    }
                    block = blocks.keep(cacheKey, renderBody(self, context));
                }
            } else {
                try {
                    block = context.getTagCache().computeIfAbsent(cacheKey, k -> {
                        try {
                            return renderBody(self, context);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            if (block instanceof byte[] utf8) {
                if (writer instanceof Utf8PageWriter page) {
                    page.splice(utf8);
                } else {
                    writer.write(new String(utf8, StandardCharsets.UTF_8));
                }
            } else {
                writer.write(String.valueOf(block));
            }
        }

        /**
         * The block's text in UTF-8; as a string when it begins or ends within a surrogate pair,
         * which the text around it may complete (bytes would hold a {@code ?} there).
         */
        private Object renderBody(PebbleTemplateImpl self, EvaluationContextImpl context) throws IOException {
            Utf8PageWriter text = BLOCK_WRITERS.get();
            if (text.inUse) {
                text = new Utf8PageWriter(1024); // a block inside a block
            }
            text.inUse = true;
            try {
                text.reset();
                body.render(self, text, context);
                return text.hasHalfPairAtAnEnd() ? text.toString() : text.toUtf8();
            } finally {
                text.inUse = false;
            }
        }

        @Override
        public void accept(NodeVisitor visitor) {
            visitor.visit(this);
            body.accept(visitor);
        }
    }
}
