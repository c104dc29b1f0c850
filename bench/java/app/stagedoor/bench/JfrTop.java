package app.stagedoor.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the app spent a JFR recording's samples (booking.sh's profiled windows; it works on any
 * recording).
 *
 * <pre>JfrTop --jfr rec.jfr [--top 15]</pre>
 */
public final class JfrTop {

    /**
     * Summarises a recording of the app: CPU samples (jdk.ExecutionSample) by the library that was
     * running (the frame nearest the top of the stack that is not the JDK's own), the hottest leaf
     * methods and the app's own methods (inclusive); and for the request threads, what they waited
     * for (native samples: mostly socket reads from MariaDB; parks over the recording threshold:
     * mostly the connection pool).
     */
    public static void main(String[] args) throws IOException {
        var o = Options.parse(args);
        int top = (int) o.number("top", 15);
        var byLibrary = new HashMap<String, Long>();
        var leaves = new HashMap<String, Long>();
        var appInclusive = new HashMap<String, Long>();
        var waitingSamples = new HashMap<String, Long>();
        var parkMillis = new HashMap<String, Double>();
        long samples = 0;
        long nativeSamples = 0;
        long requestThreadSamples = 0;
        double gcMillis = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(o.get("jfr")))) {
            var type = event.getEventType().getName();
            var stack = event.getStackTrace();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    var frames = stack.getFrames();
                    byLibrary.merge(library(frames), 1L, Long::sum);
                    leaves.merge(method(frames.get(0)), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (var frame : frames) {
                        var m = method(frame);
                        if (m.startsWith("app.stagedoor.") && seen.add(m)) {
                            appInclusive.merge(m, 1L, Long::sum);
                        }
                    }
                    if (threadName(event).startsWith("http-nio-")) {
                        requestThreadSamples++;
                    }
                }
                case "jdk.NativeMethodSample" -> {
                    if (stack != null && threadName(event).contains("-exec-")) {
                        nativeSamples++;
                        waitingSamples.merge(library(stack.getFrames()), 1L, Long::sum);
                    }
                }
                case "jdk.ThreadPark", "jdk.JavaMonitorEnter" -> {
                    if (stack != null && threadName(event).contains("-exec-")) {
                        parkMillis.merge(
                                type.substring(4) + " in " + nearestNonJdk(stack.getFrames()),
                                event.getDuration().toNanos() / 1e6,
                                Double::sum);
                    }
                }
                case "jdk.GarbageCollection" -> gcMillis += event.getDuration().toNanos() / 1e6;
                default -> {}
            }
        }
        System.out.printf(
                "CPU samples: %d (request threads: %d); GC pauses: %.0f ms in total%n",
                samples, requestThreadSamples, gcMillis);
        printShares("CPU samples by library (nearest non-JDK frame to the top of the stack)", byLibrary, samples, top);
        printShares("Hottest leaf methods (self time)", leaves, samples, top);
        printShares("The app's own methods (inclusive)", appInclusive, samples, top);
        printShares(
                "Request threads in native code (sampled every 20 ms): waiting in", waitingSamples, nativeSamples, top);
        System.out.println("Request threads parked or blocked longer than the recording threshold (ms in total):");
        parkMillis.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("  %10.0f  %s%n", e.getValue(), e.getKey()));
    }

    static String threadName(RecordedEvent event) {
        var thread = event.hasField("sampledThread") ? event.getThread("sampledThread") : event.getThread();
        return thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
    }

    static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The library the sample is "in": the first frame from the top that is not the JDK's. */
    static String library(List<RecordedFrame> frames) {
        for (var frame : frames) {
            var name = frame.getMethod().getType().getName();
            if (!isJdk(name)) {
                return libraryOf(name);
            }
        }
        return frames.isEmpty()
                ? "?"
                : "JDK: " + packageOf(frames.get(0).getMethod().getType().getName());
    }

    /** "Library: Class.method" of the first frame from the top that is not the JDK's. */
    static String nearestNonJdk(List<RecordedFrame> frames) {
        for (var frame : frames) {
            var name = frame.getMethod().getType().getName();
            if (!isJdk(name)) {
                return libraryOf(name) + ": " + name.substring(name.lastIndexOf('.') + 1) + "."
                        + frame.getMethod().getName();
            }
        }
        return library(frames);
    }

    static boolean isJdk(String className) {
        return className.startsWith("java.")
                || className.startsWith("jdk.")
                || className.startsWith("sun.")
                || className.startsWith("javax.crypto")
                || className.startsWith("com.sun.");
    }

    static String libraryOf(String className) {
        String[][] known = {
            {"com.mysql.", "MySQL Connector/J (JDBC driver)"},
            {"org.mariadb.", "MariaDB JDBC driver"},
            {"com.zaxxer.hikari.", "HikariCP"},
            {"com.nimbusds.", "Nimbus JOSE (JWT)"},
            {"org.springframework.security.", "Spring Security"},
            {"tools.jackson.", "Jackson (JSON)"},
            {"com.fasterxml.jackson.", "Jackson (JSON)"},
            {"org.apache.tomcat.", "Tomcat"},
            {"org.apache.coyote.", "Tomcat"},
            {"org.apache.catalina.", "Tomcat"},
            {"org.springframework.jdbc.", "Spring JDBC"},
            {"org.springframework.data.", "Spring Data JDBC"},
            {"org.springframework.transaction.", "Spring transactions"},
            {"org.springframework.modulith.", "Spring Modulith (event registry)"},
            {"org.springframework.web.", "Spring MVC"},
            {"org.springframework.validation.", "Spring validation"},
            {"org.hibernate.validator.", "Hibernate Validator"},
            {"org.springframework.aop.", "Spring AOP / proxies"},
            {"org.springframework.", "Spring (other)"},
            {"ch.qos.logback.", "Logback"},
            {"org.slf4j.", "Logback"},
            {"io.micrometer.", "Micrometer"},
            {"app.stagedoor.", "Stagedoor (app code)"},
        };
        for (var entry : known) {
            if (className.startsWith(entry[0])) {
                return entry[1];
            }
        }
        return packageOf(className);
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(0, dot);
    }

    static void printShares(String title, Map<String, Long> counts, long total, int top) {
        System.out.println(title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e ->
                        System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }
}
