package app.stagedoor.web;

import app.stagedoor.shared.ErrorCode;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What Tomcat refuses before the application sees the request (a NUL in the address, a header too
 * large, a control character in a header) it answers with its own error report. For the API that
 * report is a problem detail with a code, like every other API error; for pages it stays Tomcat's
 * bare page, without server details or stack traces.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        // after Spring Boot's own report valve, so that this one, nearer the request, reports first
        factory.addContextCustomizers(
                context -> context.getParent().getPipeline().addValve(new ProblemErrorReportValve()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static class ProblemErrorReportValve extends ErrorReportValve {

        ProblemErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            var uri = request.getCoyoteRequest().requestURI().toString();
            if (uri == null || !uri.startsWith("/api/")) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            var ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get() || !response.setErrorReported()) {
                return;
            }
            var code = ErrorCode.forStatus(status);
            var reason = HttpStatus.resolve(status) == null
                    ? "Error"
                    : HttpStatus.resolve(status).getReasonPhrase();
            var body = "{\"type\":\"about:blank\",\"title\":\"" + reason + "\",\"status\":" + status
                    + ",\"detail\":\"The server could not read this request.\",\"code\":\"" + code.name() + "\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                var writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException unwritable) {
                // the client is gone or the response is closed: nothing more to say
            }
        }
    }
}
