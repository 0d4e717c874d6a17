package dev.hibernateae.azure.testing;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.hibernateae.azure.AzureKeyVaultProvider;
import dev.hibernateae.azure.testing.VaultKeys.StoredKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * A local HTTPS endpoint on 127.0.0.1 that speaks the subset of the Azure Key Vault keys REST API that the Azure
 * client uses: {@code GET /keys/{name}[/{version}]}, {@code POST /keys/{name}/{version}/wrapkey|unwrapkey|sign|verify},
 * the bearer challenge (401 with {@code WWW-Authenticate}) for a request without the token, Key Vault's JSON errors
 * (404 KeyNotFound, 403 Forbidden). It holds RSA (and EC) key pairs it generates or imports, counts calls per
 * operation, can be stopped and restarted on the same port, and can be told to fail.
 *
 * <p>For tests and benchmarks: {@link #providerBuilder()} gives an {@link AzureKeyVaultProvider} builder set up to
 * trust this endpoint's certificate and host.
 */
public final class LocalKeyVault implements AutoCloseable {
    /** The only bearer token the endpoint accepts; {@link #credential()} hands it out. */
    public static final String TOKEN = "local-key-vault-test-token";
    private static final String CHALLENGE = "Bearer authorization=\"https://login.microsoftonline.com/"
            + "00000000-0000-0000-0000-000000000000\", resource=\"https://vault.azure.net\"";

    /** What a request asked for; {@link #calls} counts each. */
    public enum Operation { CHALLENGE, GET_KEY, WRAP_KEY, UNWRAP_KEY, SIGN, VERIFY }

    private final TestCertificate certificate;
    private final VaultKeys keys = new VaultKeys();
    private final Map<Operation, AtomicInteger> calls = new EnumMap<>(Operation.class);
    private final List<String> requestedScopes = new CopyOnWriteArrayList<>();
    private final Set<String> deniedKeys = ConcurrentHashMap.newKeySet();
    private volatile VaultError injectedFailure;
    private volatile String keyIdVaultUrl;
    private HttpsServer server;
    private ExecutorService executor;
    private int port;

    private LocalKeyVault(TestCertificate certificate) {
        this.certificate = certificate;
        for (Operation operation : Operation.values()) {
            calls.put(operation, new AtomicInteger());
        }
    }

    /** Starts an endpoint on an ephemeral port that presents {@code certificate}. */
    public static LocalKeyVault start(TestCertificate certificate) {
        LocalKeyVault vault = new LocalKeyVault(certificate);
        vault.bind(0);
        return vault;
    }

    /** Starts an endpoint on an ephemeral port that presents the JVM's {@link TestCertificate#shared()}. */
    public static LocalKeyVault start() {
        return start(TestCertificate.shared());
    }

    /** {@code https://127.0.0.1:<port>}. */
    public String vaultUrl() {
        return "https://127.0.0.1:" + port;
    }

    /** Creates a key (or a new current version of it) with a fresh RSA key pair; returns the versioned key URL. */
    public String createRsaKey(String name, int bits) {
        return importKey(name, VaultKeys.generateRsa(bits));
    }

    /** Creates a P-256 EC key, which cannot be a column master key; returns the versioned key URL. */
    public String createEcKey(String name) {
        return importKey(name, VaultKeys.generateEc());
    }

    /** Adds {@code keyPair} as the new current version of key {@code name}; returns the versioned key URL. */
    public String importKey(String name, KeyPair keyPair) {
        return keyId(keys.add(name, keyPair));
    }

    /** The key URL without a version: {@code https://127.0.0.1:<port>/keys/<name>}. */
    public String keyUrl(String name) {
        return vaultUrl() + "/keys/" + name;
    }

    /** The key pair behind a key URL (with or without version), for checks with plain JDK crypto. */
    public KeyPair keyPair(String keyUrl) {
        String[] parts = keyUrl.substring(keyUrl.indexOf("/keys/") + "/keys/".length()).split("/");
        StoredKey key = keys.find(parts[0], parts.length > 1 ? parts[1] : null);
        if (key == null) {
            throw new IllegalArgumentException("No key at " + keyUrl);
        }
        return key.keyPair();
    }

    public void setKeyEnabled(String name, boolean enabled) {
        keys.setEnabled(name, enabled);
    }

    /** Answers 403 Forbidden to every operation on key {@code name}, as a vault does without an access policy. */
    public void denyAccess(String name) {
        deniedKeys.add(name.toLowerCase(Locale.ENGLISH));
    }

    /** Answers every authenticated request with {@code status} and Key Vault error {@code code}. */
    public void failWith(int status, String code) {
        injectedFailure = new VaultError(status, code, "Failure injected by the test");
    }

    /** Makes GET answers name their key under another vault URL, as a hostile or misconfigured vault could. */
    public void reportKeyIdsUnder(String vaultUrl) {
        keyIdVaultUrl = vaultUrl;
    }

    /** Undoes {@link #denyAccess}, {@link #failWith} and {@link #reportKeyIdsUnder}. */
    public void clearFailures() {
        deniedKeys.clear();
        injectedFailure = null;
        keyIdVaultUrl = null;
    }

    public int calls(Operation operation) {
        return calls.get(operation).get();
    }

    public void resetCalls() {
        calls.values().forEach(count -> count.set(0));
    }

    /** The scopes the credential was asked for, one entry per token request. */
    public List<String> requestedScopes() {
        return List.copyOf(requestedScopes);
    }

    /** A credential that hands out {@link #TOKEN} and records the scopes it was asked for. */
    public TokenCredential credential() {
        return request -> {
            requestedScopes.add(String.join(" ", request.getScopes()));
            return Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
        };
    }

    /** An Azure HTTP client (the JDK's) that trusts this endpoint's certificate. */
    public HttpClient httpClient() {
        return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
                .sslContext(certificate.clientContext())
                .connectTimeout(Duration.ofSeconds(5)))
                .build();
    }

    /**
     * A provider builder wired to this endpoint: its credential and HTTP client, 127.0.0.1 trusted, one quick retry,
     * and challenge resource verification off (the challenge names vault.azure.net, which 127.0.0.1 is not under).
     */
    public AzureKeyVaultProvider.Builder providerBuilder() {
        return AzureKeyVaultProvider.builder()
                .credential(credential())
                .httpClient(httpClient())
                .retryOptions(new RetryOptions(new FixedDelayOptions(1, Duration.ofMillis(20))))
                .trustedHosts("127.0.0.1")
                .disableChallengeResourceVerification();
    }

    /** Stops answering: connections are refused until {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Starts answering again on the same port, with the same keys. */
    public synchronized void restart() {
        stop();
        bind(port);
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void bind(int requestedPort) {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), requestedPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + requestedPort, e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "local-key-vault");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            Map<String, Object> body;
            try {
                body = answer(exchange);
            } catch (VaultError e) {
                status = e.status();
                body = Map.of("error", Map.of("code", e.code(), "message", e.getMessage()));
            } catch (RuntimeException e) {
                status = 500;
                body = Map.of("error", Map.of("code", "InternalError", "message", e.getClass().getSimpleName()));
            }
            byte[] json = JsonBodies.write(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, json.length);
            exchange.getResponseBody().write(json);
        }
    }

    private Map<String, Object> answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null || !query.contains("api-version=")) {
            throw new VaultError(400, "BadParameter", "The api-version query parameter is missing");
        }
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            calls.get(Operation.CHALLENGE).incrementAndGet();
            exchange.getResponseHeaders().set("WWW-Authenticate", CHALLENGE);
            throw new VaultError(401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.");
        }
        List<String> path = Arrays.stream(exchange.getRequestURI().getRawPath().split("/"))
                .filter(part -> !part.isEmpty()).toList();
        if (path.size() < 2 || !"keys".equals(path.get(0))) {
            throw new VaultError(404, "NotFound", "This local vault serves /keys only");
        }
        String name = path.get(1);
        boolean get = "GET".equals(exchange.getRequestMethod());
        String version = get ? (path.size() > 2 ? path.get(2) : null) : (path.size() > 3 ? path.get(2) : null);
        Operation operation = get && path.size() <= 3 ? Operation.GET_KEY : operation(path);
        calls.get(operation).incrementAndGet();

        if (injectedFailure != null) {
            throw injectedFailure;
        }
        if (deniedKeys.contains(name.toLowerCase(Locale.ENGLISH))) {
            throw new VaultError(403, "Forbidden", "The caller does not have the needed key permission on this vault");
        }
        StoredKey key = keys.find(name, version);
        if (key == null) {
            throw new VaultError(404, "KeyNotFound", "A key with (name/id) " + name + "/" + version
                    + " was not found in this key vault.");
        }
        if (operation != Operation.GET_KEY && !keys.isEnabled(name)) {
            throw new VaultError(403, "Forbidden", "Operation is not allowed on a disabled key.");
        }
        String kid = keyId(key);
        if (operation == Operation.GET_KEY) {
            return Map.of("key", VaultKeys.publicJwk(key, kid), "attributes", Map.of(
                    "enabled", keys.isEnabled(name), "created", 1_700_000_000L, "updated", 1_700_000_000L,
                    "recoveryLevel", "Recoverable+Purgeable"));
        }
        Map<String, Object> request = JsonBodies.read(exchange.getRequestBody().readAllBytes());
        String algorithm = String.valueOf(request.get("alg"));
        return switch (operation) {
            case WRAP_KEY -> Map.of("kid", kid, "value",
                    JsonBodies.base64Url(VaultKeys.wrap(key, algorithm, JsonBodies.bytes(request, "value"))));
            case UNWRAP_KEY -> Map.of("kid", kid, "value",
                    JsonBodies.base64Url(VaultKeys.unwrap(key, algorithm, JsonBodies.bytes(request, "value"))));
            case SIGN -> Map.of("kid", kid, "value",
                    JsonBodies.base64Url(VaultKeys.sign(key, algorithm, JsonBodies.bytes(request, "value"))));
            case VERIFY -> Map.of("value", VaultKeys.verify(key, algorithm, JsonBodies.bytes(request, "digest"),
                    JsonBodies.bytes(request, "value")));
            default -> throw new IllegalStateException(operation.name());
        };
    }

    private static Operation operation(List<String> path) {
        String last = path.get(path.size() - 1).toLowerCase(Locale.ENGLISH);
        if (path.size() < 3 || path.size() > 4) {
            throw new VaultError(404, "NotFound", "No such operation");
        }
        return switch (last) {
            case "wrapkey" -> Operation.WRAP_KEY;
            case "unwrapkey" -> Operation.UNWRAP_KEY;
            case "sign" -> Operation.SIGN;
            case "verify" -> Operation.VERIFY;
            default -> throw new VaultError(404, "NotFound", "No such operation: " + last);
        };
    }

    private String keyId(StoredKey key) {
        String base = keyIdVaultUrl != null ? keyIdVaultUrl : vaultUrl();
        return base + "/keys/" + key.name() + "/" + key.version();
    }
}
