package dev.hibernateae.benchmarks.allocation;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.benchmarks.entities.EncryptedPerson;
import dev.hibernateae.benchmarks.support.BenchmarkDatabase;
import dev.hibernateae.benchmarks.support.BenchmarkKeystore;
import dev.hibernateae.benchmarks.support.SessionFactories;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Garbage per encrypted cell, to be run with JMH's GC profiler ({@code -prof gc}, read {@code gc.alloc.rate.norm}):
 * what an attribute's converter allocates to write and to read one cell (codec, key ring lookup, cipher), next to
 * the cell cipher alone on the same plaintext. The converters are those Hibernate uses for
 * {@link EncryptedPerson}{@code .nationalId} (deterministic, an 11-character string: a 22-byte plaintext, an 81-byte cell)
 * and {@code birthDate} (randomized {@code LocalDate}: 3 bytes, a 65-byte cell), keys from the real hierarchy.
 * The floor is the cell or value returned: a byte[81] is 104 bytes on a 64-bit JVM with compressed class pointers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CellAllocationBenchmark {
    private static final String NATIONAL_ID = "795-73-9838";
    private static final LocalDate BIRTH_DATE = LocalDate.of(1980, 2, 29);

    private BenchmarkDatabase.Instance db;
    private SessionFactory sessionFactory;
    private EncryptedAttributeConverter<String> nationalId;
    private EncryptedAttributeConverter<LocalDate> birthDate;
    private CellCipher deterministic;
    private byte[] nationalIdPlaintext;
    private byte[] nationalIdCell;
    private byte[] birthDateCell;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        db = BenchmarkDatabase.H2.open();
        BenchmarkKeystore keystore = BenchmarkKeystore.create();
        sessionFactory = SessionFactories.build(db, keystore.settings(), EncryptedPerson.class);
        ColumnKeyAdministration admin = ColumnKeyAdministration.builder().sessionFactory(sessionFactory).build();
        admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                .provider("MSSQL_JAVA_KEYSTORE").keyPath(BenchmarkKeystore.ALIAS).allowEnclaveComputations(true));
        admin.createColumnEncryptionKey("cek1", "cmk1");

        EncryptionRuntime runtime = sessionFactory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(EncryptionRuntime.class);
        nationalId = (EncryptedAttributeConverter<String>) runtime.attribute(EncryptedPerson.class.getName()
                + ".nationalId");
        birthDate = (EncryptedAttributeConverter<LocalDate>) runtime.attribute(EncryptedPerson.class.getName()
                + ".birthDate");
        deterministic = new CellCipher(runtime.keyRing().cellKey("cek1"), EncryptionType.DETERMINISTIC);
        nationalIdPlaintext = NATIONAL_ID.getBytes(StandardCharsets.UTF_16LE);
        nationalIdCell = nationalId.convertToDatabaseColumn(NATIONAL_ID);
        birthDateCell = birthDate.convertToDatabaseColumn(BIRTH_DATE);
        if (!java.util.Arrays.equals(nationalIdCell, deterministic.encrypt(nationalIdPlaintext))
                || !NATIONAL_ID.equals(nationalId.convertToEntityAttribute(nationalIdCell))
                || !BIRTH_DATE.equals(birthDate.convertToEntityAttribute(birthDateCell))) {
            throw new IllegalStateException("The converters and the cipher disagree; nothing to measure");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            db.close();
        }
    }

    @Benchmark
    public byte[] converterWriteDeterministicString() {
        return nationalId.convertToDatabaseColumn(NATIONAL_ID);
    }

    @Benchmark
    public String converterReadDeterministicString() {
        return nationalId.convertToEntityAttribute(nationalIdCell);
    }

    @Benchmark
    public byte[] converterWriteRandomizedDate() {
        return birthDate.convertToDatabaseColumn(BIRTH_DATE);
    }

    @Benchmark
    public LocalDate converterReadRandomizedDate() {
        return birthDate.convertToEntityAttribute(birthDateCell);
    }

    @Benchmark
    public byte[] cipherEncryptDeterministic() {
        return deterministic.encrypt(nationalIdPlaintext);
    }

    @Benchmark
    public byte[] cipherDecryptDeterministic() {
        return deterministic.decrypt(nationalIdCell);
    }
}
