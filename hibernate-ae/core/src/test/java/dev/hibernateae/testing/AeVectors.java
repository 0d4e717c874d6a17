package dev.hibernateae.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hibernateae.api.EncryptionType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The vectors that Microsoft's driver (mssql-jdbc 13.6.2) made, read from {@code ae-vectors.json}: encrypted cells,
 * the PKCS12 keystore holding the column master keys, CEKs wrapped by those keys, and CMK metadata signatures.
 *
 * <p>The directory comes from the system property {@value #DIRECTORY_PROPERTY} (Maven's surefire sets it), else
 * the first {@code hibernate-ae/core/src/test/resources/vectors} found walking up from the working directory.
 */
public final class AeVectors {
    /** System property naming the directory that holds {@value #FILE_NAME}. */
    public static final String DIRECTORY_PROPERTY = "ae.vectors.dir";
    /** Where the repository carries the vectors, from its root. */
    static final String IN_REPOSITORY = "hibernate-ae/core/src/test/resources/vectors";
    public static final String FILE_NAME = "ae-vectors.json";

    private static final HexFormat HEX = HexFormat.of();
    private static volatile AeVectors shared;

    private final Path directory;
    private final String source;
    private final List<Cell> cells;
    private final Keystore keystore;
    private final List<WrappedKey> wrappedKeys;
    private final List<CmkSignature> cmkSignatures;

    /** One encrypted cell: the column encryption key, the plaintext bytes and the cell mssql-jdbc wrote. */
    public record Cell(EncryptionType type, byte[] cek, byte[] plaintext, byte[] ciphertext) {
        /** Names the cell by type and plaintext length only; never shows key or value bytes. */
        @Override
        public String toString() {
            return type + " cell of a " + plaintext.length + "-byte plaintext";
        }
    }

    /** The PKCS12 keystore that holds the column master keys (aliases are the key paths). */
    public record Keystore(Path file, char[] password, String providerName) {
        @Override
        public String toString() {
            return "Keystore[" + file + ", provider " + providerName + "]";
        }
    }

    /** A CEK wrapped by the column master key at {@code keyPath}: the encrypted value SQL Server stores. */
    public record WrappedKey(String keyPath, String algorithm, byte[] cek, byte[] encryptedValue) {
        @Override
        public String toString() {
            return "WrappedKey[" + keyPath + ", " + algorithm + ", " + encryptedValue.length + " bytes]";
        }
    }

    /** The signature of a column master key's metadata (provider name, key path, enclave flag). */
    public record CmkSignature(String keyPath, boolean allowEnclaveComputations, byte[] signature) {
        @Override
        public String toString() {
            return "CmkSignature[" + keyPath + ", enclave " + allowEnclaveComputations + "]";
        }
    }

    private AeVectors(Path directory, JsonNode root) {
        this.directory = directory;
        this.source = root.path("source").asText();
        this.cells = readCells(root);
        JsonNode ks = required(root, "keystore");
        this.keystore = new Keystore(directory.resolve(text(ks, "file")), text(ks, "password").toCharArray(),
                text(ks, "providerName"));
        this.wrappedKeys = readWrappedKeys(root);
        this.cmkSignatures = readCmkSignatures(root);
    }

    /** The vectors, read once per JVM. */
    public static AeVectors load() {
        AeVectors vectors = shared;
        if (vectors == null) {
            synchronized (AeVectors.class) {
                vectors = shared;
                if (vectors == null) {
                    vectors = read(locateDirectory());
                    shared = vectors;
                }
            }
        }
        return vectors;
    }

    /** Reads {@value #FILE_NAME} from the given directory. */
    public static AeVectors read(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            return new AeVectors(directory, new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the AE vectors " + file.toAbsolutePath(), e);
        }
    }

    static Path locateDirectory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Paths.get(configured);
            if (!Files.isRegularFile(dir.resolve(FILE_NAME))) {
                throw new IllegalStateException("System property " + DIRECTORY_PROPERTY + " = " + configured
                        + " names no directory holding " + FILE_NAME + "; point it at " + IN_REPOSITORY);
            }
            return dir;
        }
        Path start = Paths.get("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve(IN_REPOSITORY), dir.resolve("src/test/resources/vectors")}) {
                if (Files.isRegularFile(candidate.resolve(FILE_NAME))) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("Cannot find the AE vectors: system property " + DIRECTORY_PROPERTY
                + " is not set and no " + IN_REPOSITORY + "/" + FILE_NAME + " lies above " + start
                + "; run the tests through Maven or pass -D" + DIRECTORY_PROPERTY + "=<path to the vectors>");
    }

    public Path directory() {
        return directory;
    }

    /** Which driver and classes made the vectors. */
    public String source() {
        return source;
    }

    public List<Cell> cells() {
        return cells;
    }

    public List<Cell> cells(EncryptionType type) {
        return cells.stream().filter(c -> c.type() == type).toList();
    }

    public Keystore keystore() {
        return keystore;
    }

    public List<WrappedKey> wrappedKeys() {
        return wrappedKeys;
    }

    public List<CmkSignature> cmkSignatures() {
        return cmkSignatures;
    }

    private static List<Cell> readCells(JsonNode root) {
        List<Cell> out = new ArrayList<>();
        for (JsonNode c : required(root, "cells")) {
            out.add(new Cell(EncryptionType.valueOf(text(c, "type")), hex(c, "cek"), hex(c, "plaintext"),
                    hex(c, "ciphertext")));
        }
        return List.copyOf(out);
    }

    private static List<WrappedKey> readWrappedKeys(JsonNode root) {
        List<WrappedKey> out = new ArrayList<>();
        for (JsonNode w : required(root, "wrappedKeys")) {
            out.add(new WrappedKey(text(w, "keyPath"), text(w, "algorithm"), hex(w, "cek"), hex(w, "encryptedValue")));
        }
        return List.copyOf(out);
    }

    private static List<CmkSignature> readCmkSignatures(JsonNode root) {
        List<CmkSignature> out = new ArrayList<>();
        for (JsonNode s : required(root, "cmkSignatures")) {
            JsonNode flag = required(s, "allowEnclaveComputations");
            if (!flag.isBoolean()) {
                throw new IllegalStateException("AE vectors: allowEnclaveComputations must be true or false");
            }
            out.add(new CmkSignature(text(s, "keyPath"), flag.booleanValue(), hex(s, "signature")));
        }
        return List.copyOf(out);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("AE vectors: field '" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new IllegalStateException("AE vectors: field '" + field + "' must be a string");
        }
        return value.textValue();
    }

    private static byte[] hex(JsonNode node, String field) {
        return HEX.parseHex(text(node, field));
    }
}
