-- Opening day: a pre-queue before the on-sale time, a verifiable draw at opening, places given by
-- the line itself, and what the organiser's console shows and records.

-- How long before the on-sale time fans may join the pre-queue (0: no pre-queue), and a message
-- the organiser shows to everyone in the waiting room.
ALTER TABLE queue_settings ADD COLUMN pre_queue_minutes INT NOT NULL DEFAULT 10;
ALTER TABLE queue_settings ADD COLUMN message VARCHAR(200) NULL;

-- A join no longer takes a place: it only inserts the ticket, so joins never queue on the line's
-- row. The promoter gives places: at opening it draws the pre-queue's tickets into a random order,
-- and after that it numbers new tickets in join order (their ids) each tick. Every ticket of the
-- line with an id up to numbered_through has its place (or had ended before it got one).
ALTER TABLE queue_lines ADD COLUMN numbered_through BIGINT NOT NULL DEFAULT 0;

-- The promoter's last tick of the line: after a gap (every instance down), fans who could not poll
-- meanwhile are not dropped as gone.
ALTER TABLE queue_lines ADD COLUMN ticked_at DATETIME(3) NULL;

-- A ticket's public name in the published draw: random, so it tells nothing about the fan.
ALTER TABLE queue_tokens ADD COLUMN draw_code CHAR(16) NULL;

-- The draw of a concert's line. The seed is chosen (from a CSPRNG) and its SHA-256 published before
-- anyone can join; the seed itself is published once the draw has run, with its entrants.
CREATE TABLE queue_draws (
    concert_id   BIGINT      NOT NULL PRIMARY KEY,
    seed         CHAR(64)    NOT NULL,
    commitment   CHAR(64)    NOT NULL,
    committed_at DATETIME(3) NOT NULL,
    drawn_at     DATETIME(3) NULL,
    first_place  BIGINT      NULL,
    entrants     INT         NULL,
    draw_millis  BIGINT      NULL,
    -- the draw's order is written into the tickets' places front first, ahead of admission: the
    -- first `written` entrants have theirs; max_entrant_id is the highest ticket id drawn
    written      INT         NOT NULL DEFAULT 0,
    max_entrant_id BIGINT    NULL,
    CONSTRAINT fk_queue_draws_concert FOREIGN KEY (concert_id) REFERENCES concerts (id)
);

-- The drawn order itself, as it was decided: the entrants' ticket ids and codes in place order,
-- 50,000 to a row (16 bytes each: the id and the code as two 64-bit big-endian numbers). Writing
-- a million rows' places takes the database half a minute; this takes a second, so admission
-- starts at once and polls learn their places from it without reading their tickets.
CREATE TABLE queue_draw_orders (
    concert_id BIGINT   NOT NULL,
    chunk      INT      NOT NULL,
    entrants   LONGBLOB NOT NULL,
    PRIMARY KEY (concert_id, chunk),
    CONSTRAINT fk_queue_draw_orders_concert FOREIGN KEY (concert_id) REFERENCES concerts (id)
);

-- Every change an organiser made to a line: who, what, when, old and new value.
CREATE TABLE queue_audit (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    concert_id BIGINT       NOT NULL,
    changed_at DATETIME(3)  NOT NULL,
    changed_by VARCHAR(30)  NOT NULL,
    what       VARCHAR(30)  NOT NULL,
    old_value  VARCHAR(200) NULL,
    new_value  VARCHAR(200) NULL,
    CONSTRAINT fk_queue_audit_concert FOREIGN KEY (concert_id) REFERENCES concerts (id)
);
CREATE INDEX ix_queue_audit ON queue_audit (concert_id, id);

-- The line's length and admissions, sampled by the promoter for the organiser's chart; kept a day.
CREATE TABLE queue_samples (
    concert_id BIGINT      NOT NULL,
    sampled_at DATETIME(3) NOT NULL,
    in_line    BIGINT      NOT NULL,
    admitted   INT         NOT NULL,
    CONSTRAINT fk_queue_samples_concert FOREIGN KEY (concert_id) REFERENCES concerts (id)
);
CREATE INDEX ix_queue_samples ON queue_samples (concert_id, sampled_at);
CREATE INDEX ix_queue_samples_age ON queue_samples (sampled_at);
