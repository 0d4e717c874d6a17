package dev.hibernateae.internal.search;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.crypto.SearchTokenHash;
import dev.hibernateae.internal.hibernate.CellFormat;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.hibernate.ValueFormat;
import dev.hibernateae.internal.hibernate.ValueFormats;
import java.util.List;

/**
 * The token hash of a column's scheme under the column encryption key its values are written with now. Tokens are
 * made under the key cells are written under, and looked up under every key rows may be under (two while the
 * attribute's key is being rotated). While the column moves between plaintext and cells, searches are refused
 * rather than miss the plaintext rows, which have no tokens, and writes of plaintext (decryption in place) are
 * refused rather than leave a row without tokens.
 */
public final class TokenKeys {
    private TokenKeys() {
    }

    /** For the tokens of a value being written. */
    public static SearchTokenHash forWrite(EncryptionRuntime runtime, SearchableColumn column, SearchScheme scheme) {
        String key = runtime.formats().format(column.attribute()).cellWriteKey();
        if (key == null) {
            throw new AlwaysEncryptedException("Cannot write the search tokens of " + column.attribute().role()
                    + " while its column is being decrypted in place: values are written as plaintext, which has no "
                    + "search tokens. Finish the decryption (hibernate-ae-cli status) first");
        }
        return hash(runtime, key, column, scheme);
    }

    /**
     * For the tokens a query looks up, with the formats of the query's snapshot: one hash per key the rows' tokens
     * may be under, the write key first. While the attribute's key is being rotated, a row's tokens are under the
     * key its last write (or the job) used, so a search looks for the tokens of every key it matches.
     */
    public static List<SearchTokenHash> forQuery(EncryptionRuntime runtime, ValueFormats formats,
            SearchableColumn column, SearchScheme scheme, String operation) {
        ValueFormat format = formats.format(column.attribute());
        if (!(format instanceof CellFormat cells)) {
            throw new UnsupportedEncryptedQueryException(column.attribute().simpleRole(), operation, "Cannot search "
                    + column.attribute().role() + " by its tokens while its column moves between plaintext and "
                    + "cells: plaintext values have no tokens, and the search would miss rows. Run it once the job "
                    + "completes (hibernate-ae-cli status)");
        }
        return cells.matchKeys().stream().map(key -> hash(runtime, key, column, scheme)).toList();
    }

    private static SearchTokenHash hash(EncryptionRuntime runtime, String keyName, SearchableColumn column,
            SearchScheme scheme) {
        return runtime.keyRing().columnKey(keyName).searchTokens(scheme.purpose(column.attribute().columnId()));
    }
}
