package dev.verifytoken.auth.control;

import org.jose4j.http.SimpleGet;
import org.jose4j.http.SimpleResponse;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An identity provider's JWKS endpoint, in memory: counts fetches, answers a document or fails. */
final class FakeJwksEndpoint implements SimpleGet {

    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String document;

    FakeJwksEndpoint(String document) {
        this.document = document;
    }

    void answer(String document) {
        this.document = document;
    }

    /** From now on the endpoint cannot be reached. */
    void fail() {
        this.document = null;
    }

    int fetches() {
        return fetches.get();
    }

    @Override
    public SimpleResponse get(String location) throws IOException {
        fetches.incrementAndGet();
        String body = document;
        if (body == null) {
            throw new ConnectException("Connection refused");
        }
        return new SimpleResponse() {
            @Override
            public int getStatusCode() {
                return 200;
            }

            @Override
            public String getStatusMessage() {
                return "OK";
            }

            @Override
            public Collection<String> getHeaderNames() {
                return List.of();
            }

            @Override
            public List<String> getHeaderValues(String name) {
                return List.of();
            }

            @Override
            public String getBody() {
                return body;
            }
        };
    }
}
