package app.stagedoor.queue;

import java.time.Instant;
import java.util.List;

/**
 * A line's draw as anyone may check it: the commitment from the start, and once drawn the seed and
 * every entrant's place. Recomputing {@link DrawOrder#ALGORITHM} over the entrants' tickets with
 * the seed gives the same places ({@code bin/verify-draw} does it).
 *
 * @param commitment lowercase hex SHA-256 of the seed's bytes, published before anyone could join
 * @param seed the seed's bytes as lowercase hex; null until drawn
 * @param drawAt when the draw runs: the on-sale time
 * @param drawnAt when it ran; null until then
 * @param entrants every ticket of the pre-queue with the place the draw gave it, in place order;
 *     null until drawn
 * @param algorithm how places follow from the seed and the entrants
 */
public record PublishedDraw(
        String commitment, String seed, Instant drawAt, Instant drawnAt, List<Entrant> entrants, String algorithm) {

    /** An entrant by the opaque code of their ticket (never a member's id or name), and their place. */
    public record Entrant(String ticket, long place) {}
}
