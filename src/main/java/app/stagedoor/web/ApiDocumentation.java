package app.stagedoor.web;

import app.stagedoor.member.Role;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.shared.Refusals;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * The OpenAPI document of {@code /api/v1} ({@code /v3/api-docs}, shown by Swagger UI at {@code
 * /swagger-ui.html}). springdoc reads each call's parameters, body and answer from the controllers;
 * this adds what it cannot see there: who may make the call (asked of the security chains
 * themselves, so the document cannot drift from them), bearer authentication, and the problem
 * codes the call can answer, which are the controller method's {@link Refusals} and the codes
 * every call of its kind can answer.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";
    static final String BASIC = "basic";
    /** On each operation: every problem code it can answer, in the order of {@link ErrorCode}. */
    static final String PROBLEM_CODES = "x-problem-codes";

    private static final String DECLARED = "x-declared-refusals";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    private static final Authentication ANYONE = new AnonymousAuthenticationToken(
            "api-documentation", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    private static final Authentication A_FAN = UsernamePasswordAuthenticationToken.authenticated(
            "fan", null, AuthorityUtils.createAuthorityList(Role.FAN.authority()));

    @Bean
    OpenAPI stagedoorApi(WebProperties properties) {
        var bearer = new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("Trade your username and password for a token at `POST " + TokenController.PATH
                        + "` (HTTP Basic): it answers `{\"accessToken\", \"tokenType\": \"Bearer\", \"expiresIn\"}`."
                        + " Send it as `Authorization: Bearer <accessToken>` until it expires ("
                        + properties.tokenLifetime().toSeconds() + " s here); then take a new one.");
        var basic = new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("basic")
                .description("Your username and password, only to take a bearer token.");
        return new OpenAPI()
                .info(new Info().title("Stagedoor API").version("v1").description("""
                                Everything a fan does on the pages, for scripts: sign up, take a token, \
                                top up the wallet, join a concert's waiting room, poll until admitted, \
                                hold seats and pay for them; and the organiser's calls under `/api/v1/admin`.

                                JSON in and out. Times are ISO-8601 instants, durations seconds, money whole KRW.
                                Every refusal is an RFC 9457 problem detail (`application/problem+json`) with a \
                                stable `code`: branch on the code, show the `detail` (it is in the language of \
                                `Accept-Language`, English or Korean). Each call lists the codes it can answer; \
                                any call may also answer `METHOD_NOT_ALLOWED`, `NOT_ACCEPTABLE`, \
                                `UNSUPPORTED_MEDIA_TYPE` or, for a fault of ours, `INTERNAL_ERROR`.

                                A walk-through of a purchase with curl is in the project's `docs/api.md`."""))
                .components(new Components().addSecuritySchemes(BEARER, bearer).addSecuritySchemes(BASIC, basic));
    }

    /** Notes each call's declared refusals and its module, for {@link #problemAnswers} to finish. */
    @Bean
    OperationCustomizer declaredRefusals() {
        return (operation, handler) -> {
            var refusals = handler.getMethodAnnotation(Refusals.class);
            operation.addExtension(DECLARED, refusals == null ? List.of() : List.of(refusals.value()));
            operation.setTags(List.of(tagOf(handler.getBeanType())));
            return operation;
        };
    }

    /** Who may make each call, and every problem it can answer, once all calls are known. */
    @Bean
    OpenApiCustomizer problemAnswers(WebInvocationPrivilegeEvaluator access, MessageSource messages) {
        return api -> {
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        var uri = path.replaceAll("\\{[^}]+}", "1");
                        var codes = EnumSet.noneOf(ErrorCode.class);
                        if (operation.getExtensions() != null
                                && operation.getExtensions().remove(DECLARED) instanceof List<?> declared) {
                            declared.forEach(code -> codes.add((ErrorCode) code));
                        }
                        boolean hasInput = operation.getRequestBody() != null
                                || (operation.getParameters() != null
                                        && !operation.getParameters().isEmpty());
                        if (hasInput) {
                            codes.add(ErrorCode.VALIDATION);
                        }
                        if (operation.getRequestBody() != null) {
                            codes.add(ErrorCode.MALFORMED_REQUEST);
                        }
                        if (path.equals(TokenController.PATH)) {
                            operation.addSecurityItem(new SecurityRequirement().addList(BASIC));
                            codes.addAll(List.of(ErrorCode.UNAUTHORIZED, ErrorCode.ACCOUNT_LOCKED));
                        } else if (!access.isAllowed("", uri, method.name(), ANYONE)) {
                            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                            codes.add(ErrorCode.UNAUTHORIZED);
                            if (!access.isAllowed("", uri, method.name(), A_FAN)) {
                                codes.add(ErrorCode.FORBIDDEN);
                                operation.setTags(List.of("organisers"));
                                operation.setDescription(join("Organisers only.", operation.getDescription()));
                            }
                        }
                        codes.add(ErrorCode.BUSY);
                        addProblemAnswers(operation, codes, messages);
                    }));
            // (springdoc sets the components' schemas from the controllers' types: ours go in after)
            api.getComponents().addSchemas(PROBLEM, problemSchema()).setExamples(examples(messages));
        };
    }

    private static void addProblemAnswers(Operation operation, Set<ErrorCode> codes, MessageSource messages) {
        operation.addExtension(
                PROBLEM_CODES, codes.stream().map(ErrorCode::name).toList());
        var byStatus = new TreeMap<Integer, List<ErrorCode>>();
        codes.forEach(code -> byStatus.computeIfAbsent(code.status().value(), s -> new ArrayList<>())
                .add(code));
        byStatus.forEach((status, ofStatus) -> {
            var media = new MediaType().schema(new Schema<>().$ref(PROBLEM));
            ofStatus.forEach(code -> media.addExamples(code.name(), new Example().$ref(code.name())));
            var answer = new ApiResponse()
                    .description(ofStatus.stream()
                            .map(code -> "`" + code.name() + "`: " + text(code, messages))
                            .collect(Collectors.joining("\n\n")))
                    .content(new Content().addMediaType(PROBLEM_JSON, media));
            if (ofStatus.contains(ErrorCode.BUSY)) {
                answer.addHeaderObject(
                        "Retry-After",
                        new Header()
                                .description("seconds to wait before trying again")
                                .schema(new IntegerSchema()));
            }
            operation.getResponses().addApiResponse(String.valueOf(status), answer);
        });
    }

    private static Map<String, Example> examples(MessageSource messages) {
        var examples = new LinkedHashMap<String, Example>();
        for (var code : ErrorCode.values()) {
            var value = new LinkedHashMap<String, Object>();
            value.put("type", "about:blank");
            value.put("title", code.status().getReasonPhrase());
            value.put("status", code.status().value());
            value.put("detail", text(code, messages));
            value.put("code", code.name());
            examples.put(code.name(), new Example().summary(code.name()).value(value));
        }
        return examples;
    }

    private static Schema<?> problemSchema() {
        var field =
                new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        var code = new StringSchema().description("The stable code: branch on this.");
        code.setEnum(Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList());
        return new ObjectSchema()
                .description("A refusal, as RFC 9457 problem details with a stable `code`.")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().description("The HTTP status's reason phrase."))
                .addProperty("status", new IntegerSchema())
                .addProperty(
                        "detail",
                        new StringSchema().description("A message for the fan, in the language of Accept-Language."))
                .addProperty("instance", new StringSchema().description("The path that was called."))
                .addProperty("code", code)
                .addProperty(
                        "fields",
                        new ArraySchema()
                                .items(new StringSchema())
                                .description("`VALIDATION`: the fields that are not valid."))
                .addProperty(
                        "errors",
                        new ArraySchema().items(field).description("`VALIDATION`: each field's message, when known."))
                .addProperty(
                        "seatIds",
                        new ArraySchema()
                                .items(new IntegerSchema().format("int64"))
                                .description("`SEAT_UNAVAILABLE`: the seats another fan took first."));
    }

    /** The English message of a code, its arguments left out. */
    private static String text(ErrorCode code, MessageSource messages) {
        return messages.getMessage(code.messageKey(), null, code.name(), Locale.ENGLISH)
                .replaceAll("₩?\\{\\d[^}]*}", "…");
    }

    /** The module a controller belongs to: {@code app.stagedoor.wallet} → {@code wallet}. */
    private static String tagOf(Class<?> controller) {
        var module = controller
                .getPackageName()
                .substring(controller.getPackageName().lastIndexOf('.') + 1);
        return module.equals("web") ? "member" : module;
    }

    private static String join(String first, String second) {
        return second == null || second.isBlank() ? first : first + " " + second;
    }
}
