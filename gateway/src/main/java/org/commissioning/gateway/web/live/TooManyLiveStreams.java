package org.commissioning.gateway.web.live;

/** A stream refused because a limit of {@link LiveProperties} is reached (429, naming the rule and the limit). */
class TooManyLiveStreams extends RuntimeException {

    /** The rule when one session holds {@code maxPerSession} streams. */
    static final String PER_SESSION = "live-streams-per-session";
    /** The rule when the gateway holds {@code maxStreams} streams. */
    static final String IN_ALL = "live-streams";

    private final String rule;
    private final int limit;

    TooManyLiveStreams(String rule, int limit, String message) {
        super(message);
        this.rule = rule;
        this.limit = limit;
    }

    String rule() {
        return rule;
    }

    int limit() {
        return limit;
    }
}
