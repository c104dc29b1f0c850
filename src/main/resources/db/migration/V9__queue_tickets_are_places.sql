-- A ticket is one place in one line: it ends at EXPIRE, and a fan who joins again gets a new
-- ticket at the back. live_member_id is the fan while the ticket is live (WAIT or ACTIVE) and NULL
-- once it ended, so the unique key allows one live ticket per fan and concert, and any number of
-- ended ones.
ALTER TABLE queue_tokens ADD COLUMN live_member_id BIGINT NULL;
UPDATE queue_tokens SET live_member_id = member_id WHERE status IN ('WAIT', 'ACTIVE');
ALTER TABLE queue_tokens DROP CONSTRAINT uk_queue_tokens_member;
ALTER TABLE queue_tokens ADD CONSTRAINT uk_queue_tokens_live UNIQUE (concert_id, live_member_id);
-- A fan's latest ticket for a concert.
CREATE INDEX ix_queue_tokens_member ON queue_tokens (concert_id, member_id, id);

-- The organiser's settings are an aggregate saved as a whole, with optimistic locking.
ALTER TABLE queue_settings ADD COLUMN version INT NOT NULL DEFAULT 0;
