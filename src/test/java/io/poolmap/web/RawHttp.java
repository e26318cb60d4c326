package io.poolmap.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends: broken framing, stalled bodies,
 * bodies far past the limit written while the answer is read. One request per connection.
 */
final class RawHttp {

    /** What came back; {@code status} is 0 when the server closed the connection without an answer. */
    record Answer(int status, Map<String, String> headers, String body, Duration took) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} and {@code body} (written from another thread, so an early answer is read while it is sent). */
    static Answer exchange(int port, String head, byte[] body, Duration answerWithin) throws IOException {
        return exchange(port, head.getBytes(StandardCharsets.ISO_8859_1), body, false, answerWithin);
    }

    /** Sends {@code head} and the start of a body, then stalls without closing, as a slow client does. */
    static Answer stall(int port, String head, byte[] partialBody, Duration answerWithin) throws IOException {
        return exchange(port, head.getBytes(StandardCharsets.ISO_8859_1), partialBody, true, answerWithin);
    }

    /** Sends {@code head}, reads the answer, then waits without a word until the server closes the connection. */
    static Duration idleUntilClosed(int port, String head, Duration within) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) within.toMillis());
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            while (!complete(answer.toByteArray())) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("closed before the answer was complete: " + answer);
                }
                answer.write(b);
            }
            long answered = System.nanoTime();
            try {
                if (in.read() >= 0) {
                    throw new AssertionError("more than one answer to one request");
                }
            } catch (SocketTimeoutException stillOpen) {
                throw new AssertionError("the idle connection was still open after " + within, stillOpen);
            }
            return Duration.ofNanos(System.nanoTime() - answered);
        }
    }

    private static Answer exchange(int port, byte[] head, byte[] body, boolean stall, Duration answerWithin) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) answerWithin.toMillis());
            OutputStream out = socket.getOutputStream();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write(head);
                    for (int offset = 0; offset < body.length; offset += 65_536) {
                        out.write(body, offset, Math.min(65_536, body.length - offset));
                    }
                    out.flush();
                    if (!stall) {
                        socket.shutdownOutput();
                    }
                } catch (IOException closedByTheServer) {
                    // the server answered early and closed: what it said is read below
                }
            });
            byte[] raw = readAll(socket.getInputStream());
            writer.interrupt();
            return parse(raw, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
                if (complete(bytes.toByteArray())) {
                    break;
                }
            }
        } catch (SocketTimeoutException noAnswer) {
            throw new AssertionError("no complete answer in time; got: " + bytes.toString(StandardCharsets.UTF_8), noAnswer);
        } catch (IOException reset) {
            // a reset after the answer: keep what arrived
        }
        return bytes.toByteArray();
    }

    private static boolean complete(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Map<String, String> headers = headers(text.substring(0, end));
        String body = text.substring(end + 4);
        if (headers.containsKey("content-length")) {
            return body.length() >= Integer.parseInt(headers.get("content-length").trim());
        }
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", "").trim())) {
            return body.endsWith("0\r\n\r\n");
        }
        return false;
    }

    private static Answer parse(byte[] raw, Duration took) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            return new Answer(0, Map.of(), text, took);
        }
        String head = text.substring(0, end);
        int status = Integer.parseInt(head.substring(9, 12));
        Map<String, String> headers = headers(head);
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", "").trim())) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8), took);
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
