package io.gazette.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexableFieldType;

/**
 * A text field of counted terms ({@link SyllableTerms}) that makes its token stream only when
 * Lucene's writer asks for it. A cold build files every field's terms straight from the arrays
 * ({@link SegmentBatch}) and never streams them: a stream made beforehand for each field of each
 * document (an attribute source, its attribute maps and attributes: about 130 MB at 10,000
 * articles) was made for nothing.
 */
final class SyllableField extends Field {
    private final SyllableTerms terms;

    SyllableField(String name, SyllableTerms terms, IndexableFieldType type) {
        super(name, type);
        this.terms = terms;
    }

    SyllableTerms terms() {
        return terms;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        return terms.tokens();
    }
}
