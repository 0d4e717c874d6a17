package dev.hibernateae.api;

/** How an encrypted string becomes bytes before encryption. */
public enum StringEncoding {
    /** As SQL Server's nchar/nvarchar: UTF-16 little-endian. The default, and what SQL Server's drivers expect. */
    UTF_16LE,
    /** As a varchar with a UTF-8 collation: shorter cells for mostly-ASCII text. */
    UTF_8
}
