-- After the sale: a booking number per reservation, one e-ticket per paid seat, refunds with their
-- fee, and each concert's refund schedule.

-- REFUNDED: a paid reservation whose money went back (less the fee) and whose seats are on sale
-- again. CANCEL stays "never charged".
ALTER TABLE reservations DROP CONSTRAINT ck_reservations_status;
ALTER TABLE reservations ADD CONSTRAINT ck_reservations_status
    CHECK (status IN ('REQUEST', 'CONFIRM', 'CANCEL', 'REFUNDED'));
-- 예매번호: short and random, never a sequence (older reservations have none)
ALTER TABLE reservations ADD COLUMN booking_number VARCHAR(12) NULL;
ALTER TABLE reservations ADD CONSTRAINT uk_reservations_booking_number UNIQUE (booking_number);
ALTER TABLE reservations ADD COLUMN refunded_at DATETIME(3) NULL;
ALTER TABLE reservations ADD COLUMN refund_amount BIGINT NULL;
ALTER TABLE reservations ADD COLUMN refund_fee BIGINT NULL;
ALTER TABLE reservations ADD COLUMN refund_reason VARCHAR(16) NULL;

-- One ticket per seat of a paid reservation: VALID -> CHECKED_IN (admitted once) or VALID -> VOID
-- (refunded, date cancelled). Each move is one conditional update on its row.
CREATE TABLE tickets (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code           VARCHAR(16) NOT NULL,
    reservation_id BIGINT      NOT NULL,
    performance_id BIGINT      NOT NULL,
    seat_id        BIGINT      NOT NULL,
    status         VARCHAR(10) NOT NULL DEFAULT 'VALID',
    issued_at      DATETIME(3) NOT NULL,
    checked_in_at  DATETIME(3) NULL,
    checked_in_by  BIGINT      NULL,
    voided_at      DATETIME(3) NULL,
    CONSTRAINT uk_tickets_code UNIQUE (code),
    CONSTRAINT uk_tickets_seat UNIQUE (reservation_id, seat_id),
    CONSTRAINT fk_tickets_reservation FOREIGN KEY (reservation_id) REFERENCES reservations (id),
    CONSTRAINT ck_tickets_status CHECK (status IN ('VALID', 'CHECKED_IN', 'VOID'))
);
CREATE INDEX ix_tickets_performance ON tickets (performance_id, status);

-- A concert's refund schedule, in percent of the amount kept as a fee; no row means the default.
CREATE TABLE refund_schedules (
    concert_id         BIGINT NOT NULL PRIMARY KEY,
    booking_day_percent INT   NOT NULL,
    week_percent       INT    NOT NULL,
    three_days_percent INT    NOT NULL,
    day_before_percent INT    NOT NULL,
    version            INT    NOT NULL DEFAULT 0,
    CONSTRAINT fk_refund_schedules_concert FOREIGN KEY (concert_id) REFERENCES concerts (id),
    CONSTRAINT ck_refund_schedules_percent CHECK (booking_day_percent BETWEEN 0 AND 100
        AND week_percent BETWEEN 0 AND 100 AND three_days_percent BETWEEN 0 AND 100
        AND day_before_percent BETWEEN 0 AND 100)
);
