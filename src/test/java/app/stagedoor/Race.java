package app.stagedoor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The concurrency tests' harness: many tasks released at the same moment on many threads against
 * the real database. A task that throws fails the race with its exception.
 */
public final class Race {

    private static final int MAX_THREADS = 64;

    private Race() {}

    /** Runs the tasks all at once, each on its own thread up to 64 at a time; their answers, in order. */
    public static <T> List<T> run(List<? extends Callable<T>> tasks) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(Math.max(1, Math.min(tasks.size(), MAX_THREADS)));
        try {
            var running = new ArrayList<Future<T>>();
            for (var task : tasks) {
                running.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            var answers = new ArrayList<T>(running.size());
            for (var future : running) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the tasks all at once; how many answered true. */
    public static int countSucceeded(List<? extends Callable<Boolean>> tasks) throws Exception {
        return (int) run(tasks).stream().filter(Boolean::booleanValue).count();
    }

    /** Runs {@code task} on {@code threads} threads at once, each told its number. */
    public static void onThreads(int threads, ThreadTask task) throws Exception {
        var tasks = new ArrayList<Callable<Void>>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            tasks.add(() -> {
                task.run(thread);
                return null;
            });
        }
        run(tasks);
    }

    @FunctionalInterface
    public interface ThreadTask {
        void run(int thread) throws Exception;
    }
}
