package dev.verifytoken.phone.control;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.internal.RegexCache;

import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives libphonenumber's compiled-pattern caches room for the patterns of every country. They hold 100
 * patterns, fewer than the numbers of a few dozen countries use, so a service that sees numbers from
 * everywhere compiled regular expressions again and again (measured with JFR under load: 5% of all CPU in
 * Pattern.compile, 8.5% in the cache). libphonenumber offers no setting for it: the caches are replaced
 * through reflection, and if a later version of the library has other fields, nothing is changed.
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
        field.set(owner, new RegexCache(SIZE));
    }
}
