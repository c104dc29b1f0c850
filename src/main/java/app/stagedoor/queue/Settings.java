package app.stagedoor.queue;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** Each line's settings: the organiser's, or the defaults until an organiser has changed any. */
@Component
class Settings {

    private final LineSettingsRepository repository;
    private final QueueSettings defaults;

    Settings(LineSettingsRepository repository, QueueProperties properties) {
        this.repository = repository;
        this.defaults = properties.defaults().settings();
    }

    QueueSettings of(long concertId) {
        return line(concertId).map(LineSettings::value).orElse(defaults);
    }

    /** The organiser's settings and message of the line; empty until an organiser changed any. */
    java.util.Optional<LineSettings> line(long concertId) {
        return repository.findById(concertId);
    }

    QueueSettings defaults() {
        return defaults;
    }

    /** The organiser's message to everyone in the line, or null. */
    String messageOf(long concertId) {
        return line(concertId).map(LineSettings::message).orElse(null);
    }

    /** Call with the line's row locked; null takes the message down. */
    void changeMessage(long concertId, String message, String by, Instant now) {
        var changed = repository.findById(concertId).orElseGet(() -> LineSettings.first(concertId, defaults, by, now));
        changed.changeMessage(message, by, now);
        repository.save(changed);
    }

    /** Call with the line's row locked, so two organisers' changes apply one after the other. */
    void change(long concertId, QueueSettings settings, String by, Instant now) {
        var changed = repository
                .findById(concertId)
                .map(existing -> {
                    existing.change(settings, by, now);
                    return existing;
                })
                .orElseGet(() -> LineSettings.first(concertId, settings, by, now));
        repository.save(changed);
    }
}
