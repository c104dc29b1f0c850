package app.stagedoor.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a measured window cost, at one moment: CPU ticks of the app, the database and this client
 * ({@code --pids app=PID,mariadbd=PID}) from /proc/PID/stat, of the app's threads by kind, of the
 * whole machine from /proc/stat, and the database's counters from {@code --counters-cmd} (lines
 * of "name&lt;TAB&gt;number").
 */
record Evidence(
        long nanos,
        Map<String, Long> processTicks,
        Map<String, Long> appThreads,
        long[] machine,
        Map<String, Long> counters) {

    /** USER_HZ: Linux reports /proc times in 1/100 s on every common build. */
    private static final double HZ = 100.0;

    static Evidence take(Options options) throws IOException, InterruptedException {
        var pids = new LinkedHashMap<String, Long>();
        for (var pair : options.get("pids", "").split(",")) {
            if (pair.contains("=")) {
                pids.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
            }
        }
        pids.put("client", ProcessHandle.current().pid());
        var ticks = new LinkedHashMap<String, Long>();
        pids.forEach((name, pid) -> ticks.put(name, processTicks(pid)));
        var counters = new TreeMap<String, Long>();
        var command = options.get("counters-cmd", "");
        if (!command.isBlank()) {
            for (var line : shell(command).split("\n")) {
                var parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[1].matches("-?\\d+")) {
                    counters.put(parts[0], Long.parseLong(parts[1]));
                }
            }
        }
        var appThreads = pids.containsKey("app") ? threadTicks(pids.get("app")) : Map.<String, Long>of();
        return new Evidence(System.nanoTime(), ticks, appThreads, machineTicks(), counters);
    }

    /** Percent of one core, as top shows it: 200 is both cores of a 2-core machine. */
    Map<String, Object> cpuSince(Evidence before) {
        double seconds = (nanos - before.nanos) / 1e9;
        var cpu = new LinkedHashMap<String, Object>();
        double ours = 0;
        for (var entry : processTicks.entrySet()) {
            double percent = (entry.getValue() - before.processTicks.get(entry.getKey())) / HZ / seconds * 100;
            cpu.put(entry.getKey(), Api.round(percent));
            ours += percent;
        }
        // /proc/stat: user nice system idle iowait irq softirq steal
        long[] d = new long[machine.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = machine[i] - before.machine[i];
        }
        double busy = (d[0] + d[1] + d[2] + d[5] + d[6]) / HZ / seconds * 100;
        cpu.put("machineBusy", Api.round(busy));
        cpu.put("others", Api.round(Math.max(0, busy - ours)));
        cpu.put("iowait", Api.round(d[4] / HZ / seconds * 100));
        cpu.put("steal", Api.round(d[7] / HZ / seconds * 100));
        cpu.put("cores", Runtime.getRuntime().availableProcessors());
        // the app's CPU by kind of thread: is it serving requests, compiling (JIT), collecting?
        var threads = new LinkedHashMap<String, Object>();
        appThreads.entrySet().stream()
                .map(e -> Map.entry(
                        e.getKey(),
                        (e.getValue() - before.appThreads.getOrDefault(e.getKey(), 0L)) / HZ / seconds * 100))
                .filter(e -> e.getValue() >= 0.5)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> threads.put(e.getKey(), Api.round(e.getValue())));
        cpu.put("appThreads", threads);
        return cpu;
    }

    Map<String, Long> countersSince(Evidence before) {
        var diff = new TreeMap<String, Long>();
        counters.forEach((name, value) -> diff.put(name, value - before.counters.getOrDefault(name, 0L)));
        return diff;
    }

    private static long processTicks(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields after "(comm)": state is field 3, utime 14, stime 15
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    /** CPU ticks of each kind of thread of a process, from /proc/PID/task/TID/stat. */
    private static Map<String, Long> threadTicks(long pid) throws IOException {
        var ticks = new HashMap<String, Long>();
        List<Path> tasks;
        try (var listing = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks = listing.toList();
        }
        for (var task : tasks) {
            String stat;
            try {
                stat = Files.readString(task.resolve("stat"));
            } catch (IOException threadEnded) {
                continue;
            }
            var name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks.merge(threadKind(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
        }
        return ticks;
    }

    /** Linux keeps 15 characters of a thread's name: "http-nio-18081-", "C2 CompilerThre", "GC Thread#0". */
    private static String threadKind(String name) {
        if (name.startsWith("http-nio-")) {
            return "Tomcat (requests)";
        }
        if (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler")) {
            return "JIT " + name.substring(0, 2);
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return "GC and VM";
        }
        if (name.startsWith("task-")) {
            return "async listeners";
        }
        return name.replaceAll("[#\\d]+$", "");
    }

    private static long[] machineTicks() throws IOException {
        var first = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        var ticks = new long[8];
        for (int i = 0; i < 8; i++) {
            ticks[i] = Long.parseLong(first[i + 1]);
        }
        return ticks;
    }

    private static String shell(String command) throws IOException, InterruptedException {
        var process = new ProcessBuilder("bash", "-c", command)
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("'" + command + "' failed: " + output);
        }
        return output;
    }
}
