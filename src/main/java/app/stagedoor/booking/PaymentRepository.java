package app.stagedoor.booking;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface PaymentRepository extends Repository<Payment, Long> {

    Payment save(Payment payment);

    Optional<Payment> findByReservationId(long reservationId);
}
