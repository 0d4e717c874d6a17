package dev.hibernateae.internal.search;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.SearchOptions;
import dev.hibernateae.internal.search.range.DyadicCover;
import dev.hibernateae.internal.search.range.RangeBounds;
import dev.hibernateae.internal.search.range.RangeEncoding;
import dev.hibernateae.internal.search.range.RangeEncodings;

/**
 * The range search of one attribute: its declared domain as codes ({@link RangeEncoding}) and the tree over them
 * whose nodes are its tokens ({@link DyadicCover}). Built when the mapping is complete; a declaration that cannot
 * work stops the application naming the attribute.
 */
public record RangeIndex(RangeEncoding<Object> encoding, DyadicCover cover) {

    @SuppressWarnings({"unchecked", "rawtypes"})
    static RangeIndex of(EncryptedAttribute<?> attribute, SearchOptions.Range range) {
        try {
            RangeBounds bounds = new RangeBounds(range.min(), range.max(), attribute.codecOptions().precision(),
                    attribute.codecOptions().scale(), range.unit());
            RangeEncoding<Object> encoding = (RangeEncoding) RangeEncodings.of((Class) attribute.javaType(), bounds);
            return new RangeIndex(encoding, new DyadicCover(encoding.bits(), range.sparsity(), range.trim()));
        } catch (IllegalArgumentException e) {
            throw new AlwaysEncryptedException("@RangeSearch on " + attribute.role() + ": " + e.getMessage(), e);
        }
    }
}
