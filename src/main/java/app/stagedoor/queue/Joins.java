package app.stagedoor.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Joins written together: the fans who join while one batch is being written are written in the
 * next, with one multi-row insert, one read of their tickets and one commit, however many they
 * are (group commit). A join that finds nobody writing writes its own at once, so a quiet line
 * adds no wait; a rush costs the database a few statements a batch instead of three a fan. A fan
 * who already has a live ticket (another tab was first) gets that one: the unique key on live
 * tickets skips the row, and the read finds the ticket.
 */
@Component
class Joins {

    static final int MAX_BATCH = 500;
    private static final Duration GIVE_UP = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofMillis(20);

    private record Pending(
            long concertId, long memberId, String drawCode, Instant at, CompletableFuture<Ticket> done) {}

    private final TicketStore tickets;
    private final TransactionTemplate transaction;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    Joins(TicketStore tickets, TransactionTemplate transaction) {
        this.tickets = tickets;
        this.transaction = transaction;
    }

    /**
     * The fan's live ticket for the concert: a new one waiting without a place, or the one they
     * have; null in the rare case that the ticket they had ended while the batch was written (the
     * caller joins again).
     */
    Ticket join(long concertId, long memberId, Instant now) {
        var pending = new Pending(concertId, memberId, DrawCodes.next(), now, new CompletableFuture<>());
        queue.add(pending);
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        while (true) {
            writeQueued(pending);
            try {
                // a fan whose join someone else is writing waits for it; if nobody is writing any
                // more (the writer let go a moment before this join was queued) they write it themselves
                return pending.done().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("a join was not written within " + GIVE_UP);
                }
            } catch (ExecutionException failed) {
                if (failed.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(failed.getCause());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    /**
     * Writes the queued joins, batch after batch, unless another thread is writing them: until this
     * fan's own is written, and then a few batches more for the fans queued behind, so that nobody
     * waits long for a writer and no writer answers its own fan late.
     */
    private void writeQueued(Pending mine) {
        if (queue.isEmpty() || !writer.tryLock()) {
            return;
        }
        try {
            int more = 0;
            while (!queue.isEmpty() && (!mine.done().isDone() || more++ < 4)) {
                write(drain());
            }
        } finally {
            writer.unlock();
        }
    }

    private List<Pending> drain() {
        var batch = new ArrayList<Pending>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void write(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            var live = transaction.execute(status -> {
                tickets.insertWaiting(batch.stream()
                        .map(p -> new TicketStore.NewTicket(p.concertId(), p.memberId(), p.drawCode(), p.at()))
                        .toList());
                var byConcert = new HashMap<Long, List<Long>>();
                batch.forEach(p -> byConcert
                        .computeIfAbsent(p.concertId(), c -> new ArrayList<>())
                        .add(p.memberId()));
                var found = new HashMap<Long, Map<Long, Ticket>>();
                byConcert.forEach((concertId, members) -> found.put(concertId, tickets.live(concertId, members)));
                return found;
            });
            for (var p : batch) {
                p.done().complete(live.get(p.concertId()).get(p.memberId()));
            }
        } catch (RuntimeException failed) {
            batch.forEach(p -> p.done().completeExceptionally(failed));
        }
    }
}
