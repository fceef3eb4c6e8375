package io.gazette.render;

import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.lexer.TokenStream;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.CacheNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.tokenParser.TokenParser;

/**
 * Pebble's {@code {% cache key %}…{% endcache %}} tag, parsed as Pebble parses it, with one
 * difference: its body is autoescaped like the rest of the template. Pebble's own cache node does
 * not hand its body to the node visitors, so the autoescaping visitor never sees the values
 * printed inside it and a title containing {@code <script>} would come out as markup. The
 * default theme caches its cards ({@link GenerationTagCache} says why).
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

    /** A cache node whose body the node visitors (autoescaping among them) see. */
    private static final class VisitedCacheNode extends CacheNode {
        private final BodyNode body;

        VisitedCacheNode(int lineNumber, Expression<?> key, BodyNode body) {
            super(lineNumber, key, body);
            this.body = body;
        }

        @Override
        public void accept(NodeVisitor visitor) {
            visitor.visit(this);
            body.accept(visitor);
        }
    }
}
