package dev.hibernateae.lifecycle;

import dev.hibernateae.testing.TestDatabase;
import java.util.List;

/**
 * The column type changes docs/lifecycle.md documents, exactly: before encryption in place, a plaintext column
 * becomes binary holding its value's UTF-8 text; after decryption back, it becomes its type again.
 */
final class ColumnTypeChanges {
    private ColumnTypeChanges() {
    }

    /** {@code person(email varchar(60), born date, score int, balance decimal(8,2))} to binary text. */
    static List<String> toBinary(TestDatabase database) {
        return switch (database) {
            case POSTGRESQL -> List.of(
                    "alter table person alter column email type bytea using convert_to(email, 'UTF8'), "
                            + "alter column born type bytea using convert_to(born::text, 'UTF8'), "
                            + "alter column score type bytea using convert_to(score::text, 'UTF8'), "
                            + "alter column balance type bytea using convert_to(balance::text, 'UTF8')");
            case MARIADB -> List.of(
                    "alter table person modify email varbinary(240), modify born varbinary(81), "
                            + "modify score varbinary(81), modify balance varbinary(81)");
            case H2 -> List.of(
                    "alter table person add column email_bin varbinary(240)",
                    "alter table person add column born_bin varbinary(81)",
                    "alter table person add column score_bin varbinary(81)",
                    "alter table person add column balance_bin varbinary(81)",
                    "update person set email_bin = cast(email as varbinary), "
                            + "born_bin = cast(cast(born as varchar) as varbinary), "
                            + "score_bin = cast(cast(score as varchar) as varbinary), "
                            + "balance_bin = cast(cast(balance as varchar) as varbinary)",
                    "alter table person drop column email",
                    "alter table person drop column born",
                    "alter table person drop column score",
                    "alter table person drop column balance",
                    "alter table person alter column email_bin rename to email",
                    "alter table person alter column born_bin rename to born",
                    "alter table person alter column score_bin rename to score",
                    "alter table person alter column balance_bin rename to balance");
        };
    }

    /** Back to the original types, from the plaintext text decryption left. */
    static List<String> fromBinary(TestDatabase database) {
        return switch (database) {
            case POSTGRESQL -> List.of(
                    "alter table person alter column email type varchar(60) using convert_from(email, 'UTF8'), "
                            + "alter column born type date using convert_from(born, 'UTF8')::date, "
                            + "alter column score type integer using convert_from(score, 'UTF8')::integer, "
                            + "alter column balance type decimal(8,2) using "
                            + "convert_from(balance, 'UTF8')::decimal(8,2)");
            case MARIADB -> List.of(
                    "alter table person modify email varchar(60) character set utf8mb4, modify born date, "
                            + "modify score int, modify balance decimal(8,2)");
            case H2 -> List.of(
                    "alter table person add column email_txt varchar(60)",
                    "alter table person add column born_txt date",
                    "alter table person add column score_txt integer",
                    "alter table person add column balance_txt decimal(8,2)",
                    "update person set email_txt = cast(email as varchar(60)), "
                            + "born_txt = cast(cast(born as varchar) as date), "
                            + "score_txt = cast(cast(score as varchar) as integer), "
                            + "balance_txt = cast(cast(balance as varchar) as decimal(8,2))",
                    "alter table person drop column email",
                    "alter table person drop column born",
                    "alter table person drop column score",
                    "alter table person drop column balance",
                    "alter table person alter column email_txt rename to email",
                    "alter table person alter column born_txt rename to born",
                    "alter table person alter column score_txt rename to score",
                    "alter table person alter column balance_txt rename to balance");
        };
    }
}
