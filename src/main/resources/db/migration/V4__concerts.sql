-- The catalogue: concerts with their seat map (sections), performances (dates) and their seats.

CREATE TABLE concerts (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    title                VARCHAR(120)  NOT NULL,
    artist               VARCHAR(120)  NOT NULL,
    venue                VARCHAR(120)  NOT NULL,
    description          VARCHAR(4000) NOT NULL DEFAULT '',
    time_zone            VARCHAR(40)   NOT NULL,
    sales_open_at        DATETIME(3)   NOT NULL,
    max_seats_per_member INT           NOT NULL,
    published            BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at           DATETIME(3)   NOT NULL,
    version              INT           NOT NULL DEFAULT 0,
    CONSTRAINT ck_concerts_max_seats CHECK (max_seats_per_member BETWEEN 1 AND 20)
);
CREATE INDEX ix_concerts_published ON concerts (published, sales_open_at);

-- The seat map every performance of a concert is built from: sections in order, each a price tier.
CREATE TABLE concert_sections (
    concert_id    BIGINT      NOT NULL,
    position      INT         NOT NULL,
    name          VARCHAR(40) NOT NULL,
    seat_rows     INT         NOT NULL,
    seats_per_row INT         NOT NULL,
    price         BIGINT      NOT NULL,
    PRIMARY KEY (concert_id, position),
    CONSTRAINT uk_concert_sections_name UNIQUE (concert_id, name),
    CONSTRAINT fk_concert_sections_concert FOREIGN KEY (concert_id) REFERENCES concerts (id),
    CONSTRAINT ck_concert_sections_size CHECK (seat_rows > 0 AND seats_per_row > 0 AND price > 0)
);

CREATE TABLE posters (
    concert_id   BIGINT      NOT NULL PRIMARY KEY,
    content_type VARCHAR(40) NOT NULL,
    image        MEDIUMBLOB  NOT NULL,
    updated_at   DATETIME(3) NOT NULL,
    CONSTRAINT fk_posters_concert FOREIGN KEY (concert_id) REFERENCES concerts (id)
);

CREATE TABLE performances (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    concert_id BIGINT      NOT NULL,
    starts_at  DATETIME(3) NOT NULL,
    CONSTRAINT fk_performances_concert FOREIGN KEY (concert_id) REFERENCES concerts (id)
);
CREATE INDEX ix_performances_concert ON performances (concert_id, starts_at);

-- One row per seat of a performance. RESERVED seats carry the hold's reservation and its expiry:
-- a RESERVED seat past held_until counts as available again, even before the sweeper frees it.
CREATE TABLE seats (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    performance_id BIGINT      NOT NULL,
    section        VARCHAR(40) NOT NULL,
    tier           INT         NOT NULL,
    seat_row       INT         NOT NULL,
    seat_number    INT         NOT NULL,
    price          BIGINT      NOT NULL,
    status         VARCHAR(10) NOT NULL DEFAULT 'AVAILABLE',
    reservation_id BIGINT      NULL,
    held_until     DATETIME(3) NULL,
    CONSTRAINT fk_seats_performance FOREIGN KEY (performance_id) REFERENCES performances (id),
    CONSTRAINT uk_seats_place UNIQUE (performance_id, tier, seat_row, seat_number),
    CONSTRAINT ck_seats_status CHECK (status IN ('AVAILABLE', 'RESERVED', 'BOOKED')),
    CONSTRAINT ck_seats_hold CHECK ((status = 'AVAILABLE') = (reservation_id IS NULL))
);
-- Remaining-seat counts per performance read only this index.
CREATE INDEX ix_seats_availability ON seats (performance_id, status, held_until);
CREATE INDEX ix_seats_reservation ON seats (reservation_id);
