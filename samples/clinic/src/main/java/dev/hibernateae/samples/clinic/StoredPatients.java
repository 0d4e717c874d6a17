package dev.hibernateae.samples.clinic;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads the patient table with plain JDBC, bypassing Hibernate: what the database, its backups and anyone with SQL
 * access see. Encrypted columns hold AEAD cells (version byte 0x01, 32-byte tag, 16-byte IV, ciphertext).
 */
@Component
public class StoredPatients {
    private static final String SELECT = "select id, ssn, birth_date, first_name, last_name from patient";

    private final JdbcTemplate jdbc;

    public StoredPatients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One row as stored. */
    public record StoredPatient(long id, byte[] ssn, byte[] birthDate, String firstName, String lastName) {

        /** The SSN cell as hex, shortened: {@code 0x01A94F0C…E27B (81 bytes)}. */
        public String ssnHex() {
            return shortHex(ssn);
        }

        public String birthDateHex() {
            return shortHex(birthDate);
        }
    }

    public List<StoredPatient> all() {
        return jdbc.query(SELECT + " order by id", ROW);
    }

    public Optional<StoredPatient> byId(long id) {
        return jdbc.query(SELECT + " where id = ?", ROW, id).stream().findFirst();
    }

    /** The first and last bytes of a cell in hex, and its length; "null" for SQL NULL. */
    public static String shortHex(byte[] cell) {
        if (cell == null) {
            return "null";
        }
        HexFormat hex = HexFormat.of().withUpperCase();
        if (cell.length <= 6) {
            return "0x" + hex.formatHex(cell) + " (" + cell.length + " bytes)";
        }
        return "0x" + hex.formatHex(cell, 0, 4) + "…" + hex.formatHex(cell, cell.length - 2, cell.length)
                + " (" + cell.length + " bytes)";
    }

    private static final RowMapper<StoredPatient> ROW = (rs, n) -> new StoredPatient(rs.getLong("id"),
            rs.getBytes("ssn"), rs.getBytes("birth_date"), rs.getString("first_name"), rs.getString("last_name"));
}
