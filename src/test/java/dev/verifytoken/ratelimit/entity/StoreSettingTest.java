package dev.verifytoken.ratelimit.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreSettingTest {

    private static StoreSetting.Redis redis(String url) {
        return assertInstanceOf(StoreSetting.Redis.class, StoreSetting.parse(url).orElseThrow());
    }

    @Test
    void namesTheProcessAndTheDataGridInAnyCase() {
        assertInstanceOf(StoreSetting.Local.class, StoreSetting.parse(" Local ").orElseThrow());
        assertInstanceOf(StoreSetting.JCache.class, StoreSetting.parse("JCACHE").orElseThrow());
    }

    @Test
    void readsEveryPartOfARedisUrl() {
        StoreSetting.Redis plain = redis("redis://redis.internal:6379");
        assertEquals("redis.internal", plain.host());
        assertEquals(6379, plain.port());
        assertEquals(0, plain.database());
        assertFalse(plain.tls());
        assertTrue(plain.user().isEmpty() && plain.password().isEmpty());

        StoreSetting.Redis full = redis("rediss://limits:s%3Acr%40t@10.0.0.5:6380/3");
        assertTrue(full.tls());
        assertEquals(Optional.of("limits"), full.user());
        assertEquals(Optional.of("s:cr@t"), full.password());
        assertEquals(3, full.database());

        StoreSetting.Redis passwordOnly = redis("redis://:secret@[::1]:6379/");
        assertEquals("::1", passwordOnly.host());
        assertTrue(passwordOnly.user().isEmpty());
        assertEquals(Optional.of("secret"), passwordOnly.password());
        assertEquals("redis://[::1]:6379/0", passwordOnly.address());
    }

    @Test
    void neverShowsThePassword() {
        StoreSetting.Redis server = redis("redis://user:hunter2@redis:6379/1").withPassword("from-the-secrets-dir");
        assertEquals(Optional.of("from-the-secrets-dir"), server.password());
        assertFalse(server.toString().contains("hunter2") || server.toString().contains("from-the-secrets-dir"));
        assertFalse(server.address().contains("user"), "nor the user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "redis", "memory", "redis://", "redis://host", "redis://host:0", "redis://host:65536",
            "redis://host:port", "redis://:6379", "redis://host:6379/16", "redis://host:6379/db",
            "redis://host:6379/0/1", "redis://host:6379?timeout=1", "redis://host:6379#x", "http://host:6379",
            "redis://us%zzer:pw@host:6379", "redis://host name:6379", "jcache2"})
    void refusesAnythingElse(String value) {
        assertTrue(StoreSetting.parse(value).isEmpty(), value);
    }
}
