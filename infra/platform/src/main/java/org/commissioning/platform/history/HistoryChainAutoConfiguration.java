package org.commissioning.platform.history;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.commissioning.platform.axon.AxonPlatformAutoConfiguration;
import org.commissioning.platform.config.PlatformProperties;
import org.commissioning.platform.relay.OutboxRelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The tamper-evident history of an event-sourced service that names where its API lives
 * ({@code platform.history-chain.api-prefix}, e.g. {@code /api/contracts}): every stored event chained as it is
 * stored, seals signed with the service's key ({@code platform.history-chain.key-file}) daily and on demand, and the
 * auditor's endpoints under {@code <prefix>/history-chain}.
 */
@AutoConfiguration(after = AxonPlatformAutoConfiguration.class)
@ConditionalOnClass(MongoEventStorageEngine.class)
@ConditionalOnProperty("platform.history-chain.api-prefix")
@EnableScheduling
@Import(HistoryChainController.class)
public class HistoryChainAutoConfiguration {

    @Bean
    public StoredEventLines storedEventLines(ObjectProvider<org.axonframework.extensions.mongo.MongoTemplate> axon) {
        return new StoredEventLines(axon::getObject);
    }

    @Bean
    public HistoryChainLedger historyChainLedger(MongoTemplate mongo, StoredEventLines storedEventLines, Clock clock) {
        HistoryChainLedger ledger = new HistoryChainLedger(mongo, storedEventLines, clock);
        ledger.ensureIndexes();
        return ledger;
    }

    @Bean
    public HistoryChainRecorder historyChainRecorder(HistoryChainLedger ledger) {
        return new HistoryChainRecorder(ledger);
    }

    @Bean
    public ConfigurerModule historyChainProcessor(PlatformProperties properties) {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(HistoryChainRecorder.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        c -> properties.axon().platformProcessors());
    }

    @Bean
    public SealKey historySealKey(
            @Value("${platform.history-chain.key-file:data/${spring.application.name}/history-seal-key.pem}")
            Path keyFile) {
        return SealKey.loadOrCreate(keyFile);
    }

    @Bean
    public HistorySeals historySeals(MongoTemplate mongo, HistoryChainLedger ledger, StoredEventLines storedEventLines,
                                     SealKey historySealKey, ObjectProvider<OutboxRelay> relay, Clock clock,
                                     PlatformProperties properties) {
        return new HistorySeals(mongo, ledger, storedEventLines, historySealKey,
                Optional.ofNullable(relay.getIfAvailable()), clock, properties.source());
    }

    @Bean
    public HistoryChainAudit historyChainAudit(StoredEventLines storedEventLines, HistoryChainLedger ledger,
                                               HistorySeals historySeals) {
        return new HistoryChainAudit(storedEventLines, ledger, historySeals);
    }

    @Bean
    public HistoryChainEvidence historyChainEvidence(HistoryChainAudit historyChainAudit) {
        return new HistoryChainEvidence(historyChainAudit);
    }

    @Bean
    @ConditionalOnProperty(name = "platform.history-chain.seal-scan.enabled", matchIfMissing = true)
    public HistorySealScan historySealScan(HistorySeals historySeals) {
        return new HistorySealScan(historySeals);
    }
}
