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
}
