package app.stagedoor.concert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stagedoor.shared.DomainException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PosterImageTest {

    static byte[] png(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    static String reason(Runnable upload) {
        try {
            upload.run();
            throw new AssertionError("accepted");
        } catch (PosterImage.InvalidPoster refused) {
            return refused.reason();
        }
    }

    @Test
    void a_real_png_or_jpeg_is_accepted_with_its_detected_type() throws IOException {
        assertThat(PosterImage.check(png(30, 40)).contentType()).isEqualTo("image/png");
        var jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(30, 40, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
        assertThat(PosterImage.check(jpeg.toByteArray()).contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void a_20_mb_file_is_refused_as_too_large() {
        var huge = new byte[20 * 1024 * 1024];
        assertThat(reason(() -> PosterImage.check(huge))).isEqualTo("concert.poster.tooLarge");
    }

    @Test
    void text_and_a_png_header_on_garbage_are_not_images() throws IOException {
        assertThat(reason(() -> PosterImage.check("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("concert.poster.notAnImage");
        var fake = Arrays.copyOf(png(1, 1), 16);
        assertThat(reason(() -> PosterImage.check(fake))).isEqualTo("concert.poster.notAnImage");
    }

    @Test
    void nothing_uploaded_is_asked_for() {
        assertThat(reason(() -> PosterImage.check(new byte[0]))).isEqualTo("concert.poster.empty");
        assertThatThrownBy(() -> PosterImage.check(null)).isInstanceOf(DomainException.class);
    }

    /** A valid PNG of a few hundred bytes whose header declares {@code side} × {@code side} pixels. */
    static byte[] declaring(int side) throws IOException {
        var out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        var header = java.nio.ByteBuffer.allocate(13)
                .putInt(side)
                .putInt(side)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .array();
        chunk(out, "IHDR", header);
        var compressed = new ByteArrayOutputStream();
        try (var deflate = new java.util.zip.DeflaterOutputStream(compressed)) {
            deflate.write(new byte[1_000]);
        }
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        var crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(type.getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void a_small_file_declaring_40000_by_40000_pixels_is_refused_before_it_is_decoded() throws IOException {
        var bomb = declaring(40_000);
        assertThat(bomb.length).isLessThan(2_000);
        long before = System.nanoTime();
        assertThat(reason(() -> PosterImage.check(bomb))).isEqualTo("concert.poster.tooManyPixels");
        var justOver = declaring(8_001);
        assertThat(reason(() -> PosterImage.check(justOver))).isEqualTo("concert.poster.tooManyPixels");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - before)).isLessThan(java.time.Duration.ofSeconds(5));
    }

    /** A 1 × 1 lossless WebP. */
    static final byte[] WEBP = java.util.Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    @Test
    void a_webp_is_decoded_and_a_webp_header_on_garbage_is_not_an_image() {
        assertThat(PosterImage.check(WEBP).contentType()).isEqualTo("image/webp");
        var fake = Arrays.copyOf(WEBP, 400);
        Arrays.fill(fake, 20, 400, (byte) 0x5A);
        assertThat(reason(() -> PosterImage.check(fake))).isEqualTo("concert.poster.notAnImage");
    }
}
