package dev.hibernateae.samples.clinic;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that asks for what cannot work on ciphertext (such as {@code sort=ssn}) is the client's error: 400 with
 * hibernate-ae's message, which names the attribute and the operation and never a value.
 */
@RestControllerAdvice
public class EncryptedQueryErrors {

    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<Map<String, String>> refused(RuntimeException e) throws RuntimeException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedEncryptedQueryException refused) {
                return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", refused.getMessage()));
            }
        }
        throw e;
    }
}
