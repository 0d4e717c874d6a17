package dev.hibernateae.cli;

import dev.hibernateae.lifecycle.ColumnRef;
import dev.hibernateae.lifecycle.JobOptions;
import dev.hibernateae.lifecycle.PlaintextColumn;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code encrypt-column}: a column's plaintext text into cells, in place. */
@Command(name = "encrypt-column", header = "encrypt existing plaintext columns in place, online",
        customSynopsis = "${COMMAND-FULL-NAME} --key NAME --column TABLE.COLUMN [--column ...] "
                + "--type deterministic|randomized --java-type JAVA_TYPE [type options] [job options]",
        description = {
            "Encrypts the plaintext of columns that were changed to a binary type holding their values' UTF-8",
            "text (see docs/lifecycle.md for each database's ALTER TABLE), under key name NAME, exactly",
            "as the @Encrypted attribute writes them: give the attribute's type and Java type, and its",
            "@Column length, precision and scale. Applications with @Encrypted whose setting",
            "hibernate.ae.lifecycle.encrypting_columns names the columns read plaintext and cells while it",
            "runs (they see the announcement), and write cells; others refuse the plaintext. Resumable and",
            "verified. Columns with search annotations get their rows' search tokens in the same batches (the",
            "application that maps them must have started once, to register their spec in hae_search_tables)."})
final class EncryptColumnCommand extends KeyCommand {
    @Mixin
    AttributeFlags attribute;

    @Option(names = "--announce-only", description = "only announce the encryption (before deploying the "
            + "application with @Encrypted, so that it reads plaintext too); run without it afterwards")
    boolean announceOnly;

    @Mixin
    JobFlags job;

    EncryptColumnCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        List<ColumnRef> refs = job.columns();
        String keyName = attribute.keyName();
        List<PlaintextColumn> columns = attribute.columns(refs);
        if (announceOnly) {
            lifecycle().announceEncryptionInPlace(keyName, columns);
            out().println("Announced: " + refs + " are being encrypted in place under key name '" + keyName
                    + "'. Deploy the application with @Encrypted and hibernate.ae.lifecycle.encrypting_columns="
                    + refs.stream().map(Object::toString).collect(Collectors.joining(","))
                    + ", then run this command without --announce-only");
            return ExitCodes.OK;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        JobOptions options = job.options(context, cancelled);
        return Interruptible.run(cancelled, () -> JobReports.print(
                lifecycle().encryptInPlace(keyName, columns, options), context));
    }
}
