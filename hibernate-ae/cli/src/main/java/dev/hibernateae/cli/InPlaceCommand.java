package dev.hibernateae.cli;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.StringEncoding;
import dev.hibernateae.lifecycle.ColumnRef;
import dev.hibernateae.lifecycle.JobOptions;
import dev.hibernateae.lifecycle.PlaintextColumn;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code encrypt-column} and {@code decrypt-column}: in place, between a column's plaintext text and cells. */
final class InPlaceCommand implements Command {
    static final Map<String, Class<?>> JAVA_TYPES = new LinkedHashMap<>();

    static {
        JAVA_TYPES.put("string", String.class);
        JAVA_TYPES.put("boolean", Boolean.class);
        JAVA_TYPES.put("byte", Byte.class);
        JAVA_TYPES.put("short", Short.class);
        JAVA_TYPES.put("int", Integer.class);
        JAVA_TYPES.put("long", Long.class);
        JAVA_TYPES.put("float", Float.class);
        JAVA_TYPES.put("double", Double.class);
        JAVA_TYPES.put("decimal", BigDecimal.class);
        JAVA_TYPES.put("date", LocalDate.class);
        JAVA_TYPES.put("time", LocalTime.class);
        JAVA_TYPES.put("timestamp", LocalDateTime.class);
        JAVA_TYPES.put("timestamptz", OffsetDateTime.class);
        JAVA_TYPES.put("instant", Instant.class);
        JAVA_TYPES.put("uuid", UUID.class);
    }

    private final boolean encrypt;

    private InPlaceCommand(boolean encrypt) {
        this.encrypt = encrypt;
    }

    static InPlaceCommand encrypt() {
        return new InPlaceCommand(true);
    }

    static InPlaceCommand decrypt() {
        return new InPlaceCommand(false);
    }

    @Override
    public String name() {
        return encrypt ? "encrypt-column" : "decrypt-column";
    }

    @Override
    public String summary() {
        return encrypt ? "encrypt existing plaintext columns in place, online"
                : "decrypt encrypted columns back to plaintext in place, online";
    }

    @Override
    public String synopsis() {
        return "--key NAME --column TABLE.COLUMN [--column ...] --type deterministic|randomized --java-type TYPE "
                + "[type options] [job options]" + (encrypt ? "" : " | --forget --column TABLE.COLUMN ...");
    }

    @Override
    public String description() {
        return encrypt
                ? "Encrypts the plaintext of columns that were changed to a binary type holding their values' UTF-8\n"
                        + "text (see docs/lifecycle.md for each database's ALTER TABLE), under key name NAME, exactly\n"
                        + "as the @Encrypted attribute writes them: give the attribute's type and Java type, and its\n"
                        + "@Column length, precision and scale. Applications with @Encrypted whose setting\n"
                        + "hibernate.ae.lifecycle.encrypting_columns names the columns read plaintext and cells while it\n"
                        + "runs (they see the announcement), and write cells; others refuse the plaintext. Resumable and\n"
                        + "verified."
                : "Decrypts the cells of columns back into their values' UTF-8 text, which the column type change\n"
                        + "back reads (see docs/lifecycle.md). Applications whose setting\n"
                        + "hibernate.ae.lifecycle.decrypting_columns names the columns first read and match both forms,\n"
                        + "then switch to writing plaintext; others write nothing there. When done, change the columns'\n"
                        + "types back, deploy without @Encrypted, then run decrypt-column --forget for the columns.";
    }

    @Override
    public List<Option> options() {
        List<Option> options = new ArrayList<>(List.of(
                Option.value("key", "NAME", "the key name of the attributes (@Encrypted(key = ...))"),
                Option.value("type", "TYPE", "deterministic or randomized (@Encrypted(type = ...))"),
                Option.value("java-type", "TYPE", "the attribute's Java type: " + String.join(", ",
                        JAVA_TYPES.keySet())),
                Option.value("length", "N", "string attributes: @Column(length) (default 255)"),
                Option.value("precision", "P", "decimal attributes: @Column(precision) (default 38)"),
                Option.value("scale", "S", "decimal attributes: @Column(scale) (default 2)"),
                Option.value("fractional-seconds", "N", "time/timestamp attributes: second digits kept, 0..7 "
                        + "(default 7)"),
                Option.value("string-encoding", "ENCODING", "utf-16le (default) or utf-8 "
                        + "(@Encrypted(stringEncoding = ...))")));
        if (encrypt) {
            options.add(Option.flag("announce-only", "only announce the encryption (before deploying the "
                    + "application with @Encrypted, so that it reads plaintext too); run without it afterwards"));
        } else {
            options.add(Option.flag("forget", "only forget completed decryptions of the columns (after the "
                    + "application runs without @Encrypted on them)"));
        }
        options.addAll(JobFlags.OPTIONS);
        return options;
    }

    @Override
    public int run(Arguments arguments, Context context) {
        Commands.noPositional(arguments);
        List<ColumnRef> refs = JobFlags.columns(arguments);
        if (!encrypt && arguments.flag("forget")) {
            context.lifecycle().forgetDecryptedColumns(refs);
            context.out.println("Forgot the completed decryption of " + refs);
            return ExitCodes.OK;
        }
        String keyName = arguments.required("key");
        List<PlaintextColumn> columns = new ArrayList<>();
        for (ColumnRef ref : refs) {
            columns.add(column(ref, arguments));
        }
        if (encrypt && arguments.flag("announce-only")) {
            context.lifecycle().announceEncryptionInPlace(keyName, columns);
            context.out.println("Announced: " + refs + " are being encrypted in place under key name '" + keyName
                    + "'. Deploy the application with @Encrypted and hibernate.ae.lifecycle.encrypting_columns="
                    + refs.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(","))
                    + ", then run this command without --announce-only");
            return ExitCodes.OK;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        JobOptions options = JobFlags.options(arguments, context, cancelled);
        return JobFlags.runInterruptibly(cancelled, () -> Commands.report(encrypt
                ? context.lifecycle().encryptInPlace(keyName, columns, options)
                : context.lifecycle().decryptInPlace(keyName, columns, options), context));
    }

    private static PlaintextColumn column(ColumnRef ref, Arguments arguments) {
        EncryptionType type;
        try {
            type = EncryptionType.valueOf(arguments.required("type").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--type is deterministic or randomized, got '" + arguments.value("type") + "'");
        }
        Class<?> javaType = JAVA_TYPES.get(arguments.required("java-type").toLowerCase(Locale.ROOT));
        if (javaType == null) {
            throw new UsageException("--java-type is one of " + JAVA_TYPES.keySet() + ", got '"
                    + arguments.value("java-type") + "'");
        }
        PlaintextColumn column = PlaintextColumn.of(ref, type, javaType)
                .withLength(arguments.intValue("length", 255))
                .withDecimal(arguments.intValue("precision", 38), arguments.intValue("scale", 2))
                .withFractionalSeconds(arguments.intValue("fractional-seconds", 7));
        String encoding = arguments.value("string-encoding");
        if (encoding != null) {
            column = column.withStringEncoding(switch (encoding.toLowerCase(Locale.ROOT).replace("_", "-")) {
                case "utf-16le" -> StringEncoding.UTF_16LE;
                case "utf-8" -> StringEncoding.UTF_8;
                default -> throw new UsageException("--string-encoding is utf-16le or utf-8, got '" + encoding + "'");
            });
        }
        return column;
    }
}
