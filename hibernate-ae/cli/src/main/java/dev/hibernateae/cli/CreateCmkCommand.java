package dev.hibernateae.cli;

import dev.hibernateae.admin.ColumnMasterKeyInfo;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code create-cmk NAME --key-path PATH [--provider P] [--enclave]}. */
@Command(name = "create-cmk", header = "record a column master key that lives in a key store",
        customSynopsis = "${COMMAND-FULL-NAME} NAME --key-path PATH [--provider PROVIDER] [--enclave]",
        description = {
            "Records column master key NAME: the key itself stays in its key store (for MSSQL_JAVA_KEYSTORE the key",
            "path is the keystore alias). Its metadata is signed with the key, so the key store must hold it.",
            "Other commands use it only once its path is trusted (--trusted-key-paths, or",
            "hibernate.ae.trusted_master_key_paths in the applications' settings and the --config file)."})
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

    CreateCmkCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        ColumnMasterKeyInfo key = lifecycle(keyPath).administration().createColumnMasterKey(
                ColumnMasterKeySpec.named(name).provider(provider).keyPath(keyPath).allowEnclaveComputations(enclave));
        out().println("Created column master key '" + key.name() + "' (provider " + key.providerName()
                + ", key path '" + key.keyPath() + "')");
        return ExitCodes.OK;
    }
}
