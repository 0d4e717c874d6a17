package dev.hibernateae.keystore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the JDK's {@code keytool}, as a user would to make a keystore. */
final class Keytool {
    private Keytool() {
    }

    static void run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool did not finish: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed (" + process.exitValue() + "): " + command + "\n"
                        + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running keytool", e);
        }
    }

    /** A new RSA-2048 key pair with a self-signed certificate under {@code alias}. */
    static void generateRsaKeyPair(Path keystore, String storeType, String alias, String password) {
        run("-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", alias, "-dname", "CN=" + alias,
                "-validity", "365", "-keystore", keystore.toString(), "-storetype", storeType,
                "-storepass", password, "-keypass", password);
    }
}
