package app.stagedoor.booking;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Each concert's refund schedule: the organiser's, or the default from the settings. */
@Component
class RefundSchedules {

    private final RefundScheduleRepository repository;
    private final BookingProperties properties;

    RefundSchedules(RefundScheduleRepository repository, BookingProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    RefundSchedule of(long concertId) {
        return repository.findById(concertId).orElseGet(() -> RefundSchedule.of(concertId, properties.refunds()));
    }

    @Transactional
    RefundSchedule change(long concertId, int bookingDay, int week, int threeDays, int dayBefore) {
        return repository.save(of(concertId).change(bookingDay, week, threeDays, dayBefore));
    }
}
