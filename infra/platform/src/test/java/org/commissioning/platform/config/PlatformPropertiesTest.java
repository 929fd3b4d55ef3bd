package org.commissioning.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.commissioning.platform.web.PlatformWebProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** {@code platform.*} and {@code platform.web.*} as a service's context binds them. */
class PlatformPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({PlatformProperties.class, PlatformWebProperties.class})
    static class Bound {
    }

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void bindsPlatformDefaultsAsEveryServiceGetsThem() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "kpi-service");
        new PlatformDefaults().postProcessEnvironment(environment, null);

        context.withInitializer(c -> c.setEnvironment(environment)).run(c -> {
            PlatformProperties platform = c.getBean(PlatformProperties.class);
            assertThat(platform.source()).isEqualTo("/kpi-service");
            assertThat(platform.parentPid()).isNull();
            assertThat(platform.relay()).isEqualTo(new PlatformProperties.Relay(3, Duration.ofMillis(500)));
            assertThat(platform.axon()).isEqualTo(new PlatformProperties.Axon(Duration.ofSeconds(10), 50, 20, 20, 500));
            assertThat(platform.mongo().transactions()).isFalse();
            assertThat(c.getBean(PlatformWebProperties.class)).isEqualTo(new PlatformWebProperties(
                    DataSize.ofKilobytes(64), DataSize.ofMegabytes(2),
                    List.of("text/csv", "text/plain", "multipart/form-data")));
        });
    }

    @Test
    void hasTheSameDefaultsWithoutPlatformDefaults() {
        context.run(c -> {
            PlatformProperties platform = c.getBean(PlatformProperties.class);
            assertThat(platform.source()).isEqualTo("/unknown");
            assertThat(platform.relay()).isEqualTo(new PlatformProperties.Relay(3, Duration.ofMillis(500)));
            assertThat(platform.axon()).isEqualTo(new PlatformProperties.Axon(Duration.ofSeconds(10), 50, 20, 20, 500));
            assertThat(platform.mongo().transactions()).isFalse();
            assertThat(c.getBean(PlatformWebProperties.class).uploadMediaTypes())
                    .containsExactly("text/csv", "text/plain", "multipart/form-data");
        });
    }

    @Test
    void takesASettingInAnyOfSpringsRelaxedForms() {
        context.withPropertyValues("platform.parent-pid=4242", "platform.relay.attempts=5", "platform.relay.backoff=2s",
                        "platform.axon.lookBack=30s", "platform.axon.snapshot_threshold=7", "platform.mongo.transactions=true",
                        "platform.web.max-body-size=1MB", "platform.web.upload-media-types=text/csv")
                .run(c -> {
                    PlatformProperties platform = c.getBean(PlatformProperties.class);
                    assertThat(platform.parentPid()).isEqualTo(4242L);
                    assertThat(platform.relay()).isEqualTo(new PlatformProperties.Relay(5, Duration.ofSeconds(2)));
                    assertThat(platform.axon()).isEqualTo(new PlatformProperties.Axon(Duration.ofSeconds(30), 7, 20, 20, 500));
                    assertThat(platform.mongo().transactions()).isTrue();
                    PlatformWebProperties web = c.getBean(PlatformWebProperties.class);
                    assertThat(web.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
                    assertThat(web.maxUploadSize()).isEqualTo(DataSize.ofMegabytes(2));
                    assertThat(web.uploadMediaTypes()).containsExactly("text/csv");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "platform-batch-size, 1000, 0 -5 1001",
            "projection-batch-size, 1000, 0 -1 1001",
            "cached-events, 10000, 0 -1 10001"})
    void refusesToStartWithAnAxonSizeOutOfRange(String setting, int max, String outOfRange) {
        for (String size : outOfRange.split(" ")) {
            context.withPropertyValues("platform.axon." + setting + "=" + size)
                    .run(c -> assertThat(c).hasFailed().getFailure().rootCause()
                            .hasMessageContaining("platform.axon." + setting + " must be 1.." + max));
        }
        for (int size : new int[] {1, max}) {
            context.withPropertyValues("platform.axon." + setting + "=" + size)
                    .run(c -> assertThat(c).hasNotFailed());
        }
    }

    @Test
    void takesTheSizesItIsGiven() {
        context.withPropertyValues("platform.axon.platform-batch-size=1000", "platform.axon.projection-batch-size=1",
                        "platform.axon.cached-events=10000")
                .run(c -> {
                    PlatformProperties.Axon axon = c.getBean(PlatformProperties.class).axon();
                    assertThat(axon.platformBatchSize()).isEqualTo(1000);
                    assertThat(axon.projectionProcessors().getBatchSize()).isEqualTo(1);
                    assertThat(axon.cachedEvents()).isEqualTo(10_000);
                });
    }
}
