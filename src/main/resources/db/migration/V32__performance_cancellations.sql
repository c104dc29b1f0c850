-- A date the organiser cancelled: its sale stops, and the line says who did it and when.
CREATE TABLE performance_cancellations (
    performance_id BIGINT      NOT NULL PRIMARY KEY,
    cancelled_at   DATETIME(3) NOT NULL,
    cancelled_by   VARCHAR(40) NOT NULL,
    refunded       INT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_performance_cancellations_performance FOREIGN KEY (performance_id) REFERENCES performances (id)
);
