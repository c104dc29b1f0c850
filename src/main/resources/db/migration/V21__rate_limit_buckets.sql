-- Token buckets of the rate limits (Bucket4j's MySQL proxy manager): one row per limited key, its
-- state serialised by Bucket4j, and the time (epoch ms) after which a full bucket may be deleted.
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(200) NOT NULL PRIMARY KEY,
    state      BLOB         NULL,
    expires_at BIGINT       NULL
);
CREATE INDEX ix_rate_limit_buckets_expires ON rate_limit_buckets (expires_at);
