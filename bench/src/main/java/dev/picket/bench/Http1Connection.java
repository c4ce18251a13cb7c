package dev.picket.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection that posts envelopes, one request at a time: much lighter
 * than the JDK HTTP client, whose own CPU limited what the generator could show on 2 cores.
 * Opens on first use and again after the server closes; plain HTTP to loopback only. Not
 * thread-safe: one per sender.
 */
final class Http1Connection implements Closeable {

    private static final int MAX_LINE = 8192;

    private final URI url;
    private final int timeoutMillis;
    private final byte[] headWithoutLength;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** The status and body of a response. */
    record Response(int status, String body) {
    }

    Http1Connection(URI url, String authHeader, Duration timeout) {
        this.url = LoopbackOnly.check(url);
        if (!"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("only http:// targets are supported, got " + url);
        }
        this.timeoutMillis = (int) timeout.toMillis();
        String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        this.headWithoutLength = ("POST " + target + " HTTP/1.1\r\n"
                + "Host: " + url.getHost() + ":" + port() + "\r\n"
                + "Content-Type: application/x-sentry-envelope\r\n"
                + "Content-Encoding: gzip\r\n"
                + "X-Sentry-Auth: " + authHeader + "\r\n"
                + "User-Agent: picket-bench/1.0\r\n"
                + "Content-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /** Posts a gzip envelope and reads the whole response; on any failure the connection is dropped. */
    Response post(byte[] body) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            out.write(headWithoutLength);
            out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(url.getHost(), port()), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private Response read() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = parts[0].equals("HTTP/1.0");
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed response header: " + header);
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closeAfter |= value.contains("close");
                default -> { }
            }
        }
        byte[] body;
        if (chunked) {
            body = chunkedBody();
        } else if (contentLength >= 0) {
            body = in.readNBytes((int) contentLength);
            if (body.length < contentLength) {
                throw new EOFException("response body ended after " + body.length + " of " + contentLength + " bytes");
            }
        } else {
            body = in.readAllBytes();
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Response(status, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int extension = sizeLine.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                skipTrailers();
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("response chunk ended early");
            }
            body.write(chunk);
            line();
        }
    }

    private void skipTrailers() throws IOException {
        String trailer;
        do {
            trailer = line();
        } while (!trailer.isEmpty());
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the middle of a response");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new IOException("response line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) b);
        }
    }

    private int port() {
        return url.getPort() < 0 ? 80 : url.getPort();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // The connection is dropped either way.
            }
            socket = null;
        }
    }
}
