package app.stagedoor.browser;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@code /reservations/{id}/tickets}: one e-ticket per seat with its QR code. */
class TicketsPage extends Page {

    TicketsPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
        waitFor(d -> d.getCurrentUrl().endsWith("/tickets"));
        visible(testId("eticket"));
    }

    List<WebElement> tickets() {
        return driver.findElements(testId("eticket"));
    }

    /** The code printed under each QR code, without its dashes. */
    List<String> printedCodes() {
        return tickets().stream()
                .map(t -> t.findElement(testId("ticket-code")).getText().replace("-", ""))
                .toList();
    }

    /** Section, row and seat as each ticket shows them, e.g. "VIP 1 1". */
    List<String> seats() {
        return tickets().stream()
                .map(t -> String.join(
                        " ",
                        t.findElements(By.cssSelector("[data-testid='eticket-seat'] dd")).stream()
                                .map(WebElement::getText)
                                .toList()))
                .toList();
    }

    /** What a phone camera at the door reads from each QR code on the screen. */
    List<String> scannedCodes() throws Exception {
        var reader = new QRCodeReader();
        var codes = new java.util.ArrayList<String>();
        for (var ticket : tickets()) {
            var qr = ticket.findElement(testId("qr"));
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("arguments[0].scrollIntoView({block: 'center'});", qr);
            // read from the screen as a scanner would; a shot taken before the page settled (seen on
            // a busy machine: FormatException) is taken again, so only a code that never reads fails
            codes.add(waitFor(browser -> {
                try {
                    var image = ImageIO.read(new ByteArrayInputStream(qr.getScreenshotAs(OutputType.BYTES)));
                    var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
                    return reader.decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                            .getText();
                } catch (ReaderException | java.io.IOException unreadable) {
                    return null;
                }
            }));
        }
        return codes;
    }

    String when() {
        return tickets().get(0).findElement(testId("eticket-when")).getText();
    }
}
