package dev.hibernateae.cli;

import dev.hibernateae.admin.ColumnMasterKeyInfo;
import java.util.List;

/** {@code create-cmk NAME --key-path PATH [--provider P] [--enclave]}. */
final class CreateCmkCommand implements Command {
    @Override
    public String name() {
        return "create-cmk";
    }

    @Override
    public String summary() {
        return "record a column master key that lives in a key store";
    }

    @Override
    public String synopsis() {
        return "NAME --key-path PATH [--provider PROVIDER] [--enclave]";
    }

    @Override
    public String description() {
        return "Records column master key NAME: the key itself stays in its key store (for MSSQL_JAVA_KEYSTORE the key\n"
                + "path is the keystore alias). Its metadata is signed with the key, so the key store must hold it.\n"
                + "Other commands use it only once its path is trusted (--trusted-key-paths, or\n"
                + "hibernate.ae.trusted_master_key_paths in the applications' settings and the --config file).";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("key-path", "PATH", "where the key store keeps the key (keystore alias, key URL)"),
                Option.value("provider", "PROVIDER", "key store provider (default MSSQL_JAVA_KEYSTORE)"),
                Option.flag("enclave", "allow enclave computations (recorded and signed, as SQL Server does)"));
    }

    @Override
    public int run(Arguments arguments, Context context) {
        String name = Commands.single(arguments, "a column master key NAME");
        String provider = arguments.value("provider") == null ? "MSSQL_JAVA_KEYSTORE" : arguments.value("provider");
        String keyPath = arguments.required("key-path");
        ColumnMasterKeyInfo key = context.lifecycle(keyPath).administration().createColumnMasterKey(name, provider,
                keyPath, arguments.flag("enclave"));
        context.out.println("Created column master key '" + key.name() + "' (provider " + key.providerName()
                + ", key path '" + key.keyPath() + "')");
        return ExitCodes.OK;
    }
}
