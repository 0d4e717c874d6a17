package dev.hibernateae.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedPlaintextException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The default (nvarchar) string codec writes and reads UTF-16LE itself instead of through the JDK's charset
 * machinery: it must give the JDK's bytes for every string and accept exactly what the JDK's reporting decoder
 * accepts.
 */
class Utf16StringCodecTest {
    private final PlaintextCodec<String> codec = PlaintextCodecs.forType(String.class, CodecOptions.DEFAULTS);
    private final SplittableRandom random = new SplittableRandom(16);

    @Test
    void encodesEveryWellFormedStringAsTheJdkDoes() {
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                int codePoint = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> random.nextInt(0xD800);
                    case 2 -> 0xE000 + random.nextInt(0x2000);  // BOM, private use, U+FFFF
                    default -> 0x10000 + random.nextInt(0x100000);
                };
                text.appendCodePoint(codePoint);
            }
            String value = text.toString();

            byte[] encoded = codec.encode(value);

            assertArrayEquals(value.getBytes(StandardCharsets.UTF_16LE), encoded, value);
            assertEquals(value, codec.decode(encoded));
        }
    }

    @Test
    void decodesExactlyWhatTheJdkReportingDecoderAccepts() {
        int refused = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[2 * random.nextInt(6)];
            for (int i = 0; i < bytes.length; i += 2) {
                // Mostly surrogates, so that lone, reversed and trailing ones all come up.
                int unit = random.nextInt(3) == 0 ? random.nextInt(0x10000) : 0xD800 + random.nextInt(0x800);
                bytes[i] = (byte) unit;
                bytes[i + 1] = (byte) (unit >>> 8);
            }
            String expected;
            try {
                expected = StandardCharsets.UTF_16LE.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                refused++;
                UnsupportedPlaintextException thrown = assertThrows(UnsupportedPlaintextException.class,
                        () -> codec.decode(bytes));
                assertEquals("Decrypted value is not valid UTF-16LE text: the column holds cells of another type or "
                        + "string encoding", thrown.getMessage());
                continue;
            }
            assertEquals(expected, codec.decode(bytes));
        }
        assertTrue(refused > 1_000 && refused < 19_000, "both outcomes were exercised: " + refused);
    }

    @Test
    void refusesAnOddNumberOfBytes() {
        assertThrows(UnsupportedPlaintextException.class, () -> codec.decode(new byte[] {0x41, 0x00, 0x42}));
    }
}
