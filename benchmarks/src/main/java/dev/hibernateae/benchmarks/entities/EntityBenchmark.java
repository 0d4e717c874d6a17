package dev.hibernateae.benchmarks.entities;

import dev.hibernateae.benchmarks.support.Alternation;
import dev.hibernateae.benchmarks.support.BenchmarkDatabase;
import dev.hibernateae.benchmarks.support.SessionFactories;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What encryption costs an application, end to end through Hibernate: {@link EncryptedPerson} (three of six
 * attributes encrypted: two deterministic, one randomized) against its plaintext twin {@link PlainPerson}, on H2 in
 * memory and on PostgreSQL. See {@link PersonTable} for the keys (the real hierarchy). The peers, what an application
 * would use instead ({@link GcmConverterPerson}, {@link JasyptPerson}, {@link PgcryptoPerson}), are twins too, with
 * the same attributes protected, and are measured against plaintext the same way.
 *
 * <p>Each trial fills a fresh table per twin with {@link #rows} rows. Every operation is a transaction, as in an
 * application: {@link #persist} inserts {@link #persistCount} new entities in JDBC batches of
 * {@value SessionFactories#BATCH_SIZE} (flush and clear per batch), {@link #loadById} finds one row by primary key
 * in a new session, {@link #lookupByNationalId} queries one row by the indexed attribute (deterministic when
 * hibernate-ae encrypts it, so the query binds ciphertext; pgcrypto's query decrypts every row's; the other peers
 * randomize it, so they cannot look a row up and refuse to try). Rows and the random sequence of ids are the same for
 * every twin, and so is {@link #keyOrder}, the order of national IDs along the rows. Rows persisted are deleted
 * (untimed) whenever they double the table, and after each iteration. A persisted row takes the values of an
 * existing row ({@code values[id % rows]}), so its national ID follows the same key order and repeats an existing
 * one; no lookup meets such a duplicate, since lookups run in trials of their own (JMH gives each benchmark method
 * its own state) and never persist.
 *
 * <p>{@code model=ALTERNATING} (what {@code BenchmarkSuite} runs) builds two twins in one JVM, {@link #candidate}
 * and {@link #baseline}, and switches twin every iteration ({@link Alternation}); JMH's own score is then a blend, and
 * the suite pairs the iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EntityBenchmark {
    @Param({"H2", "POSTGRESQL"})
    public BenchmarkDatabase database;

    /** A twin (a {@link PersonModel} name), or {@code ALTERNATING} between {@link #candidate} and {@link #baseline}. */
    @Param({"PLAINTEXT", "ENCRYPTED"})
    public String model;

    /** The twin {@code ALTERNATING} measures against the baseline: {@code ENCRYPTED} (hibernate-ae), or a peer. */
    @Param("ENCRYPTED")
    public PersonModel candidate;

    /**
     * The twin {@code ALTERNATING} sets against the candidate: {@code PLAINTEXT}, or {@code BINARY} to measure
     * hibernate-ae's encryption alone (the same binary columns and sizes without a converter).
     */
    @Param("PLAINTEXT")
    public PersonModel baseline;

    /** How national IDs follow the row number: {@code RANDOM} (the fair order) or {@code ASCENDING}. */
    @Param("RANDOM")
    public KeyOrder keyOrder;

    /** Draws the order within each pair of iterations when alternating. */
    @Param("1")
    public long orderSeed;

    /** Rows in each table before each iteration. */
    @Param("10000")
    public int rows;

    /** Entities one {@link #persist} transaction inserts. */
    @Param("500")
    public int persistCount;

    private BenchmarkDatabase.Instance db;
    private final Map<PersonModel, PersonTable> tables = new EnumMap<>(PersonModel.class);
    private PersonValues[] values;
    private int iteration;
    private PersonTable active;

    @Setup(Level.Trial)
    public void createAndFill(BenchmarkParams params) {
        List<PersonModel> twins = twins();
        if (params.getBenchmark().endsWith(".lookupByNationalId") && !twins.stream().allMatch(PersonModel::canLookUp)) {
            throw new IllegalArgumentException("A randomized peer cannot look a row up by national ID (it would take"
                    + " a blind index)");
        }
        values = new PersonValues[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = PersonValues.row(i, keyOrder);
        }
        db = database.open();
        try {
            for (PersonModel twin : twins) {
                tables.put(twin, new PersonTable(twin, db, values));
            }
        } catch (RuntimeException e) {
            close();  // JMH does not tear down a trial whose setup failed: drop the PostgreSQL schema here
            throw e;
        }
    }

    /** The twins this trial builds: {@link #candidate} and {@link #baseline} when alternating, else {@link #model}. */
    private List<PersonModel> twins() {
        if (!model.equals(Alternation.ALTERNATING)) {
            return List.of(PersonModel.valueOf(model));
        }
        if ((baseline != PersonModel.PLAINTEXT && baseline != PersonModel.BINARY) || candidate == baseline) {
            throw new IllegalArgumentException("baseline must be PLAINTEXT or BINARY, and candidate another twin");
        }
        return List.of(candidate, baseline);
    }

    @Setup(Level.Iteration)
    public void chooseTwin() {
        if (model.equals(Alternation.ALTERNATING)) {
            active = tables.get(Alternation.candidateAt(orderSeed, iteration++) ? candidate : baseline);
        } else {
            active = tables.get(PersonModel.valueOf(model));
        }
    }

    @TearDown(Level.Iteration)
    public void dropPersistedRows() {
        active.dropPersistedRowsBeyond(0);
    }

    @TearDown(Level.Trial)
    public void close() {
        try {
            tables.values().forEach(PersonTable::close);
        } finally {
            db.close();
        }
    }

    /**
     * Keeps the table between {@link #rows} and twice that while persists run, whichever twin is faster (the delete
     * is not timed): otherwise the faster twin would insert into an ever larger table than the slower one.
     */
    @State(Scope.Thread)
    public static class Inserts {
        @Setup(Level.Invocation)
        public void makeRoom(EntityBenchmark benchmark) {
            benchmark.active.dropPersistedRowsBeyond(benchmark.rows);
        }
    }

    /** The random sequence of rows each thread reads; the same seed for both twins. */
    @State(Scope.Thread)
    public static class Reads {
        final SplittableRandom random = new SplittableRandom(20_260_501L);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long persist(Inserts inserts) {
        PersonTable table = active;
        PersonModel twin = table.model();
        long first = table.reserveIds(persistCount);
        table.sessionFactory().inTransaction(session -> {
            for (int i = 0; i < persistCount; i++) {
                long id = first + i;
                session.persist(twin.create(id, values[(int) (id % rows)]));
                if ((i + 1) % SessionFactories.BATCH_SIZE == 0) {
                    session.flush();
                    session.clear();
                }
            }
        });
        return first;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Person loadById(Reads reads) {
        PersonTable table = active;
        long id = 1 + reads.random.nextInt(rows);
        return table.sessionFactory().fromTransaction(session -> session.find(table.model().entity(), id));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Person lookupByNationalId(Reads reads) {
        PersonTable table = active;
        Object nationalId = table.model().lookupValue(values[reads.random.nextInt(rows)]);
        return table.sessionFactory().fromTransaction(session -> session.createSelectionQuery(
                table.model().lookupQuery(), table.model().entity())
                .setParameter("nationalId", nationalId).getSingleResult());
    }
}
