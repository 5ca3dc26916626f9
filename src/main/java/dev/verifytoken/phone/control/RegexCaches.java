package dev.verifytoken.phone.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.internal.RegexCache;

import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Gives libphonenumber's compiled-pattern caches room for the patterns of every country. They hold 100
 * patterns, fewer than the numbers of a few dozen countries use, so a service that sees numbers from
 * everywhere compiled regular expressions again and again (measured with JFR under load: 5% of all CPU in
 * Pattern.compile, 8.5% in the cache). libphonenumber offers no setting for it: the caches are replaced
 * through reflection, and if a later version of the library has other fields, nothing is changed.
 * <p>
 * The replacements also read without a lock: libphonenumber's own cache is a {@code LinkedHashMap} in access order
 * behind {@code synchronized}, so every look-up (a dozen per number) reordered the map under one lock that all
 * request threads shared (JFR under load: 3% of a token request's CPU, and the most contended lock after the
 * console's). A Caffeine cache of the same bound reads without locking.
 */
final class RegexCaches {

    static final int SIZE = 4000;

    private static final Logger LOG = Logger.getLogger(RegexCaches.class.getName());

    private RegexCaches() {
    }

    /** @return whether both caches were enlarged */
    static boolean enlarge(PhoneNumberUtil util) {
        try {
            replace(PhoneNumberUtil.class, util, "regexCache");
            Field matcherField = PhoneNumberUtil.class.getDeclaredField("matcherApi");
            matcherField.setAccessible(true);
            Object matcher = matcherField.get(util);
            replace(matcher.getClass(), matcher, "regexCache");
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "libphonenumber's pattern caches keep their default size: " + e);
            return false;
        }
    }

    private static void replace(Class<?> type, Object owner, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        if (field.getType() != RegexCache.class) {
            throw new NoSuchFieldException(name + " is not a RegexCache");
        }
        field.setAccessible(true);
        field.set(owner, new ConcurrentRegexCache(SIZE));
    }

    /** libphonenumber's pattern cache with Caffeine inside: bounded, and read without a lock. */
    static final class ConcurrentRegexCache extends RegexCache {

        private final Cache<String, Pattern> patterns;

        ConcurrentRegexCache(int size) {
            super(1); // the superclass's own map stays unused
            patterns = Caffeine.newBuilder().maximumSize(size).build();
        }

        @Override
        public Pattern getPatternForRegex(String regex) {
            return patterns.get(regex, Pattern::compile);
        }

        long size() {
            patterns.cleanUp();
            return patterns.estimatedSize();
        }
    }
}
