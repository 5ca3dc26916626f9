package dev.verifytoken.phone.control;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.internal.RegexCache;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegexCachesTest {

    @Test
    void bothOfLibphonenumbersCachesAreReplaced() throws ReflectiveOperationException {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        assertTrue(PhoneNumberNormalizer.largePatternCaches());

        assertInstanceOf(RegexCaches.ConcurrentRegexCache.class, field(PhoneNumberUtil.class, util, "regexCache"));
        Field matcherField = PhoneNumberUtil.class.getDeclaredField("matcherApi");
        matcherField.setAccessible(true);
        Object matcher = matcherField.get(util);
        assertInstanceOf(RegexCaches.ConcurrentRegexCache.class, field(matcher.getClass(), matcher, "regexCache"));
    }

    @Test
    void compilesOnceAndAnswersTheSamePattern() {
        RegexCaches.ConcurrentRegexCache cache = new RegexCaches.ConcurrentRegexCache(10);

        Pattern first = cache.getPatternForRegex("[2-9]\\d{9}");

        assertSame(first, cache.getPatternForRegex("[2-9]\\d{9}"));
        assertTrue(first.matcher("4155552671").matches());
        assertFalse(first.matcher("1155552671").matches());
    }

    @Test
    void holdsNoMoreThanItsBound() {
        RegexCaches.ConcurrentRegexCache cache = new RegexCaches.ConcurrentRegexCache(50);

        for (int i = 0; i < 1000; i++) {
            assertEquals("\\d{" + i + "}", cache.getPatternForRegex("\\d{" + i + "}").pattern());
        }

        assertTrue(cache.size() <= 50, "size " + cache.size());
    }

    @Test
    void answersTheSamePatternToEveryThread() throws Exception {
        RegexCaches.ConcurrentRegexCache cache = new RegexCaches.ConcurrentRegexCache(100);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Pattern>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                answers.add(threads.submit(() -> cache.getPatternForRegex("(?:1[2-9]|[2-9]\\d)\\d{7}")));
            }
            Pattern expected = answers.get(0).get();
            for (Future<Pattern> answer : answers) {
                assertSame(expected, answer.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static RegexCache field(Class<?> type, Object owner, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (RegexCache) field.get(owner);
    }
}
