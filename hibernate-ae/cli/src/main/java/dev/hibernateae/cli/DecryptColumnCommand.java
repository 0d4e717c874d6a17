package dev.hibernateae.cli;

import dev.hibernateae.lifecycle.ColumnRef;
import dev.hibernateae.lifecycle.JobOptions;
import dev.hibernateae.lifecycle.PlaintextColumn;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code decrypt-column}: a column's cells back into plaintext text, in place; {@code --forget} afterwards. */
@Command(name = "decrypt-column", header = "decrypt encrypted columns back to plaintext in place, online",
        customSynopsis = "${COMMAND-FULL-NAME} --key NAME --column TABLE.COLUMN [--column ...] "
                + "--type deterministic|randomized --java-type JAVA_TYPE [type options] [job options] "
                + "| --forget --column TABLE.COLUMN ...",
        description = {
            "Decrypts the cells of columns back into their values' UTF-8 text, which the column type change",
            "back reads (see docs/lifecycle.md). Applications whose setting",
            "hibernate.ae.lifecycle.decrypting_columns names the columns first read and match both forms,",
            "then switch to writing plaintext; others write nothing there. When done, change the columns'",
            "types back, deploy without @Encrypted, then run decrypt-column --forget for the columns."})
final class DecryptColumnCommand extends KeyCommand {
    @Mixin
    AttributeFlags attribute;

    @Option(names = "--forget", description = "only forget completed decryptions of the columns (after the "
            + "application runs without @Encrypted on them)")
    boolean forget;

    @Mixin
    JobFlags job;

    DecryptColumnCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        List<ColumnRef> refs = job.columns();
        if (forget) {
            lifecycle().forgetDecryptedColumns(refs);
            out().println("Forgot the completed decryption of " + refs);
            return ExitCodes.OK;
        }
        String keyName = attribute.keyName();
        List<PlaintextColumn> columns = attribute.columns(refs);
        AtomicBoolean cancelled = new AtomicBoolean();
        JobOptions options = job.options(context, cancelled);
        return Interruptible.run(cancelled, () -> JobReports.print(
                lifecycle().decryptInPlace(keyName, columns, options), context));
    }
}
