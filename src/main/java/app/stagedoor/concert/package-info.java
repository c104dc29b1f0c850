/**
 * The catalogue: concerts, their performances (dates), the seat map every performance is built
 * from, and the seats with their {@link app.stagedoor.concert.SeatStatus}. Fans browse it; the
 * organiser sets it up under {@code /admin}. {@link app.stagedoor.concert.Catalogue} answers
 * questions about it, {@link app.stagedoor.concert.SeatInventory} moves seats between states, and
 * {@link app.stagedoor.concert.AdmissionGate} is the check (made by the waiting room) that guards
 * the dates and the seat map.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Concerts",
        allowedDependencies = {"member", "shared"})
package app.stagedoor.concert;
