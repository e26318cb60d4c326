package io.poolmap.job.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A streamed response read as it arrives, line by line, on a virtual thread, so that a test can wait for lines with
 * Awaitility while the server is still writing; {@link #close()} cuts the connection as a client that goes away does.
 */
final class StreamedLines implements AutoCloseable {

    /** One Server-Sent Event: its id, name and data. */
    record Event(String id, String name, String data) {
    }

    private final HttpResponse<InputStream> response;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile boolean ended;

    private StreamedLines(HttpResponse<InputStream> response) {
        this.response = response;
        Thread.ofVirtual().name("streamed-lines").start(this::read);
    }

    /** Sends a GET and starts reading its body once the headers have arrived. */
    static StreamedLines open(HttpClient http, URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        headers.forEach(request::header);
        return new StreamedLines(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            ended = true;
        } catch (IOException cut) {
            // the test closed the stream: what arrived before stays in lines
        }
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The lines received so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Whether the server ended the response (not cut by the test). */
    boolean ended() {
        return ended;
    }

    /** The Server-Sent Events received so far: blocks with data, without the {@code retry} and comment lines. */
    List<Event> events() {
        List<Event> events = new ArrayList<>();
        String id = null;
        String name = null;
        String data = null;
        for (String line : lines()) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(id, name, data));
                }
                id = null;
                name = null;
                data = null;
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data = line.substring(6);
            }
        }
        return events;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
    }
}
