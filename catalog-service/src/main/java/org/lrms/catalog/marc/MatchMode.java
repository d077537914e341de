package org.lrms.catalog.marc;

/**
 * How an imported record finds the title it describes. STRICT: the same ISBN (ISBN-10 and -13 of one book are equal),
 * LCCN, ISSN or control number, and the same title and material type. RELAXED: the same identifier alone, or else
 * the same title, main author and publication year.
 */
public enum MatchMode {
    STRICT, RELAXED
}
