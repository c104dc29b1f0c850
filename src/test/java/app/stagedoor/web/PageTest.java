package app.stagedoor.web;

import app.stagedoor.shared.PollPace;
import app.stagedoor.shared.RateLimiter;
import app.stagedoor.wallet.Wallets;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A {@code @WebMvcTest} of one screen with the real security, layout and languages. The layout's
 * wallet badge asks {@link Wallets}, so it is always a mock here; get it with {@code @Autowired}.
 * The rate limiter and the poll pace are mocks too (they answer "not limited").
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@Import(WebSliceConfiguration.class)
@MockitoBean(types = {Wallets.class, RateLimiter.class, PollPace.class})
public @interface PageTest {

    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
