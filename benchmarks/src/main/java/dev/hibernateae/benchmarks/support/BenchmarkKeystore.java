package dev.hibernateae.benchmarks.support;

import dev.hibernateae.api.EncryptionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PKCS12 keystore with one RSA-2048 column master key (alias {@value #ALIAS}) made by the JDK's keytool in a
 * temporary directory, so the benchmarks run the real key hierarchy ({@code MSSQL_JAVA_KEYSTORE}) without any file
 * from outside the repository. Its password is random and never printed.
 */
public final class BenchmarkKeystore {
    public static final String ALIAS = "cmk1";

    private final Path file;
    private final String password;

    private BenchmarkKeystore(Path file, String password) {
        this.file = file;
        this.password = password;
    }

    public static BenchmarkKeystore create() {
        try {
            Path directory = Files.createTempDirectory("hae-bench-keys");
            Path file = directory.resolve("cmk.p12");
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Process keytool = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                    "-dname", "CN=" + ALIAS, "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", password, "-keypass", password, "-noprompt"))
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool could not create the benchmark keystore: " + output);
            }
            file.toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
            return new BenchmarkKeystore(file, password);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the benchmark keystore", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the benchmark keystore", e);
        }
    }

    /** The hibernate-ae settings of the {@code MSSQL_JAVA_KEYSTORE} provider for this keystore. */
    public Map<String, Object> settings() {
        return Map.of(EncryptionSettings.KEYSTORE_LOCATION, file.toString(),
                EncryptionSettings.KEYSTORE_PASSWORD, password, EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, ALIAS);
    }
}
