package org.lrms.circulation.patron.photo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reading a picture's bytes, a request body or a zip's entry, to a limit and no further. */
final class PhotoReads {

    /** Told of every chunk read; may stop the reading by throwing. */
    @FunctionalInterface
    interface Meter {
        void read(int bytes) throws IOException;
    }

    static final Meter UNMETERED = bytes -> {
    };

    private PhotoReads() {
    }

    /** At most {@code max} bytes of {@code in}: a larger picture is refused by its size, not read whole. */
    static byte[] readAtMost(InputStream in, int max, Meter meter) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 256 * 1024));
        byte[] buffer = new byte[64 * 1024];
        int n;
        while (out.size() < max && (n = in.read(buffer, 0, Math.min(buffer.length, max - out.size()))) > 0) {
            meter.read(n);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
