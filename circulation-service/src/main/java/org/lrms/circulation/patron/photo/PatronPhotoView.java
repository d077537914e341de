package org.lrms.circulation.patron.photo;

import java.time.Instant;

/** A patron's picture as stored: its type, how many bytes, its size in pixels, when and by whom it was last put. */
public record PatronPhotoView(String contentType, int bytes, int width, int height, Instant updatedAt,
                              String updatedBy) {
}
