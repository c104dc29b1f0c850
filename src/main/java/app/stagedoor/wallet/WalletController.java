package app.stagedoor.wallet;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.DomainException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.FragmentsRendering;

/**
 * {@code /wallet}: balance, top-up and history. With htmx a top-up swaps the wallet panel and,
 * out of band, the balance badge in the header; without it the form posts and redirects.
 */
@Controller
class WalletController {

    static final int PAGE_SIZE = 10;

    private final Wallets wallets;
    private final List<LedgerDescriptions> descriptions;

    WalletController(Wallets wallets, List<LedgerDescriptions> descriptions) {
        this.wallets = wallets;
        this.descriptions = descriptions;
    }

    record TopUpForm(
            @NotNull(message = "{wallet.amount.required}") Long amount) {}

    /** Where a fan short of points came from: only a checkout page of this application. */
    private static final Pattern RETURN_TO = Pattern.compile("/reservations/\\d{1,18}/checkout");

    @GetMapping("/wallet")
    String wallet(
            @AuthenticationPrincipal MemberPrincipal me,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String returnTo,
            Model model) {
        if (returnTo != null && RETURN_TO.matcher(returnTo).matches()) {
            model.addAttribute("returnTo", returnTo);
        }
        populate(me, page, model);
        return "wallet/wallet";
    }

    @HxRequest
    @GetMapping("/wallet/history")
    String history(
            @AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "0") int page, Model model) {
        populateHistory(me, page, model);
        return "wallet/wallet :: history";
    }

    @GetMapping("/wallet/history")
    String historyPage(@RequestParam(defaultValue = "0") int page) {
        return "redirect:/wallet?page=" + Math.max(page, 0);
    }

    @HxRequest
    @PostMapping("/wallet/charges")
    FragmentsRendering topUpFragment(
            @AuthenticationPrincipal MemberPrincipal me,
            @Valid @ModelAttribute("form") TopUpForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model) {
        boolean charged = tryCharge(me, form, result);
        response.setStatus(charged ? 200 : 422);
        if (charged) {
            model.addAttribute("form", new TopUpForm(null));
        }
        populate(me, 0, model);
        model.addAttribute("charged", charged ? form.amount() : null);
        return FragmentsRendering.fragment("wallet/wallet :: panel")
                .fragment("wallet/badge :: badge(oob=true)")
                .build();
    }

    @PostMapping("/wallet/charges")
    String topUp(
            @AuthenticationPrincipal MemberPrincipal me,
            @Valid @ModelAttribute("form") TopUpForm form,
            BindingResult result,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        if (tryCharge(me, form, result)) {
            redirect.addFlashAttribute("charged", form.amount());
            return "redirect:/wallet";
        }
        response.setStatus(422);
        populate(me, 0, model);
        return "wallet/wallet";
    }

    private boolean tryCharge(MemberPrincipal me, TopUpForm form, BindingResult result) {
        if (result.hasErrors()) {
            return false;
        }
        try {
            wallets.charge(me.id(), form.amount());
            return true;
        } catch (DomainException refused) {
            result.rejectValue("amount", refused.code().messageKey(), refused.arguments(), null);
            return false;
        }
    }

    /** A page of the ledger, each payment and refund with what it was for. */
    private void populateHistory(MemberPrincipal me, int page, Model model) {
        var history = wallets.history(me.id(), Math.max(page, 0), PAGE_SIZE);
        var purposes = new HashMap<Long, LedgerDescriptions.Purpose>();
        descriptions.forEach(d -> purposes.putAll(d.describe(history.getContent())));
        model.addAttribute("history", history);
        model.addAttribute("purposes", purposes);
    }

    /** The page's model; a submitted form stays as it is, with its errors bound to it. */
    private void populate(MemberPrincipal me, int page, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TopUpForm(null));
        }
        model.addAttribute("walletBalance", wallets.balanceOf(me.id()));
        populateHistory(me, page, model);
        model.addAttribute("rules", wallets.rules());
    }
}
