package org.lrms.catalog.title;

/**
 * Fired (CDI, synchronously, inside the transaction) when a title's data changed, so that copies can republish
 * their snapshots, which carry the title, author and material type.
 */
public record TitleChanged(Title title) {
}
