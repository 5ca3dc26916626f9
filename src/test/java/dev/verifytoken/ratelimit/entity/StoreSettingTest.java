package dev.verifytoken.ratelimit.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;

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
        RedisURI plain = redis("redis://redis.internal:6379").uri();
        assertEquals("redis.internal", plain.getHost());
        assertEquals(6379, plain.getPort());
        assertEquals(0, plain.getDatabase());
        assertFalse(plain.isSsl());
        assertTrue(plain.getUsername() == null && plain.getPassword() == null);

        RedisURI full = redis("rediss://limits:s%3Acr%40t@10.0.0.5:6380/3").uri();
        assertTrue(full.isSsl());
        assertEquals("limits", full.getUsername());
        assertEquals("s:cr@t", new String(full.getPassword()));
        assertEquals(3, full.getDatabase());

        StoreSetting.Redis passwordOnly = redis("redis://:secret@[::1]:6379/");
        assertEquals(null, passwordOnly.uri().getUsername());
        assertEquals("secret", new String(passwordOnly.uri().getPassword()));
        assertEquals("redis://[::1]:6379/0", passwordOnly.address());
    }

    @Test
    void neverShowsThePassword() {
        StoreSetting.Redis server = redis("redis://user:hunter2@redis:6379/1").withPassword("from-the-secrets-dir");
        RedisCredentials credentials = server.uri().getCredentialsProvider().resolveCredentials().block();
        assertEquals("user", credentials.getUsername());
        assertEquals("from-the-secrets-dir", new String(credentials.getPassword()));
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
