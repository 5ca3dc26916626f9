package dev.verifytoken.issuance.entity;

/** Why a token was refused, as the audit log and the {@code tokens_refused_total} metric name it. */
public enum RefusalReason {
    INVALID_NUMBER("invalid_number"),
    INVALID_REQUEST("invalid_request"),
    CROSS_ORIGIN("cross_origin"),
    AUTHENTICATION("authentication"),
    POLICY("policy"),
    RATE_LIMIT("rate_limit"),
    NOT_CONFIGURED("not_configured"),
    UNKNOWN_APP("unknown_app");

    private final String label;

    RefusalReason(String label) {
        this.label = label;
    }

    /** The word in the audit line and the metric's label. */
    public String label() {
        return label;
    }
}
