package app.stagedoor.booking;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A ticket's code as a QR code, drawn on the server with ZXing as an SVG that pages embed (no
 * script, nothing from elsewhere) and that prints sharply at any size.
 */
@Component
class QrCodes {

    private static final int QUIET_ZONE = 4;

    /** The SVG element of a QR code of {@code text}, one unit per module. */
    String svg(String text) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
            int size = matrix.getWidth() + 2 * QUIET_ZONE;
            var path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        path.append('M')
                                .append(x + QUIET_ZONE)
                                .append(' ')
                                .append(y + QUIET_ZONE)
                                .append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + size + " " + size
                    + "\" shape-rendering=\"crispEdges\" role=\"img\" data-testid=\"qr\"><rect width=\"100%\""
                    + " height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("cannot draw a QR code of " + text.length() + " characters", tooLong);
        }
    }
}
