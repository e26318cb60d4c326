package io.poolmap.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error pages (a request it refuses before Spring sees it, such as a malformed URL) as RFC 9457
 * problem details instead of HTML, without a stack trace or the server's version.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String title = status == null ? "Error" : status.getReasonPhrase();
        String slug = status == null ? "error" : ProblemType.slugOf(status);
        String detail = status != null && status.is5xxServerError()
                ? "poolmap could not handle this request; the error is in its log" : "the server refused this request: " + title;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + ProblemType.typeOf(slug) + "\",\"title\":\"" + title + "\",\"status\":" + code
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException cannotWrite) {
            // the client is gone or the response is committed: nothing more to say
        }
    }
}
