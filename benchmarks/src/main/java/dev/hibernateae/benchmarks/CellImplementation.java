package dev.hibernateae.benchmarks;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.testing.MssqlCellCipher;
import java.util.function.UnaryOperator;

/**
 * The three cell implementations measured side by side, each built once per key and encryption type, as a
 * driver or the key ring would cache it. JMH runs each in its own JVM, so the call through this type stays
 * monomorphic and costs the same for all three.
 */
public enum CellImplementation {
    /** The same algorithm written directly on JCE with everything precomputed: what any implementation must pay. */
    FLOOR {
        @Override
        Cells create(byte[] cek, EncryptionType type) {
            JceFloorCellCipher floor = new JceFloorCellCipher(cek, type);
            return new Cells(floor::encrypt, floor::decrypt);
        }
    },
    /** hibernate-ae's {@link CellCipher}. */
    HIBERNATE_AE {
        @Override
        Cells create(byte[] cek, EncryptionType type) {
            CellCipher cipher = new CellCipher(CellKey.derive(cek), type);
            return new Cells(cipher::encrypt, cipher::decrypt);
        }
    },
    /** Microsoft's {@code SQLServerAeadAes256CbcHmac256Algorithm} from mssql-jdbc, reached by reflection. */
    MSSQL_JDBC {
        @Override
        Cells create(byte[] cek, EncryptionType type) {
            MssqlCellCipher cipher = new MssqlCellCipher(cek, type);
            return new Cells(cipher::encrypt, cipher::decrypt);
        }
    };

    abstract Cells create(byte[] cek, EncryptionType type);

    /** Encrypt and decrypt of one implementation, for one key and type. */
    record Cells(UnaryOperator<byte[]> encrypt, UnaryOperator<byte[]> decrypt) {
    }
}
