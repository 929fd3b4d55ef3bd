package org.commissioning.platform.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * Scheduled scans run once across the instances of a service: a method annotated
 * {@code @SchedulerLock(name = ...)} runs only on the instance that takes that name's lease, a document in the
 * service's own MongoDB collection {@code shedLock} ({@link MongoLeaseProvider}: an atomic find-and-modify, so it
 * needs no transactions). The others skip that run. A lease is held at least {@code lockAtLeastFor} (a scan names its
 * interval, so one instance scans per interval) and at most {@code lockAtMostFor} (default 30 minutes), after which
 * an instance that died while scanning no longer holds it.
 */
@AutoConfiguration(after = MongoDataAutoConfiguration.class)
@ConditionalOnClass({EnableSchedulerLock.class, MongoDatabaseFactory.class})
@ConditionalOnBean(MongoDatabaseFactory.class)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
public class ScheduledScanLockAutoConfiguration {

    /** The collection of the leases. */
    public static final String COLLECTION = "shedLock";

    @Bean
    @ConditionalOnMissingBean(LockProvider.class)
    public LockProvider scheduledScanLockProvider(MongoDatabaseFactory mongo,
                                                  @Value("${spring.application.name:service}") String application) {
        return new MongoLeaseProvider(mongo.getMongoDatabase().getCollection(COLLECTION),
                application + "@" + ProcessHandle.current().pid());
    }
}
