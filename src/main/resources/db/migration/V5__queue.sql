-- The waiting room: one line per concert, one ticket per fan and concert.

-- Counters of a concert's line. Every place up to admitted_up_to has been admitted or has left, so
-- a waiting fan's position is seq - admitted_up_to: no COUNT over the line.
CREATE TABLE queue_lines (
    concert_id        BIGINT      NOT NULL PRIMARY KEY,
    last_seq          BIGINT      NOT NULL DEFAULT 0,
    admitted_up_to    BIGINT      NOT NULL DEFAULT 0,
    admitted_total    BIGINT      NOT NULL DEFAULT 0,
    expired_total     BIGINT      NOT NULL DEFAULT 0,
    next_admission_at DATETIME(3) NULL,
    places_per_second DOUBLE      NOT NULL DEFAULT 0,
    measured_at       DATETIME(3) NULL,
    CONSTRAINT fk_queue_lines_concert FOREIGN KEY (concert_id) REFERENCES concerts (id)
);

-- The organiser's settings of a line, changed in one place.
CREATE TABLE queue_settings (
    concert_id             BIGINT      NOT NULL PRIMARY KEY,
    admit_count            INT         NOT NULL,
    admit_interval_seconds INT         NOT NULL,
    max_active             INT         NULL,
    active_seconds         INT         NOT NULL,
    hold_seconds           INT         NOT NULL,
    paused                 BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at             DATETIME(3) NOT NULL,
    updated_by             VARCHAR(30) NULL,
    CONSTRAINT fk_queue_settings_concert FOREIGN KEY (concert_id) REFERENCES concerts (id)
);

-- A fan's ticket for one concert (QueueStatus WAIT, ACTIVE or EXPIRE; no row is NONE). Joining
-- again after EXPIRE reuses the row with a new place at the back. seq is the place in line: a
-- value the line hands out, not the insertion order of rows.
CREATE TABLE queue_tokens (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    concert_id    BIGINT      NOT NULL,
    member_id     BIGINT      NOT NULL,
    seq           BIGINT      NULL,
    joined_mark   BIGINT      NOT NULL DEFAULT 0,
    status        VARCHAR(8)  NOT NULL,
    joined_at     DATETIME(3) NOT NULL,
    last_seen_at  DATETIME(3) NOT NULL,
    admitted_at   DATETIME(3) NULL,
    active_until  DATETIME(3) NULL,
    expired_at    DATETIME(3) NULL,
    expire_reason VARCHAR(10) NULL,
    CONSTRAINT uk_queue_tokens_member UNIQUE (concert_id, member_id),
    CONSTRAINT uk_queue_tokens_seq UNIQUE (concert_id, seq),
    CONSTRAINT ck_queue_tokens_status CHECK (status IN ('WAIT', 'ACTIVE', 'EXPIRE'))
);
-- The head of the line, in order; also counts waiting and active fans for the organiser.
CREATE INDEX ix_queue_tokens_line ON queue_tokens (concert_id, status, seq);
-- Admissions that run out, and fans who stopped polling.
CREATE INDEX ix_queue_tokens_active ON queue_tokens (concert_id, status, active_until);
CREATE INDEX ix_queue_tokens_seen ON queue_tokens (concert_id, status, last_seen_at);
