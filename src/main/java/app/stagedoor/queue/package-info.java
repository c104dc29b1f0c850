/**
 * The waiting room: one line per concert, tickets that move {@code WAIT → ACTIVE → EXPIRE},
 * a scheduled promoter that admits the next fans at the organiser's pace, and the gate that keeps
 * the dates, the seat map and the holds for admitted fans. {@link app.stagedoor.queue.WaitingRoom}
 * is its API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Waiting room",
        allowedDependencies = {"booking", "concert", "member", "shared"})
package app.stagedoor.queue;
