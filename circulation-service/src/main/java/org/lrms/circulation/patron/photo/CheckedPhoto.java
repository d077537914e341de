package org.lrms.circulation.patron.photo;

/** A picture whose bytes were found to be a JPEG or PNG within the limits, with its type and its size in pixels. */
public record CheckedPhoto(String contentType, int width, int height) {
}
