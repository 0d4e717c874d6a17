package dev.hibernateae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.lifecycle.JobOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line itself, without a database: where each connection setting comes from (flag, else environment
 * variable, else the --config file, else its default), what a wrong command line prints and exits with, the help
 * of every command, and the shell completion script.
 */
class CliOptionsTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path directory;

    /** What list-keys would connect with, parsed exactly as a run parses, with {@code env} as the environment. */
    private static ConnectionSettings settings(Map<String, String> env, String... options) {
        List<String> args = new ArrayList<>(List.of("list-keys"));
        args.addAll(Arrays.asList(options));
        CommandLine.ParseResult parsed = Main.commandLine(new Context(NOWHERE, NOWHERE, env))
                .parseArgs(args.toArray(String[]::new));
        ListKeysCommand command = (ListKeysCommand) parsed.subcommand().commandSpec().userObject();
        return ConnectionSettings.resolve(command.connection, env);
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(directory.resolve(name), text);
    }

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverTheFileWhichWinsOverTheDefault() throws Exception {
        Path config = file("hae.properties", """
                url=jdbc:h2:mem:from_file
                user=file_user
                password=file_password
                hibernate.ae.keystore.location=/file/keystore.p12
                hibernate.ae.keystore.type=JKS
                hibernate.ae.trusted_master_key_paths=file_path
                hibernate.ae.providers=FROM_FILE
                """);
        Map<String, String> env = Map.of("HAE_CONFIG", config.toString(), "HAE_URL", "jdbc:h2:mem:from_env",
                "HAE_KEYSTORE", "/env/keystore.p12", "HAE_PASSWORD", "env_password");

        ConnectionSettings resolved = settings(env, "--url", "jdbc:h2:mem:from_flag");
        assertEquals("jdbc:h2:mem:from_flag", resolved.url, "flag over environment and file");
        assertEquals("/env/keystore.p12", resolved.settings.get(EncryptionSettings.KEYSTORE_LOCATION),
                "environment over file");
        assertEquals("file_user", resolved.user, "file when neither flag nor environment");
        assertEquals("JKS", resolved.settings.get(EncryptionSettings.KEYSTORE_TYPE), "file over default");
        assertEquals("file_path", resolved.settings.get(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS));
        assertEquals("FROM_FILE", resolved.settings.get("hibernate.ae.providers"), "other hibernate.ae.* settings");
        assertEquals("env_password", resolved.password, "HAE_PASSWORD over the file's password");

        assertEquals("jdbc:h2:mem:from_env", settings(env).url, "environment over file");
        assertEquals("jdbc:h2:mem:from_file", settings(Map.of("HAE_CONFIG", config.toString())).url);
        assertEquals("file_password", settings(Map.of("HAE_CONFIG", config.toString())).password);

        ConnectionSettings defaults = settings(Map.of("HAE_URL", "jdbc:h2:mem:only_this"));
        assertNull(defaults.user, "no user by default");
        assertNull(defaults.password, "no password by default");
        assertFalse(defaults.settings.containsKey(EncryptionSettings.KEYSTORE_TYPE), "the key store's own default");
    }

    @Test
    void theFileIsTheOneConfigNamesElseHaeConfigAndItsKeysAreTriedInOrder() throws Exception {
        Path named = file("named.properties", "hibernate.connection.url=jdbc:h2:mem:hibernate_key\n"
                + "jakarta.persistence.jdbc.url=jdbc:h2:mem:jakarta_key\njakarta.persistence.jdbc.user=jakarta_user\n");
        Path fromEnv = file("env.properties", "url=jdbc:h2:mem:env_file\n");
        Map<String, String> env = Map.of("HAE_CONFIG", fromEnv.toString());
        assertEquals("jdbc:h2:mem:env_file", settings(env).url);
        ConnectionSettings resolved = settings(env, "--config", named.toString());
        assertEquals("jdbc:h2:mem:hibernate_key", resolved.url, "--config over HAE_CONFIG; url, then hibernate.*");
        assertEquals("jakarta_user", resolved.user, "then jakarta.persistence.*");
        assertEquals("jdbc:h2:mem:env_file", settings(Map.of(), "--config=" + fromEnv).url, "--name=value works");
    }

    @Test
    void valuesAreTakenAsTheyAreAndSetWinsOverEverything() {
        Map<String, String> env = Map.of("HAE_URL", "jdbc:h2:mem:a$b;x=${user}", "HAE_TRUSTED_KEY_PATHS", "env_path");
        ConnectionSettings resolved = settings(env, "--set", EncryptionSettings.TRUSTED_MASTER_KEY_PATHS + "=set_path");
        assertEquals("jdbc:h2:mem:a$b;x=${user}", resolved.url, "no variable expansion in what the environment gives");
        assertEquals("set_path", resolved.settings.get(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS));
        assertEquals("env_path", settings(env).settings.get(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS));
    }

    @Test
    void passwordsComeFromTheVariableOrFileNamedAndOnlyOne() throws Exception {
        Map<String, String> env = Map.of("HAE_URL", "jdbc:h2:mem:x", "HAE_PASSWORD", "default", "MINE", "mine",
                "HAE_KEYSTORE_PASSWORD", "keystore");
        assertEquals("mine", settings(env, "--password-env", "MINE").password);
        Path file = file("password", "from file\n");
        assertEquals("from file", settings(env, "--password-file", file.toString()).password, "last newline dropped");
        assertEquals("keystore", settings(env).settings.get(EncryptionSettings.KEYSTORE_PASSWORD));
        assertEquals("mine", settings(env, "--keystore-password-env", "MINE").settings
                .get(EncryptionSettings.KEYSTORE_PASSWORD));
        ConfigurationException unset = assertThrows(ConfigurationException.class,
                () -> settings(env, "--password-env", "NO_SUCH_VARIABLE"));
        assertTrue(unset.getMessage().contains("NO_SUCH_VARIABLE") && unset.getMessage().contains("--password-env"),
                unset.getMessage());

        CliRun both = CliRun.of(env, List.of(), "list-keys", "--password-env", "MINE", "--password-file",
                file.toString());
        assertEquals(ExitCodes.USAGE, both.exitCode(), both.toString());
        assertTrue(both.err().contains("--password-env") && both.err().contains("mutually exclusive"), both.err());
    }

    @Test
    void aMisspeltOrBadSettingIsAConfigurationErrorNamingItAndNeverItsValue() throws Exception {
        Map<String, String> env = Map.of("HAE_URL", "jdbc:h2:mem:misspelt");
        CliRun misspelt = CliRun.of(env, List.of(), "status", "--set",
                "hibernate.ae.keystore.pasword=s3cret-value");
        assertEquals(ExitCodes.CONFIGURATION, misspelt.exitCode(), misspelt.toString());
        assertTrue(misspelt.err().contains("hibernate.ae.keystore.pasword")
                && misspelt.err().contains(EncryptionSettings.KEYSTORE_PASSWORD), misspelt.err());
        assertFalse(misspelt.toString().contains("s3cret-value"), misspelt.toString());

        Path config = file("bad.properties", EncryptionSettings.KEY_CACHE_TTL + "=soon\n");
        CliRun bad = CliRun.of(env, List.of(), "status", "--config", config.toString());
        assertEquals(ExitCodes.CONFIGURATION, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains(EncryptionSettings.KEY_CACHE_TTL) && bad.err().contains("soon"), bad.err());
    }

    @Test
    void aMissingDatabaseNamesTheFlagTheVariableAndTheFileKey() {
        CliRun run = CliRun.of(Map.of(), List.of(), "status");
        assertEquals(ExitCodes.CONFIGURATION, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--url") && run.err().contains("HAE_URL") && run.err().contains("url=...")
                && run.err().contains("--config"), run.err());

        CliRun unreadable = CliRun.of(Map.of("HAE_URL", "jdbc:h2:mem:x"), List.of(), "status", "--config",
                directory.resolve("missing.properties").toString());
        assertEquals(ExitCodes.CONFIGURATION, unreadable.exitCode(), unreadable.toString());
        assertTrue(unreadable.err().contains("missing.properties"), unreadable.err());
    }

    @Test
    void anUnknownOptionIsAUsageErrorThatNamesItAndNeverEchoesItsValue() {
        CliRun colour = CliRun.of(Map.of(), List.of(), "list-keys", "--colour");
        assertEquals(ExitCodes.USAGE, colour.exitCode());
        assertTrue(colour.err().contains("Unknown option --colour"), colour.err());
        assertTrue(colour.err().contains("hibernate-ae-cli list-keys --help"), "says where to look: " + colour.err());

        for (List<String> args : List.of(List.of("--password", "hunter2"), List.of("--password=hunter2"),
                List.of("--keystore-password", "hunter2", "--colour"))) {
            List<String> all = new ArrayList<>(List.of("rotate-cmk", "--from", "a", "--to", "b"));
            all.addAll(args);
            CliRun run = CliRun.of(Map.of(), List.of(), all.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
            assertTrue(run.err().contains("Unknown option " + args.get(0).replaceFirst("=.*", "")), run.err());
            assertTrue(run.err().contains("--password-env") || run.err().contains("--keystore-password-env"),
                    "suggests the options that exist: " + run.err());
            assertFalse((run.out() + run.err()).contains("hunter2"), run.toString());
        }
        CliRun secretInSet = CliRun.of(Map.of("HAE_URL", "jdbc:h2:mem:set"), List.of(), "status", "--set",
                "hibernate.ae.keystore.password:hunter2");
        assertEquals(ExitCodes.USAGE, secretInSet.exitCode(), secretInSet.toString());
        assertFalse(secretInSet.err().contains("hunter2"), secretInSet.err());
    }

    @Test
    void badValuesAndMissingOptionsAreUsageErrors() {
        Map<String, Object[]> cases = new HashMap<>();
        cases.put("--cmk", new Object[] {"create-cek", "cek1"});
        cases.put("--batch-size", new Object[] {"rotate-cek", "--key", "a", "--to", "b", "--batch-size", "many"});
        cases.put("--wait", new Object[] {"rotate-cek", "--key", "a", "--to", "b", "--wait", "soon"});
        cases.put("--type", new Object[] {"encrypt-column", "--key", "a", "--column", "t.c", "--java-type",
            "string"});
        cases.put("--java-type", new Object[] {"encrypt-column", "--key", "a", "--column", "t.c", "--type",
            "randomized", "--java-type", "money"});
        cases.put("--key-columns", new Object[] {"rotate-cek", "--key", "a", "--to", "b", "--key-columns", "t"});
        cases.put("--url", new Object[] {"status", "--url"});
        cases.put("NAME", new Object[] {"drop-cek"});
        cases.put("'rotate'", new Object[] {"rotate"});
        cases.forEach((named, args) -> {
            CliRun run = CliRun.of(Map.of(), List.of(), Arrays.copyOf(args, args.length, String[].class));
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
            assertTrue(run.err().contains(named) && run.err().contains("Usage: hibernate-ae-cli"), run.toString());
        });
        assertEquals(ExitCodes.USAGE, CliRun.of(Map.of(), List.of()).exitCode(), "no command");
    }

    @Test
    void everyCommandHasHelpThatExitsZero() {
        CommandLine tool = Main.commandLine(new Context(NOWHERE, NOWHERE, Map.of()));
        assertTrue(tool.getSubcommands().keySet().containsAll(List.of("create-cmk", "create-cek", "drop-cek",
                "list-keys", "rotate-cmk", "rotate-cek", "encrypt-column", "decrypt-column", "status",
                "authenticate-records", "help", "generate-completion")), tool.getSubcommands().keySet().toString());
        for (String command : tool.getSubcommands().keySet()) {
            for (String help : List.of("--help", "-h")) {
                CliRun run = CliRun.of(Map.of(), List.of(), command, help);
                assertEquals(ExitCodes.OK, run.exitCode(), command + " " + help + ": " + run);
                assertTrue(run.out().contains("Usage: hibernate-ae-cli " + command), run.out());
                assertEquals("", run.err(), command);
            }
            CliRun viaHelp = CliRun.of(Map.of(), List.of(), "help", command);
            assertEquals(ExitCodes.OK, viaHelp.exitCode(), viaHelp.toString());
            assertTrue(viaHelp.out().contains("Usage: hibernate-ae-cli " + command), viaHelp.out());
        }
        assertEquals(ExitCodes.OK, CliRun.of(Map.of(), List.of(), "--help").exitCode());
    }

    @Test
    void theHelpSaysWhereEachSettingComesFromAndTheJobDefaults() {
        CommandLine listKeys = Main.commandLine(new Context(NOWHERE, NOWHERE, Map.of())).getSubcommands()
                .get("list-keys");
        for (Setting setting : Setting.values()) {
            OptionSpec option = listKeys.getCommandSpec().findOption(setting.option);
            String description = String.join(" ", option.description());
            if (setting.variable != null) {
                assertTrue(description.contains("env " + setting.variable), setting + ": " + description);
            }
            setting.fileKeys.forEach(key -> assertTrue(description.contains(key), setting + ": " + description));
        }
        String help = CliRun.of(Map.of(), List.of(), "rotate-cek", "--help").out();
        JobOptions defaults = JobOptions.DEFAULTS;
        for (String stated : List.of("rows per batch and transaction (default " + defaults.batchSize() + ")",
                "(default " + defaults.partitions() + ")", "(default " + defaults.workers() + ")",
                "(default " + JobOptions.DEFAULT_WAIT.toSeconds() + " s", "(default " + defaults.lease().toSeconds()
                        + " s)")) {
            assertTrue(help.contains(stated), stated + " in\n" + help);
        }
        assertTrue(help.contains("Connection and key store") && help.contains("Exit codes:"), help);
    }

    @Test
    void generateCompletionPrintsABashScriptThatCompletesCommandsAndValues() throws Exception {
        CliRun run = CliRun.of(Map.of(), List.of(), "generate-completion");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("#!/usr/bin/env bash"), run.out());
        assertTrue(run.out().contains("complete -F _complete_hibernate-ae-cli"), "registers the function");
        Path script = Files.writeString(directory.resolve("hibernate-ae-cli.bash"), run.out());
        assertEquals("rotate-cmk rotate-cek", complete(script, "rot"));
        assertEquals("deterministic randomized", complete(script, "encrypt-column", "--type", ""));
    }

    /** What bash offers after {@code hibernate-ae-cli WORDS}, the last word being completed. */
    private static String complete(Path script, String... words) throws Exception {
        String line = "hibernate-ae-cli " + String.join(" ", words);
        String program = "source '" + script + "'\nCOMP_WORDS=(hibernate-ae-cli" + Arrays.stream(words)
                .map(w -> " '" + w + "'").reduce("", String::concat) + ")\nCOMP_CWORD=" + words.length
                + "\nCOMP_LINE='" + line + "'\nCOMP_POINT=" + line.length()
                + "\n_complete_hibernate-ae-cli 2>/dev/null\necho \"${COMPREPLY[*]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash finishes");
        return new String(bash.getInputStream().readAllBytes()).trim();
    }
}
