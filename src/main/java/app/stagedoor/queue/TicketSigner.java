package app.stagedoor.queue;

import app.stagedoor.shared.SignedTokens;
import app.stagedoor.shared.SigningKeys;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Waiting-room tickets: a signed token naming the ticket, the concert, the fan and their place. A
 * poll that carries a valid ticket needs no database read to know where the fan stands; a ticket
 * is useless to anyone but the fan it names.
 */
@Component
class TicketSigner {

    /** What a ticket says; {@code seq} 0 while it has no place yet. */
    record Claims(long ticketId, long concertId, long memberId, long seq, long joinedMark, String drawCode) {

        static Claims of(Ticket ticket) {
            return new Claims(
                    ticket.id(),
                    ticket.concertId(),
                    ticket.memberId(),
                    ticket.seq(),
                    ticket.joinedMark(),
                    ticket.drawCode());
        }

        /** The same ticket at the place the draw gave it. */
        Claims placed(long place, long mark) {
            return new Claims(ticketId, concertId, memberId, place, mark, drawCode);
        }
    }

    private final SignedTokens tokens;

    TicketSigner(SigningKeys keys, QueueProperties properties) {
        this.tokens = keys.tokens("queue-ticket", properties.ticketSecret(), 100_000, Duration.ofMinutes(10));
    }

    String sign(Claims claims) {
        return tokens.sign(new JWTClaimsSet.Builder()
                .claim("tid", claims.ticketId())
                .claim("cid", claims.concertId())
                .claim("mid", claims.memberId())
                .claim("seq", claims.seq())
                .claim("jm", claims.joinedMark())
                .claim("dc", claims.drawCode())
                .build());
    }

    /** The claims of a ticket this application signed; empty for anything else. */
    Optional<Claims> read(String ticket) {
        return tokens.verify(ticket).flatMap(TicketSigner::claims);
    }

    private static Optional<Claims> claims(JWTClaimsSet claims) {
        try {
            return Optional.of(new Claims(
                    claims.getLongClaim("tid"),
                    claims.getLongClaim("cid"),
                    claims.getLongClaim("mid"),
                    claims.getLongClaim("seq"),
                    claims.getLongClaim("jm"),
                    claims.getStringClaim("dc")));
        } catch (java.text.ParseException | NullPointerException notATicket) {
            return Optional.empty();
        }
    }
}
