package io.gazette.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class SrcsetTest {

    @Test
    void splitsCandidatesWithAndWithoutSpacesAfterCommas() {
        assertThat(Srcset.parse(" a-480.jpg 480w,a-960.jpg  960w , b.jpg"))
                .extracting(Srcset.Candidate::url, Srcset.Candidate::descriptor)
                .containsExactly(tuple("a-480.jpg", "480w"), tuple("a-960.jpg", "960w"), tuple("b.jpg", ""));
    }

    @Test
    void commasInsideAUrlStayInTheUrl() {
        assertThat(Srcset.parse("/img/a,b.jpg 1x, /img/c.jpg 2x"))
                .extracting(Srcset.Candidate::url)
                .containsExactly("/img/a,b.jpg", "/img/c.jpg");
    }

    @Test
    void trailingCommaEndsACandidateWithoutDescriptor() {
        assertThat(Srcset.parse("a.jpg, b.jpg 2x"))
                .extracting(Srcset.Candidate::url, Srcset.Candidate::descriptor)
                .containsExactly(tuple("a.jpg", ""), tuple("b.jpg", "2x"));
    }

    @Test
    void descriptorsAreValidated() {
        assertThat(new Srcset.Candidate("a", "1.5x").isValid()).isTrue();
        assertThat(new Srcset.Candidate("a", "640w").isValid()).isTrue();
        assertThat(new Srcset.Candidate("a", "640px").isValid()).isFalse();
        assertThat(new Srcset.Candidate("a", "-2x").isValid()).isFalse();
    }
}
