package app.stagedoor.concert;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Posters, kept in the database so every instance serves the same image. */
@Repository
class PosterStore {

    record Poster(String contentType, byte[] image, Instant updatedAt) {}

    private final JdbcClient jdbc;

    PosterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(long concertId, PosterImage image, Instant now) {
        int updated = jdbc.sql("UPDATE posters SET content_type = ?, image = ?, updated_at = ? WHERE concert_id = ?")
                .params(image.contentType(), image.bytes(), now, concertId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO posters (concert_id, content_type, image, updated_at) VALUES (?, ?, ?, ?)")
                    .params(concertId, image.contentType(), image.bytes(), now)
                    .update();
        }
    }

    Optional<Poster> find(long concertId) {
        return jdbc.sql("SELECT content_type, image, updated_at FROM posters WHERE concert_id = ?")
                .param(concertId)
                .query((rs, n) -> new Poster(
                        rs.getString("content_type"),
                        rs.getBytes("image"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    boolean exists(long concertId) {
        return jdbc.sql("SELECT COUNT(*) FROM posters WHERE concert_id = ?")
                        .param(concertId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Set<Long> concertsWithPoster() {
        return new HashSet<>(
                jdbc.sql("SELECT concert_id FROM posters").query(Long.class).list());
    }
}
