package dev.verifytoken.ratelimit.entity;

/** What a limit counts, in the order the limits are checked; the name is the {@code limit} of a 429 problem. */
public enum LimitKind {
    CLIENT("client", "ratelimit.client", "100/1h", "c:", "Too many tokens for this client."),
    PHONE_NUMBER("phone_number", "ratelimit.number", "5/1h", "n:", "Too many tokens for this phone number."),
    COUNTRY("country", "ratelimit.country", "off", "k:", "Too many tokens for numbers of this country.");

    private final String problemName;
    private final String property;
    private final String defaultValue;
    private final String keyPrefix;
    private final String detail;

    LimitKind(String problemName, String property, String defaultValue, String keyPrefix, String detail) {
        this.problemName = problemName;
        this.property = property;
        this.defaultValue = defaultValue;
        this.keyPrefix = keyPrefix;
        this.detail = detail;
    }

    /** As the problem names it: {@code phone_number}, {@code client}, {@code country}. */
    public String problemName() {
        return problemName;
    }

    /** The property that sets it: {@code ratelimit.number}, ... */
    public String property() {
        return property;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** The prefix of its buckets' keys in a store shared by all the limits. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** The first sentence of the 429 problem's detail. */
    public String detail() {
        return detail;
    }
}
