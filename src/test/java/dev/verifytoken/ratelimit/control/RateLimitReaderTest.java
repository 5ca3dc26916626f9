package dev.verifytoken.ratelimit.control;

import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.ratelimit.entity.LimitKind;
import dev.verifytoken.ratelimit.entity.RateLimitSettings;
import dev.verifytoken.ratelimit.entity.StoreSetting;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitReaderTest {

    private RateLimitReader.Result read(Map<String, String> properties) {
        return new RateLimitReader().read(SettingsReader.of(properties));
    }

    @Test
    void defaultsLimitNumbersAndClients() {
        RateLimitSettings settings = read(Map.of()).settings();
        assertEquals(5, settings.limit(LimitKind.PHONE_NUMBER).orElseThrow().tokens());
        assertEquals(Duration.ofHours(1), settings.limit(LimitKind.PHONE_NUMBER).orElseThrow().period());
        assertEquals(100, settings.limit(LimitKind.CLIENT).orElseThrow().tokens());
        assertTrue(settings.limit(LimitKind.COUNTRY).isEmpty());
        assertTrue(settings.trustedProxies().isEmpty());
        assertEquals(100_000, settings.maxBuckets());
    }

    @Test
    void readsEverySetting() {
        RateLimitSettings settings = read(Map.of("ratelimit.number", "off", "ratelimit.client", "30/1m",
                "ratelimit.country", "500/1h", "ratelimit.trusted-proxies", "10.0.0.0/8, ::1",
                "ratelimit.max-buckets", "5000")).settings();
        assertTrue(settings.limit(LimitKind.PHONE_NUMBER).isEmpty());
        assertEquals(30, settings.limit(LimitKind.CLIENT).orElseThrow().tokens());
        assertEquals(500, settings.limit(LimitKind.COUNTRY).orElseThrow().tokens());
        assertEquals(2, settings.trustedProxies().size());
        assertEquals(5000, settings.maxBuckets());
    }

    @Test
    void namesEachBadProperty() {
        RateLimitReader.Result result = read(Map.of("ratelimit.number", "lots", "ratelimit.trusted-proxies",
                "proxy.internal", "ratelimit.max-buckets", "10"));
        assertNull(result.settings());
        assertEquals(3, result.problems().size());
        assertTrue(result.problems().get(0).toString().startsWith("ratelimit.number (RATELIMIT_NUMBER) must be off or"));
        assertTrue(result.problems().get(1).message().contains("item (number 1)"), result.problems().toString());
        assertFalse(result.problems().toString().contains("proxy.internal"), "no value is quoted");
        assertFalse(result.problems().toString().contains("lots"), "no value is quoted");
        assertEquals("ratelimit.max-buckets", result.problems().get(2).property());
    }

    @Test
    void keepsBucketsWhereTheServerOffersThemUnlessTold() {
        RateLimitSettings settings = read(Map.of()).settings();
        assertInstanceOf(StoreSetting.Automatic.class, settings.store());
        assertEquals("verify-token:", settings.storePrefix());
    }

    @Test
    void takesTheRedisPasswordFromItsOwnPropertyOverTheUrls() {
        RateLimitSettings settings = read(Map.of("ratelimit.store", "redis://:in-the-url@redis:6379/2",
                "ratelimit.store.password", "from-a-file", "ratelimit.store.prefix", "staging:")).settings();
        StoreSetting.Redis redis = assertInstanceOf(StoreSetting.Redis.class, settings.store());
        assertEquals("from-a-file", new String(redis.uri().getCredentialsProvider().resolveCredentials().block()
                .getPassword()));
        assertEquals(2, redis.uri().getDatabase());
        assertEquals("staging:", settings.storePrefix());
    }

    @Test
    void aBadStoreIsAProblemThatQuotesNothing() {
        RateLimitReader.Result result = read(Map.of("ratelimit.store", "redis://:hunter2@redis/0",
                "ratelimit.store.prefix", "has space"));
        assertNull(result.settings());
        assertEquals(2, result.problems().size(), result.problems().toString());
        assertEquals("ratelimit.store", result.problems().get(0).property());
        assertTrue(result.problems().get(0).message().contains("redis://[user:password@]host:port[/db]"));
        assertFalse(result.problems().toString().contains("hunter2"), "no value is quoted");
        assertEquals("ratelimit.store.prefix", result.problems().get(1).property());
    }
}
