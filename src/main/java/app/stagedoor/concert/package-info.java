/**
 * The catalogue: concerts, their performances (dates), the seat map every performance is built
 * from, and the seats with their {@link app.stagedoor.concert.SeatStatus}. Fans browse it; the
 * organiser sets it up under {@code /admin}. {@link app.stagedoor.concert.Catalogue} answers
 * questions about it, {@link app.stagedoor.concert.SeatInventory} moves seats between states, and
 * {@link app.stagedoor.concert.AdmissionGate} is the check (made by the waiting room) that guards
 * the dates and the seat map. The seat map's refresh is signed in by a pass of the web module
 * ({@link app.stagedoor.web.PollPasses}) that carries the admission its page found.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Concerts",
        allowedDependencies = {"member", "shared", "web"})
package app.stagedoor.concert;
