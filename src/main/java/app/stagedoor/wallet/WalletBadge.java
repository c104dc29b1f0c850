package app.stagedoor.wallet;

import app.stagedoor.member.MemberPrincipal;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestHeader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the signed-in fan's balance into every full page, for the badge in the header. Fragments
 * answering htmx requests and redirects go without it; JSON answers have no model at all.
 */
@Component
class WalletBadge implements HandlerInterceptor, WebMvcConfigurer {

    private final Wallets wallets;

    WalletBadge(Wallets wallets) {
        this.wallets = wallets;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null
                || view.getModel().containsKey("walletBalance")
                || request.getHeader(HtmxRequestHeader.HX_REQUEST.getValue()) != null
                || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))
                || view.getView() instanceof SmartView smart && smart.isRedirectView()) {
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal me) {
            view.addObject("walletBalance", wallets.balanceOf(me.id()));
        }
    }
}
