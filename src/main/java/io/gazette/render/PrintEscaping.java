package io.gazette.render;

import io.gazette.text.HtmlEscape;
import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.NamedArgumentNode;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterExpression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.node.expression.TernaryExpression;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.utils.StringUtils;

/**
 * Autoescaping of printed values done by the page writer, not by Pebble's {@code escape} filter.
 * Pebble's autoescaping wraps every printed expression in that filter; each call then makes a map
 * of its arguments, looks its strategy up twice and wraps the escaped text in a {@code SafeString}
 * (two million calls, 125 MB of maps alone at 10,000 articles), and {@link HtmlEscape} scans the
 * text five times before the writer copies it. Run after Pebble's escaper, this visitor replaces
 * each such wrapping that escapes for HTML (no strategy, or {@code "html"}: the engine's
 * {@link HtmlEscaping}) by an expression that hands the value to the writer as {@link Escaped}:
 * {@link Utf8PageWriter} copies it in and escapes it where it landed, in one pass; any other
 * writer gets its escaped text from {@code toString()}. The text printed is the same; values of
 * another strategy ({@code {% autoescape "js" %}}) keep Pebble's filter.
 */
final class PrintEscaping implements NodeVisitorFactory {
    @Override
    public NodeVisitor createVisitor(PebbleTemplate template) {
        return new AbstractNodeVisitor((PebbleTemplateImpl) template) {
            @Override
            public void visit(PrintNode node) {
                Expression<?> printed = node.getExpression();
                if (printed instanceof TernaryExpression choice) {
                    // the escaper wraps each branch of {{ a ? b : c }} rather than the whole
                    choice.setExpression2(unwrapped(choice.getExpression2()));
                    choice.setExpression3(unwrapped(choice.getExpression3()));
                } else {
                    node.setExpression(unwrapped(printed));
                }
            }
        };
    }

    /** {@code expression} with Pebble's HTML escape filter around it replaced by {@link EscapedValue}; else itself. */
    static Expression<?> unwrapped(Expression<?> expression) {
        if (expression instanceof FilterExpression filter
                && filter.getRightExpression() instanceof FilterInvocationExpression invocation
                && "escape".equals(invocation.getFilterName()) && escapesForHtml(invocation.getArgs())) {
            return new EscapedValue(filter.getLeftExpression(), filter.getLineNumber());
        }
        return expression;
    }

    /** Whether the escape filter's arguments name no strategy but HTML. */
    private static boolean escapesForHtml(ArgumentsNode args) {
        if (args == null) {
            return true;
        }
        if (args.getPositionalArgs() != null && !args.getPositionalArgs().isEmpty()) {
            return false;
        }
        if (args.getNamedArgs() == null || args.getNamedArgs().isEmpty()) {
            return true;
        }
        if (args.getNamedArgs().size() != 1) {
            return false;
        }
        NamedArgumentNode strategy = args.getNamedArgs().get(0);
        return "strategy".equals(strategy.getName()) && strategy.getValueExpression() instanceof LiteralStringExpression name
                && "html".equals(name.getValue());
    }

    /** A printed value to be escaped for HTML: what the escape filter returned, without escaping it yet. */
    private static final class EscapedValue implements Expression<Object> {
        private final Expression<?> value;
        private final int lineNumber;

        EscapedValue(Expression<?> value, int lineNumber) {
            this.value = value;
            this.lineNumber = lineNumber;
        }

        /** As Pebble's escape filter: nothing for null, markup as it is, anything else as its text, escaped. */
        @Override
        public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
            Object printed = value.evaluate(self, context);
            if (printed == null || printed instanceof SafeString) {
                return printed;
            }
            return new Escaped(printed instanceof String text ? text : StringUtils.toString(printed));
        }

        @Override
        public int getLineNumber() {
            return lineNumber;
        }

        @Override
        public void accept(NodeVisitor visitor) {
            visitor.visit(this);
        }
    }

    /** Text to print escaped for HTML: {@link Utf8PageWriter} escapes it as it copies it; {@code toString()} is the escaped text. */
    static final class Escaped {
        final String text;

        Escaped(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return HtmlEscape.escape(text);
        }
    }
}
