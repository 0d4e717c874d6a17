package dev.hibernateae.cli;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeyInfo;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.admin.Provisioned;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code create-cmk NAME --key-path PATH [--provider P] [--enclave] [--if-missing]}. */
@Command(name = "create-cmk", header = "record a column master key that lives in a key store",
        customSynopsis = "${COMMAND-FULL-NAME} NAME --key-path PATH [--provider PROVIDER] [--enclave] [--if-missing]",
        description = {
            "Records column master key NAME: the key itself stays in its key store (for MSSQL_JAVA_KEYSTORE the key",
            "path is the keystore alias). Its metadata is signed with the key, so the key store must hold it.",
            "Other commands use it only once its path is trusted (--trusted-key-paths, or",
            "hibernate.ae.trusted_master_key_paths in the applications' settings and the --config file).",
            "With --if-missing, an existing key of that name is fine if it has the same provider, key path (both",
            "compared without regard to case) and enclave flag and its metadata signature verifies; one that",
            "differs is an error (exit 1) naming each difference, and is left as it is."})
final class CreateCmkCommand extends KeyCommand {
    @Parameters(paramLabel = "NAME", description = "the column master key's name")
    String name;

    @Option(names = "--key-path", required = true, paramLabel = "PATH", description = "where the key store keeps the "
            + "key (keystore alias, key URL)")
    String keyPath;

    @Option(names = "--provider", paramLabel = "PROVIDER", defaultValue = "MSSQL_JAVA_KEYSTORE",
            description = "key store provider (default ${DEFAULT-VALUE})")
    String provider;

    @Option(names = "--enclave", description = "allow enclave computations (recorded and signed, as SQL Server does)")
    boolean enclave;

    @Option(names = "--if-missing", description = "succeed without creating anything when the key exists as asked")
    boolean ifMissing;

    CreateCmkCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        ColumnMasterKeySpec spec = ColumnMasterKeySpec.named(name).provider(provider).keyPath(keyPath)
                .allowEnclaveComputations(enclave);
        ColumnKeyAdministration admin = lifecycle(keyPath).administration();
        if (ifMissing) {
            Provisioned<ColumnMasterKeyInfo> ensured = admin.ensureColumnMasterKey(spec);
            out().println(ensured.created()
                    ? "Created column master key '" + name + "' " + describe(ensured.key())
                    : "Column master key '" + name + "' already exists as asked " + describe(ensured.key()));
            return ExitCodes.OK;
        }
        out().println("Created column master key '" + name + "' " + describe(admin.createColumnMasterKey(spec)));
        return ExitCodes.OK;
    }

    private static String describe(ColumnMasterKeyInfo key) {
        return "(provider " + key.providerName() + ", key path '" + key.keyPath() + "'"
                + (key.allowEnclaveComputations() ? ", enclave computations allowed" : "") + ")";
    }
}
