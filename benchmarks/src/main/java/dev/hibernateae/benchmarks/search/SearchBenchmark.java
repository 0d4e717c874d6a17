package dev.hibernateae.benchmarks.search;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.benchmarks.support.BenchmarkDatabase;
import dev.hibernateae.benchmarks.support.BenchmarkKeystore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What search tokens cost on PostgreSQL, in one run, for each row count: inserting through Hibernate (an entity with
 * two randomized attributes, the same with {@code @PrefixSearch} and {@code @RangeSearch}, and a plaintext twin with
 * ordinary indexes), prefix and range queries of about 100 rows on the searchable entity against the plaintext twin,
 * and the token table's size against the entity table's. The three tables hold the same rows ({@link ItemValues},
 * one seeded generator); every searchable query must find as many rows as its plaintext twin.
 *
 * <p>A 10,000-row round first warms the JIT up and reports nothing. {@code --skip-range} leaves the range queries out
 * (the entity keeps its {@code @RangeSearch}, so inserts and storage count whatever range tokens the build writes).
 * {@code --legacy-column-order} sets {@code hibernate.column_ordering_strategy=legacy}, so that the token table's
 * primary key is {@code (token, owner_id)} as declared (the default strategy puts {@code owner_id} first).
 * {@code --token-floor} adds {@link TokenWriteFloor} to the inserts. The markdown report is printed and written to
 * {@code benchmarks/results/<UTC date>/search[-flags].md} (or under {@code --out}).
 *
 * <pre>java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.hibernateae.benchmarks.search.SearchBenchmark
 *     --rows 100000,1000000 [--url jdbc:postgresql://127.0.0.1:5432/test] [--user postgres] [--queries 1000]
 *     [--skip-range] [--legacy-column-order] [--token-floor] [--batch-size 1000] [--seed 1] [--out DIRECTORY]</pre>
 */
public final class SearchBenchmark {
    static final String PREFIX_CONDITION = "e.name like :p";
    static final String RANGE_CONDITION = "e.amount between :lo and :hi";
    private static final int WARM_UP_ROWS = 10_000;
    /**
     * The flag that keeps Hibernate from reordering columns ({@code hibernate.column_ordering_strategy=legacy}): its
     * default strategy puts {@code owner_id} first in the token table's primary key, declared
     * {@code (token, owner_id)}, and a lookup by token then reads the whole table.
     */
    private static final String LEGACY_COLUMN_ORDER = "legacy-column-order";
    /** The flag that adds {@link TokenWriteFloor} to the inserts. */
    private static final String TOKEN_FLOOR = "token-floor";

    private final BenchmarkKeystore keystore = BenchmarkKeystore.create();
    private final int queries;
    private final boolean skipRange;
    private final int batchSize;
    private final long seed;
    private final Map<String, Object> hibernateSettings;
    private final boolean tokenFloor;

    private SearchBenchmark(int queries, boolean skipRange, int batchSize, long seed,
            Map<String, Object> hibernateSettings, boolean tokenFloor) {
        this.tokenFloor = tokenFloor;
        this.queries = queries;
        this.skipRange = skipRange;
        this.batchSize = batchSize;
        this.seed = seed;
        this.hibernateSettings = hibernateSettings;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<Integer> rows = new ArrayList<>();
        for (String count : options.getOrDefault("rows", "100000,1000000").split(",")) {
            rows.add(Integer.parseInt(count.trim().replace("_", "")));
        }
        System.setProperty(BenchmarkDatabase.PG_URL_PROPERTY,
                options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/test"));
        System.setProperty(BenchmarkDatabase.PG_USER_PROPERTY, options.getOrDefault("user", "postgres"));
        SearchBenchmark benchmark = new SearchBenchmark(Integer.parseInt(options.getOrDefault("queries", "1000")),
                options.containsKey("skip-range"), Integer.parseInt(options.getOrDefault("batch-size", "1000")),
                Long.parseLong(options.getOrDefault("seed", "1")), options.containsKey(LEGACY_COLUMN_ORDER)
                        ? Map.of("hibernate.column_ordering_strategy", "legacy") : Map.of(),
                options.containsKey(TOKEN_FLOOR));
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "warm-up round, %,d rows...%n", WARM_UP_ROWS);
        benchmark.run(WARM_UP_ROWS, Math.min(100, benchmark.queries));
        List<SearchReport.Size> sizes = new ArrayList<>();
        for (int count : rows) {
            long sizeStart = System.nanoTime();
            sizes.add(benchmark.run(count, benchmark.queries));
            System.out.printf(Locale.ROOT, "%,d rows done in %.0f s%n", count, (System.nanoTime() - sizeStart) / 1e9);
        }
        String report = new SearchReport(sizes, benchmark.skipRange, benchmark.tokenFloor, benchmark.hibernateSettings,
                benchmark.batchSize, benchmark.seed, benchmark.queries, String.join(" ", args),
                (System.nanoTime() - start) / 1e9).markdown();
        System.out.println();
        System.out.println(report);
        Path directory = Path.of(options.getOrDefault("out",
                "benchmarks/results/" + LocalDate.now(ZoneOffset.UTC)));
        Files.createDirectories(directory);
        Path file = directory.resolve("search" + (options.containsKey(LEGACY_COLUMN_ORDER) ? "-" + LEGACY_COLUMN_ORDER
                : "") + (options.containsKey(TOKEN_FLOOR) ? "-" + TOKEN_FLOOR : "") + ".md");
        Files.writeString(file, report);
        System.out.println("written to " + file);
    }

    private SearchReport.Size run(int rows, int queryCount) {
        ItemValues values = new ItemValues(rows, seed);
        try (SearchRun run = new SearchRun(keystore, values, batchSize, hibernateSettings, tokenFloor)) {
            SearchRun.Inserts inserts = run.insertAll();
            int warmUp = Math.max(50, queryCount / 5);
            SearchRun.Comparison prefix = run.compare(PREFIX_CONDITION, random -> Map.of("p",
                    values.prefixPattern(random)), warmUp, queryCount, seed + 1);
            SearchRun.Comparison range = null;
            if (!skipRange) {
                try {
                    range = run.compare(RANGE_CONDITION, random -> rangeBounds(values, random), warmUp, queryCount,
                            seed + 2);
                } catch (RuntimeException e) {
                    if (refused(e)) {
                        throw new IllegalStateException("range queries are refused by this build (no range tokens "
                                + "yet?); run with --skip-range", e);
                    }
                    throw e;
                }
            }
            Random example = new Random(seed + 3);
            Map<String, Object> prefixExample = Map.of("p", values.prefixPattern(example));
            List<String> plan = run.explain(ItemModel.SEARCHABLE, PREFIX_CONDITION, prefixExample);
            List<String> plainPlan = run.explain(ItemModel.PLAINTEXT, PREFIX_CONDITION, prefixExample);
            List<String> rangePlan = skipRange ? List.of()
                    : run.explain(ItemModel.SEARCHABLE, RANGE_CONDITION, rangeBounds(values, example));
            return new SearchReport.Size(rows, values.prefixLength(), values.rangeWidth(), inserts, prefix, range,
                    run.storage(), plan, plainPlan, rangePlan);
        }
    }

    private static Map<String, Object> rangeBounds(ItemValues values, Random random) {
        long low = values.rangeStart(random);
        Map<String, Object> bounds = new HashMap<>();
        bounds.put("lo", low);
        bounds.put("hi", low + values.rangeWidth() - 1);
        return bounds;
    }

    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedEncryptedQueryException) {
                return true;
            }
        }
        return false;
    }

    /** {@code --name value} pairs; the flags ({@code --skip-range} and the like) take no value. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("skip-range") || name.equals(LEGACY_COLUMN_ORDER) || name.equals(TOKEN_FLOOR)) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }
}
