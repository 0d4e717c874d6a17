package dev.hibernateae.benchmarks.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The markdown report of a {@link SearchBenchmark} run: inserts, queries, storage and growth, query plans. */
final class SearchReport {
    /** What one row count measured. {@code range} is null when range queries were skipped. */
    record Size(int rows, int prefixLength, long rangeWidth, SearchRun.Inserts inserts, SearchRun.Comparison prefix,
            SearchRun.Comparison range, SearchRun.Storage storage, List<String> plan, List<String> plainPlan, List<String> rangePlan) {
    }

    private final List<Size> sizes;
    private final boolean skipRange;
    private final boolean tokenFloor;
    private final Map<String, Object> hibernateSettings;
    private final int batchSize;
    private final long seed;
    private final int queries;
    private final String arguments;
    private final double seconds;

    SearchReport(List<Size> sizes, boolean skipRange, boolean tokenFloor, Map<String, Object> hibernateSettings,
            int batchSize,
            long seed, int queries, String arguments, double seconds) {
        this.sizes = sizes;
        this.skipRange = skipRange;
        this.tokenFloor = tokenFloor;
        this.hibernateSettings = hibernateSettings;
        this.batchSize = batchSize;
        this.seed = seed;
        this.queries = queries;
        this.arguments = arguments;
        this.seconds = seconds;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Search tokens on PostgreSQL (SearchBenchmark)\n\n");
        out.append(String.format(Locale.ROOT, "%s, %s %s, %d cores, max heap %d MiB; arguments `%s`; seed %d; "
                + "%d entities per transaction; %d timed queries per side and shape; whole run %.0f s.%n%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, arguments, seed, batchSize, queries, seconds));
        out.append("Extra Hibernate settings: ").append(hibernateSettings.isEmpty() ? "none" : hibernateSettings)
                .append(". Token table indexes: ");
        sizes.get(sizes.size() - 1).storage().tokenIndexes().forEach(i -> out.append('`').append(i).append("`; "));
        out.append("\n\n");
        inserts(out);
        queries(out);
        storage(out);
        plans(out);
        return out.toString();
    }

    private void inserts(StringBuilder out) {
        out.append("## Inserts through Hibernate\n\n(a) two randomized attributes, (b) the same with "
                + "`@PrefixSearch(minLength = 1, maxLength = 8)` on the name and `@RangeSearch(min = \"0\", max = "
                + "\"100000000\")` on the amount, (c) plaintext with an index on each (two secondary indexes in "
                + "random key order, which (a) does not have). Goal: time (b) / (a) <= 2.");
        if (tokenFloor) {
            out.append(" (a) + floor: (a)'s time plus writing as many token rows as (b) stored by plain JDBC, one "
                    + "multi-row statement per batch, into a copy of the token table (what (b) could approach if "
                    + "tokens were written once per flush).");
        }
        out.append("\n\n| rows | (a) encrypted rows/s | (b) searchable rows/s | (c) plaintext rows/s | time b/a | "
                + "time a/c | time b/c |" + (tokenFloor ? " (a) + floor rows/s | time (a + floor)/a |" : "")
                + "\n|---:|---:|---:|---:|---:|---:|---:|" + (tokenFloor ? "---:|---:|" : "") + "\n");
        for (Size size : sizes) {
            SearchRun.Inserts in = size.inserts();
            double a = in.rowsPerSecond(ItemModel.ENCRYPTED);
            double b = in.rowsPerSecond(ItemModel.SEARCHABLE);
            double c = in.rowsPerSecond(ItemModel.PLAINTEXT);
            out.append(String.format(Locale.ROOT, "| %,d | %,.0f | %,.0f | %,.0f | %.2f | %.2f | %.2f |",
                    size.rows(), a, b, c, a / b, c / a, c / b));
            if (tokenFloor) {
                double floor = in.encryptedPlusTokenFloorRowsPerSecond();
                out.append(String.format(Locale.ROOT, " %,.0f | %.2f |", floor, a / floor));
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private void queries(StringBuilder out) {
        out.append("## Queries of about 100 rows: searchable (b) against plaintext (c)\n\n"
                + "Each query reads the entities in a transaction of its own; the two sides alternate which goes "
                + "first; warm-up queries are not counted. Prefix: `e.name like :p` with the first letters of a "
                + "random row's name. Range: `e.amount between :lo and :hi`. Goal: ratio <= 3.\n\n");
        out.append("| rows | query | rows matched (mean) | plaintext median / p95 ms | searchable median / p95 ms | "
                + "ratio median / p95 |\n|---:|---|---:|---:|---:|---:|\n");
        for (Size size : sizes) {
            row(out, size.rows(), String.format(Locale.ROOT, "prefix, %d letters", size.prefixLength()),
                    size.prefix());
            if (size.range() != null) {
                row(out, size.rows(), String.format(Locale.ROOT, "range, %,d wide", size.rangeWidth()),
                        size.range());
            } else if (skipRange) {
                out.append(String.format(Locale.ROOT, "| %,d | range | skipped (--skip-range) | | | |%n",
                        size.rows()));
            }
        }
        out.append('\n');
    }

    private static void row(StringBuilder out, int rows, String query, SearchRun.Comparison c) {
        Latencies p = c.plaintext();
        Latencies s = c.searchable();
        out.append(String.format(Locale.ROOT, "| %,d | %s | %.1f | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f |%n",
                rows, query, c.meanMatches(), p.medianMillis(), p.p95Millis(), s.medianMillis(), s.p95Millis(),
                s.medianMillis() / p.medianMillis(), s.p95Millis() / p.p95Millis()));
    }

    private void storage(StringBuilder out) {
        out.append("## Storage (after VACUUM ANALYZE; `pg_total_relation_size`: table, indexes, TOAST)\n\n");
        out.append("| rows | tokens per row | token table B/row | (b) entity table B/row | (a) B/row | "
                + "(c) B/row | tokens / (b) table |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Size size : sizes) {
            SearchRun.Storage s = size.storage();
            out.append(String.format(Locale.ROOT, "| %,d | %.2f | %.1f | %.1f | %.1f | %.1f | %.2f |%n",
                    size.rows(), s.tokensPerRow(), s.tokenBytesPerRow(), s.tableBytesPerRow(ItemModel.SEARCHABLE),
                    s.tableBytesPerRow(ItemModel.ENCRYPTED), s.tableBytesPerRow(ItemModel.PLAINTEXT),
                    s.tokenBytesPerRow() / s.tableBytesPerRow(ItemModel.SEARCHABLE)));
        }
        if (sizes.size() > 1) {
            Size first = sizes.get(0);
            Size last = sizes.get(sizes.size() - 1);
            SearchRun.Storage f = first.storage();
            SearchRun.Storage l = last.storage();
            out.append(String.format(Locale.ROOT, "%nGrowth from %,d to %,d rows (x%.0f): token table x%.2f "
                    + "(bytes per row x%.2f), searchable entity table x%.2f (bytes per row x%.2f), tokens x%.2f.%n",
                    first.rows(), last.rows(), (double) last.rows() / first.rows(),
                    (double) l.tokenBytes() / f.tokenBytes(), l.tokenBytesPerRow() / f.tokenBytesPerRow(),
                    (double) l.tableBytes().get(ItemModel.SEARCHABLE) / f.tableBytes().get(ItemModel.SEARCHABLE),
                    l.tableBytesPerRow(ItemModel.SEARCHABLE) / f.tableBytesPerRow(ItemModel.SEARCHABLE),
                    (double) l.tokens() / f.tokens()));
        }
        out.append('\n');
    }

    private void plans(StringBuilder out) {
        Size last = sizes.get(sizes.size() - 1);
        out.append(String.format(Locale.ROOT, "## Plans at %,d rows (EXPLAIN (ANALYZE, BUFFERS) of the SQL Hibernate "
                + "sends, one prefix query, its parameters bound)%n%nSearchable:%n%n```%n", last.rows()));
        last.plan().forEach(line -> out.append(line).append('\n'));
        out.append("```\n\nPlaintext:\n\n```\n");
        last.plainPlan().forEach(line -> out.append(line).append('\n'));
        out.append("```\n");
        if (!last.rangePlan().isEmpty()) {
            out.append("\nSearchable, one range query:\n\n```\n");
            last.rangePlan().forEach(line -> out.append(line).append('\n'));
            out.append("```\n");
        }
    }
}
