package dev.hibernateae.spring.data;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.repository.query.parser.Part;

/** Spring Data 4's property paths as {@link PropertySegment}s, first to last. */
final class PropertyPaths {
    private PropertyPaths() {
    }

    /** @return the segments of the property a method name's part compares */
    static List<PropertySegment> of(Part part) {
        return segments(part.getProperty());
    }

    /** @return the segments of a dotted property path (a sort order's) of {@code domainClass} */
    static List<PropertySegment> of(String path, Class<?> domainClass) {
        return segments(PropertyPath.from(path, domainClass));
    }

    private static List<PropertySegment> segments(PropertyPath path) {
        List<PropertySegment> segments = new ArrayList<>();
        for (PropertyPath segment = path; segment != null; segment = segment.hasNext() ? segment.next() : null) {
            segments.add(new PropertySegment(segment.getSegment(), segment.isCollection(), segment.getType()));
        }
        return segments;
    }
}
