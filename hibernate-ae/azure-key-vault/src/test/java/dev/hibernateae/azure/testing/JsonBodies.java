package dev.hibernateae.azure.testing;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

/** Reads and writes the local vault's JSON bodies with azure-json, which the Azure client brings anyway. */
final class JsonBodies {
    private JsonBodies() {
    }

    static Map<String, Object> read(byte[] body) {
        if (body.length == 0) {
            return Map.of();
        }
        try (JsonReader reader = JsonProviders.createReader(body)) {
            return reader.readMap(JsonReader::readUntyped);
        } catch (IOException | IllegalStateException e) {
            throw new VaultError(400, "BadParameter", "The request body is not JSON");
        }
    }

    static byte[] write(Map<String, Object> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = JsonProviders.createWriter(out)) {
            writer.writeUntyped(body).flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A base64url field of a request body, such as {@code value} or {@code digest}. */
    static byte[] bytes(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (!(value instanceof String text)) {
            throw new VaultError(400, "BadParameter", "The request has no '" + field + "'");
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new VaultError(400, "BadParameter", "'" + field + "' is not base64url");
        }
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
