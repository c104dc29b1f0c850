-- Holds, reservations and payments.

-- A fan's order for held seats: REQUEST (held, unpaid) -> CONFIRM (paid) or CANCEL.
CREATE TABLE reservations (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    member_id      BIGINT      NOT NULL,
    concert_id     BIGINT      NOT NULL,
    performance_id BIGINT      NOT NULL,
    status         VARCHAR(8)  NOT NULL,
    amount         BIGINT      NOT NULL,
    created_at     DATETIME(3) NOT NULL,
    expires_at     DATETIME(3) NOT NULL,
    confirmed_at   DATETIME(3) NULL,
    cancelled_at   DATETIME(3) NULL,
    cancel_reason  VARCHAR(10) NULL,
    CONSTRAINT ck_reservations_status CHECK (status IN ('REQUEST', 'CONFIRM', 'CANCEL')),
    CONSTRAINT ck_reservations_amount CHECK (amount > 0)
);
CREATE INDEX ix_reservations_member ON reservations (member_id, id);
-- The sweeper's and the sales view's lookups of holds by expiry.
CREATE INDEX ix_reservations_expiry ON reservations (status, expires_at);
CREATE INDEX ix_reservations_performance ON reservations (performance_id, status);

-- The seats of a reservation. live_seat_id is the seat while the reservation is live (REQUEST or
-- CONFIRM) and NULL once cancelled: the unique key makes a seat in two live reservations
-- impossible, whatever the guard in front of it does.
CREATE TABLE reservation_seats (
    reservation_id BIGINT      NOT NULL,
    seat_id        BIGINT      NOT NULL,
    live_seat_id   BIGINT      NULL,
    label          VARCHAR(60) NOT NULL,
    price          BIGINT      NOT NULL,
    PRIMARY KEY (reservation_id, seat_id),
    CONSTRAINT uk_reservation_seats_live UNIQUE (live_seat_id),
    CONSTRAINT fk_reservation_seats_reservation FOREIGN KEY (reservation_id) REFERENCES reservations (id)
);

-- Seats a fan holds or has bought per date, so the per-fan limit is one conditional update.
CREATE TABLE fan_seat_counts (
    member_id      BIGINT NOT NULL,
    performance_id BIGINT NOT NULL,
    seats          INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (member_id, performance_id),
    CONSTRAINT ck_fan_seat_counts CHECK (seats >= 0)
);

-- One payment per reservation; the key makes a replayed payment answer the same.
CREATE TABLE payments (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reservation_id  BIGINT       NOT NULL,
    member_id       BIGINT       NOT NULL,
    amount          BIGINT       NOT NULL,
    balance_after   BIGINT       NOT NULL,
    idempotency_key VARCHAR(100) NULL,
    paid_at         DATETIME(3)  NOT NULL,
    CONSTRAINT uk_payments_reservation UNIQUE (reservation_id),
    CONSTRAINT fk_payments_reservation FOREIGN KEY (reservation_id) REFERENCES reservations (id)
);
