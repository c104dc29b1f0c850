/**
 * Holds, checkout and payment: seats held for a few minutes under a guard that can never let two
 * fans hold the same seat, paid from the wallet in one transaction, released when unpaid. A paid
 * reservation announces itself with {@link app.stagedoor.booking.ReservationConfirmed}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Booking",
        allowedDependencies = {"concert", "member", "shared", "wallet", "web"})
package app.stagedoor.booking;
