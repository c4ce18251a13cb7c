package dev.picket.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The validator agrees with the JDK's strict UTF-8 decoder. */
class Utf8Test {

    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Every first and second byte; the third at the edges of each byte class. */
    private static final int[] EDGES = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};

    @Test
    void agreesWithTheJdkOnEveryOneAndTwoByteSequenceAndOnThreeByteEdges() {
        for (int a = 0; a < 256; a++) {
            assertAgrees(new byte[] {(byte) a});
            for (int b = 0; b < 256; b++) {
                assertAgrees(new byte[] {(byte) a, (byte) b});
                for (int c : EDGES) {
                    assertAgrees(new byte[] {(byte) a, (byte) b, (byte) c});
                }
            }
        }
    }

    @Test
    void agreesWithTheJdkOnFourByteSequencesAndMixedText() {
        SplittableRandom random = new SplittableRandom(42);
        byte[] four = new byte[4];
        for (int lead = 0xF0; lead < 0x100; lead++) {
            for (int second = 0; second < 256; second++) {
                four[0] = (byte) lead;
                four[1] = (byte) second;
                four[2] = (byte) (0x80 + random.nextInt(0x41));
                four[3] = (byte) (0x80 + random.nextInt(0x41));
                assertAgrees(four);
            }
        }
        for (int n = 0; n < 20_000; n++) {
            byte[] text = new byte[random.nextInt(1, 40)];
            for (int i = 0; i < text.length; i++) {
                text[i] = (byte) (random.nextInt(10) < 7 ? random.nextInt(0x20, 0x7F) : random.nextInt(0x80, 0x100));
            }
            assertAgrees(text);
        }
    }

    @Test
    void findsTheFirstBadByteAfterALongAsciiRun() {
        byte[] text = "{\"message\":\"a long ascii run before the bad byte\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        text[40] = (byte) 0xFF;

        assertThat(Utf8.firstInvalid(text, 0, text.length)).isEqualTo(40);
        assertThat(Utf8.firstInvalid(text, 0, 40)).isEqualTo(-1);
    }

    private void assertAgrees(byte[] bytes) {
        boolean jdkValid;
        try {
            strict.decode(ByteBuffer.wrap(bytes));
            jdkValid = true;
        } catch (CharacterCodingException e) {
            jdkValid = false;
        }
        if ((Utf8.firstInvalid(bytes, 0, bytes.length) < 0) != jdkValid) {
            throw new AssertionError("disagrees with the JDK on " + HexFormat.ofDelimiter(" ").formatHex(bytes));
        }
    }
}
