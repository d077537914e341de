package org.lrms.circulation.patron.photo;

import org.lrms.kit.problem.Problem;
import org.lrms.kit.problem.ProblemException;

import java.util.List;

/**
 * A picture that is not taken: no bytes (400), too many bytes (413 {@code photo-too-large}), a type other than JPEG
 * or PNG (415 {@code unsupported-media-type}), bytes that are not the picture they say or whose pixels cannot be
 * decoded or that are cut off before their end (422 {@code not-an-image}, {@code content-type-mismatch}), a CMYK
 * JPEG (422 {@code unsupported-color-model}), too many pixels (422 {@code photo-dimensions-too-large}). Its detail is
 * in words for staff, and is also the reason a zip import gives for the entry.
 */
public class PhotoRefused extends ProblemException {

    private final String code;

    PhotoRefused(int status, String title, String code, String detail) {
        this(status, title, code, detail, List.of());
    }

    private PhotoRefused(int status, String title, String code, String detail, List<Problem.FieldError> errors) {
        super(status, title, code, detail, errors);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static PhotoRefused empty() {
        String message = "the picture is empty: send its bytes as image/jpeg or image/png";
        return new PhotoRefused(400, "Invalid request", "invalid-request", "body: " + message,
                List.of(new Problem.FieldError("body", message)));
    }

    static PhotoRefused tooLarge(PhotoLimits limits) {
        PhotoRefused refused = new PhotoRefused(413, "Picture too large", "photo-too-large",
                "the picture is larger than " + limits.bytesInWords() + ", the limit");
        refused.with("maxBytes", limits.maxBytes());
        return refused;
    }

    static PhotoRefused tooManyPixels(PhotoLimits limits, int width, int height) {
        PhotoRefused refused = new PhotoRefused(422, "Picture too large", "photo-dimensions-too-large",
                "the picture is " + width + " x " + height + " pixels; at most " + limits.sideInWords());
        refused.with("maxWidth", limits.maxSide()).with("maxHeight", limits.maxSide());
        return refused;
    }

    static PhotoRefused unsupportedType(String contentType) {
        return new PhotoRefused(415, "Unsupported Media Type", "unsupported-media-type",
                (contentType == null || contentType.isBlank() ? "no Content-Type" : "Content-Type " + contentType)
                        + ": send the picture as image/jpeg or image/png");
    }

    static PhotoRefused notAnImage() {
        return new PhotoRefused(422, "Not a picture", "not-an-image", "not a JPEG or PNG picture");
    }

    /** Cut off before its end: an interrupted upload, a damaged file. */
    static PhotoRefused incomplete() {
        return new PhotoRefused(422, "Not a picture", "not-an-image",
                "the picture is damaged or incomplete: the file ends before its image does (an interrupted upload or a "
                        + "damaged file); send the whole file again");
    }

    /** Four color channels, as made for print: javax.imageio decodes them with wrong colors. */
    static PhotoRefused cmyk() {
        return new PhotoRefused(422, "Unsupported color model", "unsupported-color-model",
                "the picture is a CMYK JPEG (as made for print): its color model is not supported; save it as RGB "
                        + "(sRGB) and send it again");
    }

    static PhotoRefused mismatch(String declared, String actual) {
        return new PhotoRefused(422, "Not a picture", "content-type-mismatch",
                "the body is " + (actual.equals(PhotoCheck.PNG) ? "a PNG" : "a JPEG") + " picture, not " + declared
                        + ": send it as " + actual);
    }
}
