package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An entry's bytes read in place read back what a DataOutputStream wrote, and never past their end. */
class KeptBytesTest {
    @Test
    void readsBackWhatADataOutputWroteAndStopsAtItsEnd() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        byte[] text = "Hà Nội – “tin”".getBytes(StandardCharsets.UTF_8);
        out.writeByte(0x7f);
        out.writeInt(-123456789);
        out.writeLong(Long.MIN_VALUE + 42);
        out.writeBoolean(true);
        out.writeDouble(-2.5e-300);
        out.writeInt(text.length);
        out.write(text);
        out.writeInt(0x01020304);
        byte[] written = buffer.toByteArray();
        byte[] framed = new byte[written.length + 6]; // the entry lies inside a larger buffer
        System.arraycopy(written, 0, framed, 3, written.length);

        KeptBytes in = new KeptBytes(framed, 3, written.length - 4); // the last int left out
        assertThat(in.readByte()).isEqualTo((byte) 0x7f);
        assertThat(in.readInt()).isEqualTo(-123456789);
        assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE + 42);
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readDouble()).isEqualTo(-2.5e-300);
        assertThat(in.text(in.readInt())).isEqualTo("Hà Nội – “tin”");
        assertThat(in.atEnd()).isTrue();
        assertThatThrownBy(in::readInt).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> new KeptBytes(framed, 3, written.length).text(-1)).isInstanceOf(EOFException.class);
    }

    @Test
    void equalBytesGiveTheSharedTextEvenFromAnotherArray() throws Exception {
        FrontMatterCodec.Shared shared = new FrontMatterCodec.Shared();
        byte[] first = "xxBan biên tậpyy".getBytes(StandardCharsets.UTF_8);
        byte[] second = "Ban biên tập".getBytes(StandardCharsets.UTF_8);
        int length = second.length;
        String a = new KeptBytes(first, 2, length).sharedText(length, shared);
        String b = new KeptBytes(second).sharedText(length, shared);
        assertThat(a).isEqualTo("Ban biên tập").isSameAs(b);
        first[2] = 'C'; // the first array reused for other bytes: the shared text does not change
        assertThat(new KeptBytes(first, 2, length).sharedText(length, shared)).isEqualTo("Can biên tập");
        assertThat(new KeptBytes(second).sharedText(length, shared)).isSameAs(a).isEqualTo("Ban biên tập");
    }

    /**
     * Texts as DataOutput.writeUTF wrote them read back equal: plain UTF-8 in place, and the two
     * ways "modified UTF-8" differs from it (a NUL, a character beyond 16 bits) as a data stream
     * reads them; a text cut short throws.
     */
    @Test
    void readsBackWhatWriteUtfWroteIncludingItsModifiedUtf8() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        String vietnamese = "content/2017/hà-nội-mùa-thu.md";
        String withNul = "a\u0000b";
        String beyond = "tin \uD83D\uDCF0 mới"; // a newspaper emoji: two halves of a pair
        out.writeUTF(vietnamese);
        out.writeUTF(withNul);
        out.writeUTF(beyond);
        out.writeUTF("");
        byte[] written = buffer.toByteArray();

        KeptBytes in = new KeptBytes(written);
        assertThat(in.readUTF()).isEqualTo(vietnamese);
        assertThat(in.readUTF()).isEqualTo(withNul);
        assertThat(in.readUTF()).isEqualTo(beyond);
        assertThat(in.readUTF()).isEmpty();
        assertThat(in.atEnd()).isTrue();
        assertThat(in.remaining()).isZero();
        assertThatThrownBy(() -> new KeptBytes(written, 0, 10).readUTF()).isInstanceOf(EOFException.class);
    }
}
