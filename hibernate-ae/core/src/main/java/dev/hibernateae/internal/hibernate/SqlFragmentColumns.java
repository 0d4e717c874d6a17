package dev.hibernateae.internal.hibernate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the identifiers of a SQL fragment (a {@code @SQLRestriction}, {@code @Filter} condition, {@code @Formula},
 * {@code @SQLOrder}, or an HQL {@code sql(...)} argument), so that a fragment naming an encrypted column can be
 * refused. It is a tokenizer, not a parser: every identifier counts, wherever it stands.
 *
 * <p>Skipped: string literals ({@code '...'} with {@code ''} escapes; a literal with a backslash before a quote is
 * read both as standard SQL and as MySQL/MariaDB or PostgreSQL {@code E'...'} read it, and identifiers found either
 * way count), comments ({@code --} to the end of the line, {@code /* ... *}{@code /}), numbers, named and
 * positional parameters ({@code :ssn}, {@code ?1}, {@code $1}) and variables ({@code @v}). Read as identifiers:
 * plain words, quoted identifiers ({@code "x"}, {@code `x`}, {@code [x]}) and qualified names ({@code t.ssn},
 * {@code {alias}.ssn}, {@code {h-schema}patient}); Hibernate's placeholders ({@code {alias}}, {@code {h-schema}},
 * {@code {element}}) are parts of names, never columns themselves.
 *
 * <p>Names compare case-insensitively, quoted or not: databases fold unquoted names differently (H2 upper-case,
 * PostgreSQL lower-case), so {@code "SSN"} may well be the column mapped as {@code ssn}. A keyword or function name
 * spelled like an encrypted column counts too, and so does a qualified name whose qualifier is another table:
 * the fragment's meaning is not resolved, so a match may name a column of another table with the same name.
 */
public final class SqlFragmentColumns {

    private SqlFragmentColumns() {
    }

    /**
     * One identifier of a fragment: its parts ({@code [t, ssn]} for {@code t.ssn}; quotes removed, placeholders kept
     * with their braces) and where it starts.
     */
    public record SqlIdentifier(List<String> parts, int offset) {
        public SqlIdentifier {
            parts = List.copyOf(parts);
        }

        /** The last part: the column, for a column reference. */
        public String name() {
            return parts.get(parts.size() - 1);
        }

        /** The parts before the name ({@code t}, {@code {alias}}), none for an unqualified name. */
        public List<String> qualifiers() {
            return parts.subList(0, parts.size() - 1);
        }

        /** Whether the name is a Hibernate placeholder ({@code {alias}}, {@code {element}}) rather than a word. */
        public boolean placeholderName() {
            return isPlaceholder(name());
        }
    }

    /** Every identifier of {@code sqlFragment}, in the order they appear. */
    public static List<SqlIdentifier> identifiers(String sqlFragment) {
        if (sqlFragment == null || sqlFragment.isEmpty()) {
            return List.of();
        }
        Map<Integer, SqlIdentifier> byOffset = new TreeMap<>();
        for (SqlIdentifier id : new Scanner(sqlFragment, false).scan()) {
            byOffset.put(id.offset(), id);
        }
        if (sqlFragment.indexOf('\\') >= 0) {
            for (SqlIdentifier id : new Scanner(sqlFragment, true).scan()) {
                byOffset.putIfAbsent(id.offset(), id);
            }
        }
        return List.copyOf(byOffset.values());
    }

    /**
     * The first of {@code columnNames} that {@code sqlFragment} names as an identifier (the last part of a name,
     * compared case-insensitively), as spelled in {@code columnNames}.
     */
    public static Optional<String> firstNamed(String sqlFragment, Collection<String> columnNames) {
        if (columnNames.isEmpty()) {
            return Optional.empty();
        }
        for (SqlIdentifier id : identifiers(sqlFragment)) {
            if (id.placeholderName()) {
                continue;
            }
            for (String column : columnNames) {
                if (sameName(id.name(), column)) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code sqlFragment} names any of {@code columnNames} as an identifier. */
    public static boolean names(String sqlFragment, Collection<String> columnNames) {
        return firstNamed(sqlFragment, columnNames).isPresent();
    }

    /** Case-insensitive comparison of two identifiers, quotes already removed. */
    public static boolean sameName(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    static boolean isPlaceholder(String part) {
        return part.length() >= 2 && part.charAt(0) == '{' && part.charAt(part.length() - 1) == '}';
    }

    /** One pass over a fragment. */
    private static final class Scanner {
        private final String sql;
        private final boolean backslashEscapes;
        private final List<SqlIdentifier> found = new ArrayList<>();
        private int pos;

        Scanner(String sql, boolean backslashEscapes) {
            this.sql = sql;
            this.backslashEscapes = backslashEscapes;
        }

        List<SqlIdentifier> scan() {
            while (pos < sql.length()) {
                char c = sql.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '\'') {
                    skipString(backslashEscapes);
                } else if (c == '-' && next(1) == '-') {
                    skipLineComment();
                } else if (c == '/' && next(1) == '*') {
                    skipBlockComment();
                } else if (c == ':' && next(1) == ':') {
                    pos += 2; // PostgreSQL cast: the type name after it is read as an identifier
                } else if ((c == ':' || c == '@') && isIdentifierStart(next(1))) {
                    pos++;
                    skipWord(); // named parameter or variable
                } else if (c == '?' || (c == '$' && Character.isDigit(next(1)))) {
                    pos++;
                    skipWord(); // positional parameter
                } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(next(1)))) {
                    skipNumber();
                } else if (startsPart(pos)) {
                    readName();
                } else {
                    pos++;
                }
            }
            return found;
        }

        private char next(int ahead) {
            int at = pos + ahead;
            return at < sql.length() ? sql.charAt(at) : '\0';
        }

        private boolean startsPart(int at) {
            if (at >= sql.length()) {
                return false;
            }
            char c = sql.charAt(at);
            return isIdentifierStart(c) || c == '"' || c == '`' || c == '[' || placeholderEnd(at) > 0;
        }

        /** A name of one or more parts; a word directly before a quote is a literal's prefix (N'x', E'x', _utf8'x'). */
        private void readName() {
            int start = pos;
            List<String> parts = new ArrayList<>();
            while (true) {
                String part = readPart();
                if (part == null) {
                    break;
                }
                parts.add(part);
                if (pos < sql.length() && sql.charAt(pos) == '.' && startsPart(pos + 1)) {
                    pos++;
                } else if (isPlaceholder(part) && pos < sql.length() && startsPart(pos)
                        && !Character.isWhitespace(sql.charAt(pos))) {
                    // {h-schema}patient: the placeholder renders with its own dot
                } else {
                    break;
                }
            }
            if (parts.isEmpty()) {
                pos = Math.max(pos, start + 1);
                return;
            }
            if (parts.size() == 1 && pos < sql.length() && sql.charAt(pos) == '\'' && isWordAt(start)) {
                boolean escapes = backslashEscapes || parts.get(0).equalsIgnoreCase("E");
                skipString(escapes);
                return;
            }
            found.add(new SqlIdentifier(parts, start));
        }

        private boolean isWordAt(int at) {
            return isIdentifierStart(sql.charAt(at));
        }

        /** One part at {@code pos}, or null if none starts there. */
        private String readPart() {
            char c = sql.charAt(pos);
            if (c == '"' || c == '`') {
                return readQuoted(c, c);
            }
            if (c == '[') {
                return readQuoted('[', ']');
            }
            int placeholderEnd = placeholderEnd(pos);
            if (placeholderEnd > 0) {
                String part = sql.substring(pos, placeholderEnd);
                pos = placeholderEnd;
                return part;
            }
            if (isIdentifierStart(c)) {
                int start = pos;
                skipWord();
                return sql.substring(start, pos);
            }
            return null;
        }

        /** {@code "a""b"} is {@code a"b}; an unterminated identifier runs to the end. */
        private String readQuoted(char open, char close) {
            StringBuilder name = new StringBuilder();
            pos++;
            while (pos < sql.length()) {
                char c = sql.charAt(pos);
                if (c == close) {
                    if (next(1) == close) {
                        name.append(close);
                        pos += 2;
                        continue;
                    }
                    pos++;
                    return name.toString();
                }
                name.append(c);
                pos++;
            }
            return name.toString();
        }

        /** The end (exclusive) of a Hibernate placeholder such as {@code {alias}} starting at {@code at}, or -1. */
        private int placeholderEnd(int at) {
            if (sql.charAt(at) != '{') {
                return -1;
            }
            int i = at + 1;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (c == '}') {
                    return i > at + 1 ? i + 1 : -1;
                }
                if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$' || c == '.')) {
                    return -1; // a JDBC escape such as {fn upper(x)}: read its content
                }
                i++;
            }
            return -1;
        }

        private void skipWord() {
            while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
                pos++;
            }
        }

        private void skipNumber() {
            pos++;
            while (pos < sql.length()) {
                char c = sql.charAt(pos);
                char before = sql.charAt(pos - 1);
                if (Character.isLetterOrDigit(c) || c == '.' || c == '_'
                        || ((c == '+' || c == '-') && (before == 'e' || before == 'E') && Character.isDigit(next(1)))) {
                    pos++;
                } else {
                    break;
                }
            }
        }

        /** From an opening quote past its closing one; an unterminated literal runs to the end. */
        private void skipString(boolean escapes) {
            pos++;
            while (pos < sql.length()) {
                char c = sql.charAt(pos);
                if (escapes && c == '\\') {
                    pos += 2;
                } else if (c == '\'') {
                    if (next(1) == '\'') {
                        pos += 2;
                    } else {
                        pos++;
                        return;
                    }
                } else {
                    pos++;
                }
            }
        }

        private void skipLineComment() {
            while (pos < sql.length() && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
                pos++;
            }
        }

        private void skipBlockComment() {
            int end = sql.indexOf("*/", pos + 2);
            pos = end < 0 ? sql.length() : end + 2;
        }

        private static boolean isIdentifierStart(char c) {
            return Character.isLetter(c) || c == '_' || c == '$';
        }

        private static boolean isIdentifierPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#';
        }
    }
}
