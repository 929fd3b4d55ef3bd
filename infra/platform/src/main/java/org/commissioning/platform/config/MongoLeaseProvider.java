package org.commissioning.platform.config;

import java.util.Date;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;

import net.javacrumbs.shedlock.core.AbstractSimpleLock;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * ShedLock's leases as documents {@code {_id: name, lockUntil, lockedAt, lockedBy}}, taken with one atomic
 * find-and-modify (upsert): it matches only a lease that has run out, and where the lease is still held the upsert's
 * insert fails on the unique {@code _id}. Written here because ShedLock's own Mongo provider does not resolve from
 * the build's repository; it needs no transactions, so it works on the embedded wire-protocol server too.
 */
@RequiredArgsConstructor
public class MongoLeaseProvider implements LockProvider {

    static final String LOCK_UNTIL = "lockUntil";

    private final MongoCollection<Document> leases;
    private final String holder;

    @Override
    public Optional<SimpleLock> lock(LockConfiguration configuration) {
        Date now = Date.from(ClockProvider.now());
        try {
            leases.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", configuration.getName()), Filters.lte(LOCK_UNTIL, now)),
                    Updates.combine(Updates.set(LOCK_UNTIL, Date.from(configuration.getLockAtMostUntil())),
                            Updates.set("lockedAt", now), Updates.set("lockedBy", holder)),
                    new FindOneAndUpdateOptions().upsert(true));
            return Optional.of(new Lease(configuration));
        } catch (MongoServerException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private final class Lease extends AbstractSimpleLock {

        Lease(LockConfiguration configuration) {
            super(configuration);
        }

        @Override
        protected void doUnlock() {
            leases.updateOne(Filters.eq("_id", lockConfiguration.getName()),
                    Updates.set(LOCK_UNTIL, Date.from(lockConfiguration.getUnlockTime())));
        }
    }
}
