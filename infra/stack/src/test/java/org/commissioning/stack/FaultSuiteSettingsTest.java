package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class FaultSuiteSettingsTest {

    @Test
    void takesTheWaitsAfterTheLoadFromTheCommandLine() {
        FaultSuite.Flags flags = new FaultSuite.Flags();
        new CommandLine(flags).parseArgs("--quiescence-s=300", "--rebuild-s=120", "--patience-s=30");

        FaultSuite.Settings settings = FaultSuite.Settings.of(flags);

        assertThat(settings.quiescence()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.rebuild()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.patience()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesWaitsThatAreNotPositive() {
        for (String wrong : new String[] {"--quiescence-s=0", "--rebuild-s=-1", "--patience-s=0"}) {
            FaultSuite.Flags flags = new FaultSuite.Flags();
            new CommandLine(flags).parseArgs(wrong);
            assertThatIllegalArgumentException().as(wrong).isThrownBy(() -> FaultSuite.Settings.of(flags))
                    .withMessageContaining("--quiescence-s and --rebuild-s >= 1");
        }
    }
}
