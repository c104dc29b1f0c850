package app.stagedoor.concert;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * An uploaded poster that was checked: at most {@value #MAX_BYTES} bytes, at most {@value
 * #MAX_SIDE} pixels a side, and really a PNG, JPEG or WebP image that decodes (by its content, not
 * by the name or type the browser claims). The size an image declares is read from its header
 * before anything is decoded, so a small file that claims 40,000 × 40,000 pixels costs nothing.
 */
record PosterImage(String contentType, byte[] bytes) {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_SIDE = 8_000;

    static PosterImage check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw invalid("concert.poster.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw invalid("concert.poster.tooLarge");
        }
        String type = detect(bytes);
        if (type == null) {
            throw invalid("concert.poster.notAnImage");
        }
        decode(bytes);
        return new PosterImage(type, bytes);
    }

    private static String detect(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        return null;
    }

    /** Reads the declared size first; decodes only an image of a sane size. */
    private static void decode(byte[] bytes) {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw invalid("concert.poster.notAnImage");
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    throw invalid("concert.poster.tooManyPixels");
                }
                var image = reader.read(0);
                if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
                    throw invalid("concert.poster.notAnImage");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof DomainException refused) {
                throw refused;
            }
            throw invalid("concert.poster.notAnImage");
        }
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static InvalidPoster invalid(String messageKey) {
        return new InvalidPoster(messageKey);
    }

    /** A file that is no poster, with the message key that says why. */
    static final class InvalidPoster extends DomainException {

        private final String reason;

        InvalidPoster(String reason) {
            super(ErrorCode.VALIDATION, Map.of("fields", List.of("poster")));
            this.reason = reason;
        }

        /** The message key of the reason, for the page. */
        String reason() {
            return reason;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PosterImage that
                && contentType.equals(that.contentType)
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * contentType.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "PosterImage[" + contentType + ", " + bytes.length + " bytes]";
    }
}
