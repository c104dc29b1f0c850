-- One row per promoter tick that admitted fans: the organiser's admissions per minute, and the
-- series a chart of the line will draw. Kept for a day.
CREATE TABLE queue_admissions (
    concert_id  BIGINT      NOT NULL,
    admitted_at DATETIME(3) NOT NULL,
    admitted    INT         NOT NULL,
    mark        BIGINT      NOT NULL,
    CONSTRAINT fk_queue_admissions_concert FOREIGN KEY (concert_id) REFERENCES concerts (id)
);
CREATE INDEX ix_queue_admissions ON queue_admissions (concert_id, admitted_at);
CREATE INDEX ix_queue_admissions_age ON queue_admissions (admitted_at);
