package dev.verifytoken.ratelimit.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LimitTest {

    @Test
    void readsCountsAndPeriods() {
        assertEquals(new Limit(5, Duration.ofHours(1)), Limit.parse("5/1h").orElseThrow());
        assertEquals(new Limit(100, Duration.ofMinutes(10)), Limit.parse(" 100 / 10m ").orElseThrow());
        assertEquals(new Limit(20, Duration.ofSeconds(30)), Limit.parse("20/30S").orElseThrow());
        assertEquals(new Limit(1000, Duration.ofDays(1)), Limit.parse("1000/1d").orElseThrow());
        assertTrue(Limit.isOff("off"));
        assertTrue(Limit.isOff(" OFF "));
        assertTrue(Limit.parse("off").isEmpty(), "off is no limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5/h", "/1h", "0/1h", "5/0s", "5/2d", "5/1w", "five/1h", "5/1h/2", "-1/1h",
            "2000000/1h", "on"})
    void refusesAnythingElse(String text) {
        assertTrue(Limit.parse(text).isEmpty(), text);
        assertFalse(Limit.isOff(text), text);
    }
}
