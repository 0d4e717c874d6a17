package dev.hibernateae.azure.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed TLS certificate for 127.0.0.1 (subject alternative name {@code ip:127.0.0.1}), made by the JDK's
 * keytool: the Azure client insists on HTTPS, and the JDK's HTTP client checks the name. Gives the server side's and
 * the client side's {@link SSLContext}; the client trusts this certificate only.
 */
public final class TestCertificate {
    private static final String ALIAS = "local-key-vault";
    private static TestCertificate shared;

    private final X509Certificate certificate;
    private final SSLContext serverContext;
    private final SSLContext clientContext;

    private TestCertificate(X509Certificate certificate, SSLContext serverContext, SSLContext clientContext) {
        this.certificate = certificate;
        this.serverContext = serverContext;
        this.clientContext = clientContext;
    }

    /** Generates the key pair and certificate into a PKCS12 file in {@code directory} (a test's temporary folder). */
    public static TestCertificate create(Path directory) {
        char[] password = randomPassword();
        Path keystore = directory.resolve(ALIAS + ".p12");
        runKeytool(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "7",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", new String(password), "-keypass", new String(password), "-noprompt"));
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password);
            X509Certificate certificate = (X509Certificate) keys.getCertificate(ALIAS);

            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(keyManagers.getKeyManagers(), null, null);

            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, certificate);
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, trustManagers.getTrustManagers(), null);
            return new TestCertificate(certificate, server, client);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the test certificate made by keytool in " + keystore, e);
        }
    }

    /**
     * One certificate for the whole JVM, so that test classes and benchmarks do not each wait for keytool. Its
     * temporary files are deleted once loaded: the contexts live in memory.
     */
    public static synchronized TestCertificate shared() {
        if (shared == null) {
            Path directory = null;
            try {
                directory = Files.createTempDirectory("test-certificate");
                shared = create(directory);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot make a temporary directory for the test certificate", e);
            } finally {
                deleteQuietly(directory);
            }
        }
        return shared;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Presents the certificate: for the local HTTPS endpoint. */
    public SSLContext serverContext() {
        return serverContext;
    }

    /** Trusts the certificate and nothing else: for the client under test. */
    public SSLContext clientContext() {
        return clientContext;
    }

    private static void runKeytool(List<String> command) {
        try {
            Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = keytool.getInputStream().readAllBytes();
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                keytool.destroyForcibly();
                throw new IllegalStateException("keytool could not make the test certificate: "
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run keytool from " + System.getProperty("java.home"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while keytool made the test certificate", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var files = Files.walk(directory)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Only a temporary directory left behind.
        }
    }

    private static char[] randomPassword() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random).toCharArray();
    }
}
