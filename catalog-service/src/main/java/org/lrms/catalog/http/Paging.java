package org.lrms.catalog.http;

import org.lrms.kit.problem.ProblemException;

/**
 * A page asked for by {@code ?page=&size=}: page 0 first. A page or size out of its bounds is a 400 naming the
 * parameter and the bounds, before anything is read.
 */
public record Paging(int page, int size) {

    /** The page, checked: {@code page} 0 to {@code lastPage}, {@code size} 1 to {@code maxSize}. */
    public static Paging of(int page, int size, int lastPage, int maxSize) {
        if (page < 0 || page > lastPage) {
            throw ProblemException.badRequest("page", "0 to " + lastPage);
        }
        if (size < 1 || size > maxSize) {
            throw ProblemException.badRequest("size", "1 to " + maxSize);
        }
        return new Paging(page, size);
    }

    /** Rows skipped before this page. */
    public int offset() {
        return page * size;
    }
}
