package app.stagedoor.booking;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface RefundScheduleRepository extends Repository<RefundSchedule, Long> {

    Optional<RefundSchedule> findById(long concertId);

    RefundSchedule save(RefundSchedule schedule);
}
