package dev.hibernateae.samples.clinic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.json.BasicJsonParser;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The clinic as a user meets it: the demo, and the REST API over HTTP, on one database per subclass. Each subclass
 * starts the application once ({@link #start}), with a fresh demo keystore in a temporary directory.
 */
abstract class ClinicScenarios {
    /** Spring Boot's own small JSON reader: the same on every Spring Boot line, whatever Jackson serves the API. */
    private static final BasicJsonParser JSON = new BasicJsonParser();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static ConfigurableApplicationContext context;
    static Path keys;
    static String baseUrl;

    /** Starts the clinic on a random port with the given extra arguments (the database). */
    static void start(String... databaseArguments) throws IOException {
        keys = Files.createTempDirectory("clinic-test-keys");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.root=warn", "--hibernate-ae.keystore.location=" + keys.resolve("cmk.p12")));
        arguments.addAll(List.of(databaseArguments));
        context = new SpringApplicationBuilder(ClinicApplication.class).run(arguments.toArray(String[]::new));
        // The port Spring Boot publishes once its web server runs (each Spring Boot line names its server types apart).
        baseUrl = "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    @AfterAll
    static void stop() throws IOException {
        if (context != null) {
            context.close();
            context = null;
        }
        if (keys != null) {
            try (Stream<Path> files = Files.walk(keys)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
            keys = null;
        }
    }

    @Test
    void theDemoStoresFindsAndRefusesAsItSays() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new DemoScript(context, new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
        String output = buffer.toString(StandardCharsets.UTF_8);

        assertTrue(output.contains("1. Stored "), output);
        assertTrue(output.contains("     ssn         795-73-9838  stored as 0x01"), output);
        assertTrue(output.contains("     birth_date  1815-12-10   stored as 0x01"), output);
        assertTrue(output.contains("3. PatientRepository.findBySsn("), output);
        assertTrue(output.contains("   -> patient "), output);
        assertTrue(output.contains("Repository method PatientsBySsnPrefix.findBySsnStartingWith: Query cannot run on"
                .replace(" on", "")), output);
        assertTrue(output.contains("Patient.ssn (DETERMINISTIC, key 'clinic-cek') is used"), output);
        assertTrue(output.contains("Done:"), output);
    }

    @Test
    void patientsAreCreatedReadAndLookedUpBySsn() throws Exception {
        HttpResponse<String> created = post("/patients",
                "{\"ssn\":\"321-54-9876\",\"birthDate\":\"1903-12-28\",\"firstName\":\"John\",\"lastName\":\"Neumann\"}");
        assertEquals(201, created.statusCode(), created.body());
        long id = number(JSON.parseMap(created.body()).get("id"));
        assertEquals("/patients/" + id, created.headers().firstValue("Location").orElseThrow());

        Map<String, Object> read = JSON.parseMap(get("/patients/" + id).body());
        assertEquals("321-54-9876", read.get("ssn"));
        assertEquals("1903-12-28", read.get("birthDate"));

        HttpResponse<String> found = post("/patients/lookup", "{\"ssn\":\"321-54-9876\"}");
        assertEquals(200, found.statusCode(), found.body());
        assertEquals(id, number(JSON.parseMap(found.body()).get("id")));

        assertEquals(404, post("/patients/lookup", "{\"ssn\":\"000-00-0000\"}").statusCode());
        assertEquals(409, post("/patients",
                "{\"ssn\":\"321-54-9876\",\"firstName\":\"Twin\",\"lastName\":\"Neumann\"}").statusCode());
        assertEquals(400, post("/patients/lookup", "{\"ssn\":\"321549876\"}").statusCode());
    }

    @Test
    void theDatabaseHoldsOnlyCiphertext() throws Exception {
        HttpResponse<String> created = post("/patients",
                "{\"ssn\":\"222-33-4444\",\"birthDate\":\"1910-05-22\",\"firstName\":\"Konrad\",\"lastName\":\"Zuse\"}");
        long id = number(JSON.parseMap(created.body()).get("id"));

        Map<String, Object> stored = JSON.parseMap(get("/patients/" + id + "/stored").body());
        assertTrue(((String) stored.get("ssn")).matches("0x01[0-9A-F]{6}…[0-9A-F]{4} \\(81 bytes\\)"),
                stored.toString());
        assertTrue(((String) stored.get("birthDate")).endsWith("(65 bytes)"), stored.toString());
        assertEquals("Zuse", stored.get("lastName"));

        byte[] cell = context.getBean(JdbcTemplate.class)
                .queryForObject("select ssn from patient where id = ?", byte[].class, id);
        String asText = new String(cell, StandardCharsets.UTF_16LE) + new String(cell, StandardCharsets.ISO_8859_1);
        assertFalse(asText.contains("222-33-4444"), "no SSN in clear in the column");
    }

    @Test
    void listsArePagedAndSortedByPlainAttributes() throws Exception {
        post("/patients", "{\"ssn\":\"111-11-1111\",\"firstName\":\"Barbara\",\"lastName\":\"Liskov\"}");
        post("/patients", "{\"ssn\":\"111-11-2222\",\"firstName\":\"Anita\",\"lastName\":\"Liskov\"}");

        Map<String, Object> page = JSON.parseMap(get("/patients?lastName=Liskov&sort=firstName&size=1").body());
        Map<?, ?> first = (Map<?, ?>) ((List<?>) page.get("patients")).get(0);
        assertEquals(2, number(page.get("total")));
        assertEquals("Anita", first.get("firstName"));
        assertEquals("111-11-2222", first.get("ssn"));
    }

    @Test
    void sortingByAnEncryptedAttributeIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> refused = get("/patients?sort=ssn");

        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(((String) JSON.parseMap(refused.body()).get("error"))
                .startsWith("Query cannot run on encrypted data: Patient.ssn"), refused.body());
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long number(Object json) {
        return ((Number) json).longValue();
    }
}
