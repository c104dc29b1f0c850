-- Wrong passwords no longer lock an account (anyone could lock anyone out); they slow down the
-- address they come from, counted in rate_limit_buckets.
ALTER TABLE members DROP COLUMN failed_logins;
ALTER TABLE members DROP COLUMN locked_until;
