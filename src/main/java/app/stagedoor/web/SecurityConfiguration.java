package app.stagedoor.web;

import app.stagedoor.shared.RateLimiter;
import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Six filter chains: the token endpoint (HTTP Basic), the rest of the API (bearer tokens, no
 * session, so no CSRF), the API's documentation (open to anyone, read only), the waiting room's
 * poll and the seat map's refresh (the fan their pass names, or the session's, read only), and
 * the pages (form login, session, CSRF on every form and htmx request).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The pages' policy plus the one {@code <style>} element Swagger UI's script writes into its
     * page (by its hash, so nothing else inline is let in; SwaggerUiJourneyTest names the hash
     * a new Swagger UI needs).
     */
    static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace(
            "style-src 'self';", "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';");

    @Bean
    LoginThrottle loginThrottle(RateLimiter limiter, WebProperties web, RateLimits limits) {
        return new LoginThrottle(limiter, web, limits);
    }

    /** The throttle counts sign-in attempts before Spring Security checks any password. */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottleBeforeSecurity(LoginThrottle throttle) {
        var registration = new FilterRegistrationBean<>(throttle);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /**
     * No observation of Spring Security's own steps: wrapping each filter of every request in one
     * cost more than it told (the requests themselves are still observed, as
     * {@code http.server.requests}). Without this, an observation registry makes Spring Security
     * wrap every filter, authentication and authorization, even when the observations are off.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpoint(HttpSecurity http, Problems problems) throws Exception {
        return http.securityMatcher(TokenController.PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.basicEntryPoint()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems.basicEntryPoint()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, Problems problems, ApiTokens tokens) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/members")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/concerts",
                                "/api/v1/concerts/{concertId}",
                                "/api/v1/concerts/{concertId}/queue/draw")
                        .permitAll()
                        .requestMatchers("/api/v1/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt ->
                                jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(ApiTokens::authentication))
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * The OpenAPI document and Swagger UI, to read without signing in. Swagger UI's page is the
     * only one here that runs scripts other than the app's own, so it gets a policy of its own;
     * the pages keep theirs.
     */
    @Bean
    @Order(3)
    SecurityFilterChain documentation(HttpSecurity http) throws Exception {
        return http.securityMatcher(
                        "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(SWAGGER_UI_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * The waiting-room panel's poll, which every waiting browser sends every few seconds: only a
     * {@code GET} (so no CSRF token to check or to draw), signed in by the pass its address carries
     * and the session cookie, without reading the session (which lives in the database: {@link
     * PollPasses}); without a valid pass, through the pages' session, which it reads and never
     * creates or writes. A signed-out or expired session gets the same answer as on any page (a
     * full reload for htmx, the sign-in page otherwise), without being kept as the page to return
     * to. The pages' headers, as on every page.
     */
    @Bean
    @Order(4)
    SecurityFilterChain waitingRoomPoll(HttpSecurity http, PollPasses passes) throws Exception {
        return signedInByPass(http, "/concerts/{concertId}/waiting-room/status", passes.filter());
    }

    /**
     * The open seat map's refresh, which every admitted fan's map sends every few seconds: as the
     * waiting room's poll, but only a pass drawn for that very map's refresh signs it in (it ends
     * with the admission the page found, {@link PollPasses#current(String, java.time.Instant)});
     * any other pass, or none, goes through the session.
     */
    @Bean
    @Order(5)
    SecurityFilterChain seatMapRefresh(HttpSecurity http, PollPasses passes) throws Exception {
        return signedInByPass(http, "/performances/{performanceId}/seats/map", passes.addressFilter());
    }

    /** A {@code GET} that a pass signs in, else the pages' session, read and never created or written. */
    private static SecurityFilterChain signedInByPass(HttpSecurity http, String path, jakarta.servlet.Filter passFilter)
            throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path))
                .addFilterAfter(passFilter, SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .exceptionHandling(exceptions -> htmxReloads(exceptions)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
                .headers(SecurityConfiguration::pageHeaders)
                .build();
    }

    @Bean
    @Order(6)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/", "/signup", "/login", "/error", "/lang", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/css/**", "/js/**", "/images/**", "/webjars/**", "/posters/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/concerts/{concertId}", "/concerts/{concertId}/door")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/admin/**", "/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new ReturnToPage())
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/?signedOut"))
                .exceptionHandling(SecurityConfiguration::htmxReloads)
                .headers(SecurityConfiguration::pageHeaders)
                .build();
    }

    /** A signed-out htmx request reloads its page, whose answer is then the sign-in. */
    private static ExceptionHandlingConfigurer<HttpSecurity> htmxReloads(
            ExceptionHandlingConfigurer<HttpSecurity> exceptions) {
        return exceptions.defaultAuthenticationEntryPointFor(
                new HxRefreshHeaderAuthenticationEntryPoint(), new RequestHeaderRequestMatcher("HX-Request"));
    }

    private static void pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }
}
