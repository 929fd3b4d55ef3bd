package org.commissioning.platform.evidence;

import java.util.Optional;

import org.commissioning.platform.history.HistoryChainAutoConfiguration;
import org.commissioning.platform.history.HistoryChainEvidence;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A service's share of contracts' evidence packs, served when it names where its API lives
 * ({@code platform.evidence.api-prefix}) and declares an {@link EvidenceSource}.
 */
@AutoConfiguration(after = HistoryChainAutoConfiguration.class)
@ConditionalOnProperty("platform.evidence.api-prefix")
@Import(EvidenceController.class)
public class EvidenceAutoConfiguration {

    @Bean
    @ConditionalOnBean(EvidenceSource.class)
    public EvidenceParts evidenceParts(EvidenceSource source, ObjectProvider<HistoryChainEvidence> chain) {
        return new EvidenceParts(source, Optional.ofNullable(chain.getIfAvailable()));
    }
}
