package app.stagedoor.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import app.stagedoor.bench.Api.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * Many fans, one seat, one moment: every fan fires one hold at the same seat at once.
 *
 * <pre>Burst --base URL --tokens tokens.tsv --first-fan ID --count 1000 --performance P --seat S
 *       [--timeout-ms 30000] --result burst.json</pre>
 *
 * java.net.http cannot be told to open its connections up front, so this uses plain sockets: all
 * connections are opened first (the TCP handshakes and Tomcat's accepts are done), one thread per
 * fan waits on a latch with its request ready in memory, and the latch releases them together.
 * Time runs from the release to the last answer read. "Connection: close" makes the end of an
 * answer the end of its stream.
 */
public final class Burst {

    record Result(
            int attempts,
            int winners,
            int answered,
            double connectMillis,
            double firstAnswerMillis,
            double medianAnswerMillis,
            double lastAnswerMillis,
            Map<String, Long> statuses) {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        var base = options.api().base();
        var fans = options.fans();
        long firstFan = options.number("first-fan");
        int count = (int) options.number("count");
        long performance = options.number("performance");
        int timeoutMillis = (int) options.number("timeout-ms", 30_000);
        var body = Api.JSON.writeValueAsBytes(Map.of("seatIds", List.of(options.number("seat"))));

        var requests = new byte[count][];
        for (int i = 0; i < count; i++) {
            var head = "POST /api/v1/performances/" + performance + "/holds HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Authorization: Bearer " + fans.token(firstFan + i) + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Accept: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n";
            var request = new ByteArrayOutputStream();
            request.writeBytes(head.getBytes(UTF_8));
            request.writeBytes(body);
            requests[i] = request.toByteArray();
        }

        long connectStart = System.nanoTime();
        var sockets = new Socket[count];
        for (int i = 0; i < count; i++) {
            sockets[i] = new Socket();
            sockets[i].setTcpNoDelay(true);
            sockets[i].setSoTimeout(timeoutMillis);
            sockets[i].connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        }
        double connectMillis = (System.nanoTime() - connectStart) / 1e6;

        var ready = new CountDownLatch(count);
        var go = new CountDownLatch(1);
        var ends = new long[count];
        var answers = new Answer[count];
        var threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            int fan = i;
            threads[i] = new Thread(
                    null,
                    () -> {
                        ready.countDown();
                        try {
                            go.await();
                            answers[fan] = exchange(sockets[fan], requests[fan]);
                        } catch (InterruptedException e) {
                            answers[fan] = Answer.failed("interrupted");
                        }
                        ends[fan] = System.nanoTime();
                    },
                    "fan-" + i,
                    256 * 1024);
            threads[i].start();
        }
        ready.await();
        Thread.sleep(200); // let the last threads that counted down reach go.await()
        long released = System.nanoTime();
        go.countDown();
        for (var thread : threads) {
            thread.join();
        }

        var statuses = new TreeMap<String, Long>();
        int winners = 0;
        int answered = 0;
        var millis = new double[count];
        for (int i = 0; i < count; i++) {
            statuses.merge(answers[i].label(), 1L, Long::sum);
            winners += answers[i].status() == 201 ? 1 : 0;
            answered += answers[i].status() == 201 || answers[i].status() == 409 ? 1 : 0;
            millis[i] = (ends[i] - released) / 1e6;
        }
        Arrays.sort(millis);
        Api.writeResult(
                options,
                new Result(
                        count,
                        winners,
                        answered,
                        Api.round(connectMillis),
                        Api.round(millis[0]),
                        Api.round(millis[count / 2]),
                        Api.round(millis[count - 1]),
                        statuses));
    }

    /** One request on its open connection, the answer read to the end of the stream. */
    static Answer exchange(Socket socket, byte[] request) {
        try (socket) {
            var out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return parse(socket.getInputStream());
        } catch (SocketTimeoutException timeout) {
            return Answer.timeout();
        } catch (IOException failure) {
            return Answer.failed(failure.getClass().getSimpleName());
        }
    }

    /** An HTTP/1.1 answer with its body as sent, or decoded from its chunks. */
    static Answer parse(InputStream in) throws IOException {
        var raw = in.readAllBytes();
        int bodyAt = indexOf(raw, CRLF_CRLF, 0);
        var head = new String(raw, 0, Math.max(bodyAt, 0), UTF_8);
        if (!head.startsWith("HTTP/1.1 ") || bodyAt < 0) {
            return Answer.failed("no-http-answer");
        }
        int status = Integer.parseInt(head.substring(9, 12));
        int at = bodyAt + CRLF_CRLF.length;
        if (!head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked")) {
            return new Answer(status, new String(raw, at, raw.length - at, UTF_8));
        }
        var body = new ByteArrayOutputStream();
        while (true) {
            int lineEnd = indexOf(raw, CRLF, at);
            var sizeLine = new String(raw, at, lineEnd - at, UTF_8).split(";")[0].trim();
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                return new Answer(status, body.toString(UTF_8));
            }
            body.write(raw, lineEnd + CRLF.length, size);
            at = lineEnd + CRLF.length + size + CRLF.length;
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
