package app.stagedoor.queue;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface LineSettingsRepository extends Repository<LineSettings, Long> {

    Optional<LineSettings> findById(long concertId);

    LineSettings save(LineSettings settings);
}
