-- A reservation's seat keeps where it is (section, row, number) as columns, not as a label that
-- pages took apart again; and a reservation carries a version, since it is now saved as a whole.

ALTER TABLE reservation_seats ADD COLUMN seat_section VARCHAR(40) NOT NULL DEFAULT '';
ALTER TABLE reservation_seats ADD COLUMN seat_row INT NOT NULL DEFAULT 0;
ALTER TABLE reservation_seats ADD COLUMN seat_number INT NOT NULL DEFAULT 0;

UPDATE reservation_seats
   SET seat_section = (SELECT s.section FROM seats s WHERE s.id = reservation_seats.seat_id),
       seat_row = (SELECT s.seat_row FROM seats s WHERE s.id = reservation_seats.seat_id),
       seat_number = (SELECT s.seat_number FROM seats s WHERE s.id = reservation_seats.seat_id);

ALTER TABLE reservation_seats DROP COLUMN label;

ALTER TABLE reservations ADD COLUMN version INT NOT NULL DEFAULT 0;
