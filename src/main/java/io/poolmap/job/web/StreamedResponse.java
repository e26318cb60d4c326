package io.poolmap.job.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Opens a response for a stream that the request's thread writes as it goes: headers sent at once (so the client
 * knows the stream is open before the first item), no caching or proxy buffering, and a fixed buffer in front of
 * Tomcat's, so that a stream never holds more than that much text; a write to a client that does not read parks the
 * writing (virtual) thread until it does, or until Tomcat's write timeout ({@code poolmap.request.read-timeout}).
 */
final class StreamedResponse {

    private StreamedResponse() {
    }

    /** The response as a UTF-8 writer with a buffer of {@code bufferChars}: 8 K for results, less for small events. */
    static Writer open(HttpServletResponse response, int bufferChars) throws IOException {
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // nginx and others: pass each flush on, do not buffer the stream
        response.flushBuffer();
        return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), bufferChars);
    }
}
