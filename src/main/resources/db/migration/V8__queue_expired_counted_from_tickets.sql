-- Ended tickets are counted from the tickets themselves (for the organiser only), so ending one
-- no longer updates the line's shared row: payments and leavers no longer queue on it.
ALTER TABLE queue_lines DROP COLUMN expired_total;
