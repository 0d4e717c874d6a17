package dev.hibernateae.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hibernateae.api.EncryptionType;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GoldenVectorSmokeTest {
    @Test
    void deterministicHelloMatchesFactsGoldenVector() {
        byte[] cek = new byte[32];
        for (int i = 0; i < 32; i++) {
            cek[i] = (byte) i;
        }
        CellCipher cipher = new CellCipher(CellKey.derive(cek), EncryptionType.DETERMINISTIC);
        byte[] cell = cipher.encrypt("Hello".getBytes(StandardCharsets.UTF_16LE));
        assertArrayEquals(HexFormat.of().parseHex("01bf5c46794b83704788921ff5aa16b30fe3c5fafdc18af77f0e12dd79da7300560db3cf30991b5d5a89ce8e7bf217febc6a680fc01c49dd6cb169731cfbca105e"), cell);
        assertArrayEquals("Hello".getBytes(StandardCharsets.UTF_16LE), cipher.decrypt(cell));
    }
}
