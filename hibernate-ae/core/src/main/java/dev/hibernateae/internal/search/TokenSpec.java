package dev.hibernateae.internal.search;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.StringEncoding;
import dev.hibernateae.internal.codec.CodecOptions;
import dev.hibernateae.internal.codec.PlaintextCodec;
import dev.hibernateae.internal.codec.PlaintextCodecs;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.SearchOptions;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What it takes to derive the search tokens of one table's rows without the application's mapping: the column
 * that identifies a row (its tokens' owner) and, for each searchable column, its attribute (key name, encryption
 * type, Java type, codec options) and the searches it declared. Applications register it
 * ({@code hae_search_tables}, authenticated) so that lifecycle jobs can re-derive tokens when they rewrite cells.
 * {@link #encode} is canonical: the same mapping always gives the same text.
 *
 * @param table the table, without schema, lower-case ({@link EncryptedAttribute#table()})
 * @param ownerColumn the table's primary key column, as the mapping names it
 * @param columns the searchable columns, ordered by column name
 */
public record TokenSpec(String table, String ownerColumn, List<Column> columns) {
    private static final String HEADER = "hibernate-ae token spec v1";

    public TokenSpec {
        columns = columns.stream().sorted(Comparator.comparing(Column::column)).toList();
    }

    /**
     * One searchable column.
     *
     * @param javaType the attribute's (boxed) Java type, by {@link Class#getName()}
     */
    public record Column(String column, String role, String keyName, EncryptionType type, String javaType,
            CodecOptions codec, SearchOptions search) {
    }

    /** The spec of the token table {@code tokens} of a mapping. */
    public static TokenSpec of(SearchCatalog.TableTokens tokens) {
        List<Column> columns = new ArrayList<>();
        String table = null;
        for (SearchableColumn searchable : tokens.columns()) {
            EncryptedAttribute<?> attribute = searchable.attribute();
            table = attribute.table();
            columns.add(new Column(attribute.column(), attribute.role(), attribute.keyName(), attribute.type(),
                    attribute.javaType().getName(), attribute.codecOptions(), searchable.search()));
        }
        return new TokenSpec(table, tokens.table().ownerKeyColumn(), columns);
    }

    /**
     * The searchable columns of this spec, with {@code tokens} as their token table, their attributes rebuilt from
     * their Java types as {@code loader} finds them. A type it cannot find (an application's enum, outside the
     * application) is read as its plaintext bytes, which is all an equality token needs.
     *
     * @throws AlwaysEncryptedException naming the column when its searches need a type that cannot be found
     */
    public List<SearchableColumn> columns(TokenTable tokens, ClassLoader loader) {
        List<SearchableColumn> searchable = new ArrayList<>();
        for (Column column : columns) {
            EncryptedAttribute<?> attribute = attribute(column, loader);
            searchable.add(SearchableColumn.of(attribute, column.search(), null, tokens));
        }
        return searchable;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private EncryptedAttribute<?> attribute(Column column, ClassLoader loader) {
        Class<?> type;
        CodecOptions options = column.codec();
        try {
            type = Class.forName(column.javaType(), false, loader);
        } catch (ClassNotFoundException e) {
            SearchOptions search = column.search();
            if (search.ignoreCase() != null || search.prefix() != null || search.suffix() != null
                    || search.range() != null) {
                throw new AlwaysEncryptedException("Cannot derive the search tokens of " + table + "."
                        + column.column() + " (" + column.role() + "): its type " + column.javaType() + " is not "
                        + "on this class path. Run the job with the application's classes on the class path", e);
            }
            type = byte[].class;
            options = options.withLength(-1);
        }
        PlaintextCodec codec = PlaintextCodecs.forType((Class) type, options);
        return new EncryptedAttribute(column.role(), table, column.column(), column.keyName(), column.type(), type,
                codec, options, false, 0, List.of(ownerColumn));
    }

    /** Canonical text: a header line, the table and owner, then one line per column of percent-encoded fields. */
    public String encode() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append(fields(Map.of("table", table, "owner", ownerColumn))).append('\n');
        for (Column column : columns) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("column", column.column());
            fields.put("role", column.role());
            fields.put("key", column.keyName());
            fields.put("type", column.type().name());
            fields.put("java", column.javaType());
            CodecOptions codec = column.codec();
            fields.put("codec", join(codec.stringEncoding().name(), codec.length(), codec.precision(), codec.scale(),
                    codec.fractionalSeconds(), codec.enumMapping().name()));
            SearchOptions search = column.search();
            if (search.equality() != null) {
                fields.put("equality", join(search.equality().contention()));
            }
            if (search.ignoreCase() != null) {
                fields.put("ignoreCase", join(search.ignoreCase().ignoreAccents(), search.ignoreCase().contention()));
            }
            if (search.prefix() != null) {
                fields.put("prefix", join(search.prefix().min(), search.prefix().max(), search.prefix().contention()));
            }
            if (search.suffix() != null) {
                fields.put("suffix", join(search.suffix().min(), search.suffix().max(), search.suffix().contention()));
            }
            if (search.range() != null) {
                SearchOptions.Range range = search.range();
                fields.put("range", join(range.min(), range.max(), range.unit().name(), range.sparsity(),
                        range.trim(), range.contention()));
            }
            text.append(fields(fields)).append('\n');
        }
        return text.toString();
    }

    /**
     * The spec {@link #encode} wrote.
     *
     * @throws IllegalArgumentException when the text is not one
     */
    public static TokenSpec decode(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 2 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("not a token spec");
        }
        Map<String, String> head = parse(lines[1]);
        List<Column> columns = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            Map<String, String> f = parse(lines[i]);
            String[] codec = split(f.get("codec"), 6);
            SearchOptions.Equality equality = null;
            SearchOptions.IgnoreCase ignoreCase = null;
            SearchOptions.Affix prefix = null;
            SearchOptions.Affix suffix = null;
            SearchOptions.Range range = null;
            if (f.containsKey("equality")) {
                equality = new SearchOptions.Equality(Integer.parseInt(split(f.get("equality"), 1)[0]));
            }
            if (f.containsKey("ignoreCase")) {
                String[] v = split(f.get("ignoreCase"), 2);
                ignoreCase = new SearchOptions.IgnoreCase(Boolean.parseBoolean(v[0]), Integer.parseInt(v[1]));
            }
            if (f.containsKey("prefix")) {
                prefix = affix(split(f.get("prefix"), 3));
            }
            if (f.containsKey("suffix")) {
                suffix = affix(split(f.get("suffix"), 3));
            }
            if (f.containsKey("range")) {
                String[] v = split(f.get("range"), 6);
                range = new SearchOptions.Range(v[0], v[1], ChronoUnit.valueOf(v[2]), Integer.parseInt(v[3]),
                        Integer.parseInt(v[4]), Integer.parseInt(v[5]));
            }
            columns.add(new Column(required(f, "column"), required(f, "role"), required(f, "key"),
                    EncryptionType.valueOf(required(f, "type")), required(f, "java"),
                    new CodecOptions(StringEncoding.valueOf(codec[0]), Integer.parseInt(codec[1]),
                            Integer.parseInt(codec[2]), Integer.parseInt(codec[3]), Integer.parseInt(codec[4]),
                            CodecOptions.EnumMapping.valueOf(codec[5])),
                    new SearchOptions(equality, ignoreCase, prefix, suffix, range)));
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a token spec without columns");
        }
        return new TokenSpec(required(head, "table"), required(head, "owner"), columns);
    }

    private static SearchOptions.Affix affix(String[] v) {
        return new SearchOptions.Affix(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]));
    }

    private static String join(Object... values) {
        List<String> parts = new ArrayList<>();
        for (Object value : values) {
            parts.add(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
        return String.join(",", parts);
    }

    private static String[] split(String joined, int count) {
        if (joined == null) {
            throw new IllegalArgumentException("a token spec field is missing");
        }
        String[] parts = joined.split(",", -1);
        if (parts.length != count) {
            throw new IllegalArgumentException("a token spec field has " + parts.length + " parts, not " + count);
        }
        for (int i = 0; i < parts.length; i++) {
            parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
        }
        return parts;
    }

    /** {@code name=value&...} in the order given (sorted for the head, whose map has no order). */
    private static String fields(Map<String, String> fields) {
        Map<String, String> ordered = fields instanceof LinkedHashMap ? fields : new java.util.TreeMap<>(fields);
        StringBuilder line = new StringBuilder();
        ordered.forEach((name, value) -> {
            if (!line.isEmpty()) {
                line.append('&');
            }
            line.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return line.toString();
    }

    private static Map<String, String> parse(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : line.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || fields.put(pair.substring(0, equals),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)) != null) {
                throw new IllegalArgumentException("a malformed token spec line");
            }
        }
        return fields;
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("a token spec without " + name);
        }
        return value;
    }
}
