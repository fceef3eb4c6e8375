package io.gazette.fuzz;

/** A strict JSON reader (RFC 8259) that only says whether a text is one well-formed value. */
final class StrictJson {
    private final String text;
    private int at;

    private StrictJson(String text) {
        this.text = text;
    }

    static void validate(String text) {
        StrictJson reader = new StrictJson(text);
        reader.space();
        reader.value(0);
        reader.space();
        if (reader.at != text.length()) {
            throw reader.fail("text after the value");
        }
    }

    private void value(int depth) {
        if (depth > 500) {
            throw fail("nested too deep");
        }
        if (at >= text.length()) {
            throw fail("value expected");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{' -> {
                at++;
                space();
                if (peek('}')) {
                    at++;
                    return;
                }
                while (true) {
                    space();
                    string();
                    space();
                    expect(':');
                    space();
                    value(depth + 1);
                    space();
                    if (peek(',')) {
                        at++;
                    } else {
                        expect('}');
                        return;
                    }
                }
            }
            case '[' -> {
                at++;
                space();
                if (peek(']')) {
                    at++;
                    return;
                }
                while (true) {
                    space();
                    value(depth + 1);
                    space();
                    if (peek(',')) {
                        at++;
                    } else {
                        expect(']');
                        return;
                    }
                }
            }
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void string() {
        expect('"');
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw fail("control character in a string");
            }
            if (c == '\\') {
                if (at >= text.length()) {
                    throw fail("escape at end");
                }
                char e = text.charAt(at++);
                if (e == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (at >= text.length() || Character.digit(text.charAt(at++), 16) < 0) {
                            throw fail("bad \\u escape");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw fail("bad escape \\" + e);
                }
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
                    at++;
                } else {
                    throw fail("lone surrogate");
                }
            }
        }
        throw fail("unterminated string");
    }

    private void number() {
        int start = at;
        if (peek('-')) {
            at++;
        }
        if (peek('0')) {
            at++;
        } else {
            digits();
        }
        if (peek('.')) {
            at++;
            digits();
        }
        if (peek('e') || peek('E')) {
            at++;
            if (peek('+') || peek('-')) {
                at++;
            }
            digits();
        }
        if (at == start) {
            throw fail("value expected");
        }
    }

    private void digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == start) {
            throw fail("digit expected");
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, at)) {
            throw fail(word + " expected");
        }
        at += word.length();
    }

    private void space() {
        while (at < text.length() && " \t\n\r".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw fail("'" + c + "' expected");
        }
        at++;
    }

    private IllegalArgumentException fail(String why) {
        return new IllegalArgumentException(why + " at offset " + at);
    }
}
