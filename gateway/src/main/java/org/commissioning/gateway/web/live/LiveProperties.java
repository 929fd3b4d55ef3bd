package org.commissioning.gateway.web.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of the live stream {@code GET /events} ({@code gateway.live.*}).
 *
 * @param heartbeat      how often an idle stream gets a comment line, so proxies and the browser keep it open and a
 *                       client that has gone is noticed (its stream removed)
 * @param maxPerSession  open streams one signed-in session may hold (a tab each); the next is refused with 429
 * @param maxStreams     open streams the gateway holds in all; the next is refused with 429
 * @param maxLifetime    the longest a stream stays open (the browser opens a new one by itself); it also ends when
 *                       the caller's access token expires
 * @param queue          events waiting to be written to one stream; a client that falls this far behind is dropped
 * @param senders        threads writing to the streams (never the Kafka consumers' threads)
 */
@ConfigurationProperties("gateway.live")
public record LiveProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("6") int maxPerSession,
        @DefaultValue("1000") int maxStreams,
        @DefaultValue("30m") Duration maxLifetime,
        @DefaultValue("100") int queue,
        @DefaultValue("4") int senders) {
}
