package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.wallet.Wallets;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /reservations/{id}/checkout}: the held seats, the total, the wallet and a countdown; pay
 * or let the seats go. The pay form carries a key made when the page was drawn, so a double click
 * or a replayed form pays once and lands on the tickets.
 */
@Controller
@RequestMapping("/reservations/{reservationId}")
class CheckoutController {

    private final Reservations reservations;
    private final Checkout checkout;
    private final Catalogue catalogue;
    private final Wallets wallets;
    private final MessageSource messages;

    CheckoutController(
            Reservations reservations,
            Checkout checkout,
            Catalogue catalogue,
            Wallets wallets,
            MessageSource messages) {
        this.reservations = reservations;
        this.checkout = checkout;
        this.catalogue = catalogue;
        this.wallets = wallets;
        this.messages = messages;
    }

    @GetMapping("/checkout")
    String page(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long reservationId, Model model) {
        var reservation = reservations.one(me.id(), reservationId);
        if (reservation.status() == ReservationStatus.CONFIRM) {
            return "redirect:/reservations";
        }
        long balance = wallets.balanceOf(me.id());
        model.addAttribute("reservation", reservation);
        model.addAttribute(
                "concert", catalogue.findConcert(reservation.concertId()).orElseThrow(DomainException::notFound));
        model.addAttribute(
                "performance",
                catalogue.findPerformance(reservation.performanceId()).orElseThrow(DomainException::notFound));
        model.addAttribute("walletBalance", balance);
        model.addAttribute("shortfall", Math.max(0, reservation.amount() - balance));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "booking/checkout";
    }

    @PostMapping("/payment")
    String pay(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long reservationId,
            @RequestParam(required = false) String idempotencyKey,
            RedirectAttributes redirect) {
        try {
            checkout.pay(
                    me.id(), reservationId, idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey);
            redirect.addFlashAttribute("paid", reservationId);
            return "redirect:/reservations";
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("payError", message(refused));
            return "redirect:/reservations/" + reservationId + "/checkout";
        }
    }

    @PostMapping("/cancel")
    String cancel(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long reservationId,
            RedirectAttributes redirect) {
        var reservation = reservations.one(me.id(), reservationId);
        try {
            checkout.cancel(me.id(), reservationId);
            redirect.addFlashAttribute(
                    "holdError", messages.getMessage("checkout.cancelled", null, LocaleContextHolder.getLocale()));
            return "redirect:/performances/" + reservation.performanceId() + "/seats";
        } catch (DomainException refused) {
            redirect.addFlashAttribute("payError", message(refused));
            return "redirect:/reservations/" + reservationId + "/checkout";
        }
    }

    private String message(DomainException refused) {
        return messages.getMessage(refused, LocaleContextHolder.getLocale());
    }
}
