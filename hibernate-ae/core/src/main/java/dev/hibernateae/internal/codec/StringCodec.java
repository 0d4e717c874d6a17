package dev.hibernateae.internal.codec;

import dev.hibernateae.api.StringEncoding;
import dev.hibernateae.api.UnsupportedPlaintextException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings as nvarchar (UTF-16LE, the default) or UTF-8 varchar. The string is taken exactly as given: no case
 * folding or Unicode normalization, so "é" precomposed and decomposed are different values, as in a {@code _BIN2}
 * collation. Unpaired surrogates are refused because no encoding can carry them and back.
 */
final class StringCodec implements PlaintextCodec<String> {
    private final Charset charset;
    private final int maxLength;

    StringCodec(StringEncoding encoding, int maxLength) {
        this.charset = encoding == StringEncoding.UTF_8 ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16LE;
        this.maxLength = maxLength;
    }

    @Override
    public Class<String> javaType() {
        return String.class;
    }

    @Override
    public byte[] encode(String value) {
        if (maxLength >= 0 && value.length() > maxLength) {
            throw new UnsupportedPlaintextException("String of " + value.length()
                    + " characters is longer than the attribute's length of " + maxLength
                    + "; raise @Column(length) and the column size, or shorten the value");
        }
        requireWellFormed(value);
        return charset == StandardCharsets.UTF_16LE ? encodeUtf16le(value) : value.getBytes(charset);
    }

    @Override
    public String decode(byte[] bytes) {
        if (charset == StandardCharsets.UTF_16LE) {
            return decodeUtf16le(bytes);
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notValidText(charset.name());
        }
    }

    @Override
    public int maxEncodedLength() {
        if (maxLength < 0) {
            return -1;
        }
        // UTF-16: 2 bytes per code unit. UTF-8: at most 3 bytes per code unit (a surrogate pair, 2 units, is 4 bytes).
        return charset == StandardCharsets.UTF_8 ? maxLength * 3 : maxLength * 2;
    }

    /**
     * {@code String.getBytes(UTF_16LE)} makes a new {@code CharsetEncoder}, a char array and two buffers for every
     * value (about 250 bytes of garbage per cell); the code units of a well-formed string are simply copied out.
     */
    private static byte[] encodeUtf16le(String value) {
        byte[] out = new byte[value.length() * 2];
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            out[2 * i] = (byte) c;
            out[2 * i + 1] = (byte) (c >>> 8);
        }
        return out;
    }

    /** As strict as the JDK's reporting decoder (odd lengths and unpaired surrogates refused), without its buffers. */
    private static String decodeUtf16le(byte[] bytes) {
        if ((bytes.length & 1) != 0) {
            throw notValidText("UTF-16LE");
        }
        char[] chars = new char[bytes.length / 2];
        try {
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] & 0xff) << 8);
            }
            for (int i = 0; i < chars.length; i++) {
                if (Character.isHighSurrogate(chars[i]) && i + 1 < chars.length
                        && Character.isLowSurrogate(chars[i + 1])) {
                    i++;
                } else if (Character.isSurrogate(chars[i])) {
                    throw notValidText("UTF-16LE");
                }
            }
            return new String(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static UnsupportedPlaintextException notValidText(String charsetName) {
        return new UnsupportedPlaintextException("Decrypted value is not valid " + charsetName
                + " text: the column holds cells of another type or string encoding");
    }

    private static void requireWellFormed(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new UnsupportedPlaintextException("String has an unpaired UTF-16 surrogate at index " + i
                        + "; it cannot be encoded and decoded back unchanged");
            }
        }
    }
}
