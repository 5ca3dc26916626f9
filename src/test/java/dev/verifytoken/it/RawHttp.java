package dev.verifytoken.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Bytes sent as they are over one connection, for requests an HTTP client would refuse to send. */
final class RawHttp {

    /** An answer as it came: the status line, the header lines, the body. */
    record Answer(String statusLine, String head, byte[] body) {

        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return head + "\r\n\r\n" + bodyText();
        }
    }

    private RawHttp() {
    }

    /** Sends the bytes and reads one answer (its body by Content-Length, or until the connection closes). */
    static Answer exchange(URL base, byte[] request) {
        Answer answer = exchangeOrClosed(base, request);
        if (answer == null) {
            throw new AssertionError("the connection closed without an answer");
        }
        return answer;
    }

    /** The same, or null when the server closed the connection without an answer. */
    static Answer exchangeOrClosed(URL base, byte[] request) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException answeredBeforeTheEnd) {
                // the server answered and closed while the request was still being sent
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0 && head.size() == 0) {
                    return null;
                }
                if (b < 0) {
                    throw new AssertionError("the connection closed in the middle of an answer: " + head);
                }
                head.write(b);
            }
            String headText = head.toString(StandardCharsets.ISO_8859_1).strip();
            Answer headOnly = new Answer(headText.split("\r\n")[0], headText, new byte[0]);
            String length = headOnly.header("Content-Length");
            byte[] body;
            if (length != null) {
                body = in.readNBytes(Integer.parseInt(length));
            } else if ("chunked".equalsIgnoreCase(String.valueOf(headOnly.header("Transfer-Encoding"))
                    .toLowerCase(Locale.ROOT))) {
                body = dechunk(in);
            } else {
                body = readUntilClosed(in);
            }
            return new Answer(headOnly.statusLine(), headText, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketTimeoutException stillOpen) {
            return new byte[0];
        }
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int b = in.read(); b != '\n' && b >= 0; b = in.read()) {
                size.append((char) b);
            }
            int length = Integer.parseInt(size.toString().strip().split(";")[0], 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            in.readNBytes(2);
        }
    }
}
