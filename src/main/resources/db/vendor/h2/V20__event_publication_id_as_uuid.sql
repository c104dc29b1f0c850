-- H2 only (Flyway reads db/vendor/{vendor} too). Spring Modulith reads an event publication's id on
-- H2 as a UUID and fails on the VARCHAR that V1 declares for MySQL, so an application killed while
-- an event was still being handled could not start again ("Database value not of type UUID").
ALTER TABLE EVENT_PUBLICATION ALTER COLUMN ID SET DATA TYPE UUID;
