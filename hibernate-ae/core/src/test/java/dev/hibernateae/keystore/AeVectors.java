package dev.hibernateae.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The Microsoft-made vectors in {@code ae.vectors.dir}: mssql-jdbc 13.6.2 wrapped these keys and signed this metadata. */
final class AeVectors {
    record WrappedKey(String keyPath, String algorithm, byte[] cek, byte[] encryptedValue) {
    }

    record CmkSignature(String keyPath, boolean allowEnclaveComputations, byte[] signature) {
    }

    private static final JsonNode ROOT = read();

    private AeVectors() {
    }

    static Path directory() {
        String directory = System.getProperty("ae.vectors.dir");
        if (directory == null) {
            throw new IllegalStateException("System property ae.vectors.dir is not set; run the tests with Maven");
        }
        return Path.of(directory);
    }

    static Path keystore() {
        return directory().resolve(ROOT.path("keystore").path("file").asText());
    }

    static char[] password() {
        return ROOT.path("keystore").path("password").asText().toCharArray();
    }

    static String providerName() {
        return ROOT.path("keystore").path("providerName").asText();
    }

    static List<WrappedKey> wrappedKeys() {
        List<WrappedKey> keys = new ArrayList<>();
        for (JsonNode node : ROOT.path("wrappedKeys")) {
            keys.add(new WrappedKey(node.path("keyPath").asText(), node.path("algorithm").asText(),
                    hex(node, "cek"), hex(node, "encryptedValue")));
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("No wrappedKeys in the vectors");
        }
        return keys;
    }

    /** The first wrapped key whose path is exactly {@code keyPath}. */
    static WrappedKey wrappedKey(String keyPath) {
        return wrappedKeys().stream().filter(key -> key.keyPath().equals(keyPath)).findFirst().orElseThrow();
    }

    static List<CmkSignature> cmkSignatures() {
        List<CmkSignature> signatures = new ArrayList<>();
        for (JsonNode node : ROOT.path("cmkSignatures")) {
            signatures.add(new CmkSignature(node.path("keyPath").asText(),
                    node.path("allowEnclaveComputations").asBoolean(), hex(node, "signature")));
        }
        if (signatures.isEmpty()) {
            throw new IllegalStateException("No cmkSignatures in the vectors");
        }
        return signatures;
    }

    private static byte[] hex(JsonNode node, String field) {
        return HexFormat.of().parseHex(node.path(field).asText());
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Files.readString(directory().resolve("ae-vectors.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
