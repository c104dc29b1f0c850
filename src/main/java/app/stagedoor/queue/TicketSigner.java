package app.stagedoor.queue;

import app.stagedoor.shared.SigningKeys;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Signs and reads waiting-room tickets: a compact HS256 JWT naming the ticket, the concert, the
 * fan and their place. A poll that carries a valid ticket needs no database read to know where
 * the fan stands; a ticket is useless to anyone but the fan it names. A ticket read once is
 * remembered for a while, so the polls that follow neither verify nor parse it again.
 */
@Component
class TicketSigner {

    record Claims(long tokenId, long concertId, long memberId, long seq, long joinedMark) {}

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Cache<String, Claims> verified = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    TicketSigner(SigningKeys keys, QueueProperties properties) {
        var key = keys.hmacKey("queue-ticket", properties.ticketSecret());
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable ticket key", e);
        }
    }

    String sign(Claims claims) {
        var jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .claim("tid", claims.tokenId())
                        .claim("cid", claims.concertId())
                        .claim("mid", claims.memberId())
                        .claim("seq", claims.seq())
                        .claim("jm", claims.joinedMark())
                        .build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a ticket", e);
        }
        return jwt.serialize();
    }

    /** The claims of a ticket this application signed; empty for anything else. */
    Optional<Claims> read(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 1_000) {
            return Optional.empty();
        }
        var known = verified.getIfPresent(ticket);
        if (known != null) {
            return Optional.of(known);
        }
        return verify(ticket).map(claims -> {
            verified.put(ticket, claims);
            return claims;
        });
    }

    private Optional<Claims> verify(String ticket) {
        try {
            var jwt = SignedJWT.parse(ticket);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            var claims = jwt.getJWTClaimsSet();
            return Optional.of(new Claims(
                    claims.getLongClaim("tid"),
                    claims.getLongClaim("cid"),
                    claims.getLongClaim("mid"),
                    claims.getLongClaim("seq"),
                    claims.getLongClaim("jm")));
        } catch (ParseException | JOSEException | RuntimeException forged) {
            return Optional.empty();
        }
    }
}
