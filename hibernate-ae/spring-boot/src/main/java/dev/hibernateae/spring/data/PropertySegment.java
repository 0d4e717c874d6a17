package dev.hibernateae.spring.data;

/**
 * One step of a Spring Data property path ({@code address.city} has two), apart from Spring Data's
 * {@code PropertyPath}, whose package differs between Spring Data 3 and 4 (see {@code PropertyPaths}).
 *
 * @param name the property's name
 * @param collection whether the property is collection-valued
 * @param type the property's type; a collection's element type
 */
record PropertySegment(String name, boolean collection, Class<?> type) {
}
