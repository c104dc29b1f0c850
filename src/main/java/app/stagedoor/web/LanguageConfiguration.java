package app.stagedoor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages in English and Korean: the browser's {@code Accept-Language} decides until the fan picks a
 * language in the footer ({@code ?lang=ko}), which a cookie then remembers. Only those two languages
 * are ever taken: {@code ?lang=ko-KR} is Korean, while {@code ?lang=fr} or a cookie with any other
 * value changes nothing. (A page drawn once is kept per language, so an open set of languages would
 * let anyone fill those copies with the same page under made-up names.)
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.KOREAN);

    /** The supported language {@code asked} is in, if any. */
    static Optional<Locale> supported(Locale asked) {
        return Optional.ofNullable(asked)
                .flatMap(locale -> SUPPORTED.stream()
                        .filter(known -> known.getLanguage().equals(locale.getLanguage()))
                        .findFirst());
    }

    @Bean
    LocaleResolver localeResolver() {
        var fromBrowser = new AcceptHeaderLocaleResolver();
        fromBrowser.setSupportedLocales(SUPPORTED);
        fromBrowser.setDefaultLocale(Locale.ENGLISH);
        var resolver = new CookieLocaleResolver("stagedoor-lang") {
            @Override
            protected Locale parseLocaleValue(String value) {
                // an unknown language in the cookie counts as none: the browser's then decides
                return supported(super.parseLocaleValue(value)).orElse(null);
            }

            @Override
            public void setLocaleContext(
                    HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
                var locale = context == null ? null : context.getLocale();
                super.setLocaleContext(
                        request,
                        response,
                        supported(locale).map(SimpleLocaleContext::new).orElse(null));
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(fromBrowser::resolveLocale);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                return supported(super.parseLocaleValue(value))
                        .orElseThrow(() -> new IllegalArgumentException("not a language of these pages: " + value));
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
