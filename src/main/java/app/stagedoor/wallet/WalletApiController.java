package app.stagedoor.wallet;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.shared.Refusals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/wallet}: balance, top-ups and the ledger. */
@RestController
@RequestMapping("/api/v1/wallet")
class WalletApiController {

    private final Wallets wallets;

    WalletApiController(Wallets wallets) {
        this.wallets = wallets;
    }

    record Balance(long balance) {}

    record ChargeRequest(@NotNull Long amount) {}

    record Entry(TransactionType type, long amount, long balanceAfter, Instant createdAt) {}

    record History(List<Entry> items, int page, int size, long totalItems) {}

    @GetMapping
    Balance balance(@AuthenticationPrincipal MemberPrincipal me) {
        return new Balance(wallets.balanceOf(me.id()));
    }

    @PostMapping("/charges")
    @Refusals({ErrorCode.INVALID_AMOUNT, ErrorCode.BALANCE_LIMIT})
    Balance charge(@AuthenticationPrincipal MemberPrincipal me, @Valid @RequestBody ChargeRequest request) {
        return new Balance(wallets.charge(me.id(), request.amount()));
    }

    @GetMapping("/transactions")
    History transactions(
            @AuthenticationPrincipal MemberPrincipal me,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Wallets.MAX_PAGE_SIZE) int size) {
        var history = wallets.history(me.id(), page, size);
        return new History(
                history.map(t -> new Entry(t.type(), t.amount(), t.balanceAfter(), t.createdAt()))
                        .getContent(),
                page,
                size,
                history.getTotalElements());
    }
}
