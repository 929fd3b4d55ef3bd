package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commissioning.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void readsTheQuotedVersionOfAnETag() {
        assertThat(IfMatch.expectedVersion("\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.expectedVersion(" \"0\" ")).isZero();
    }

    @Test
    void asksForNoCheckWithoutAHeaderOrWithAStar() {
        assertThat(IfMatch.expectedVersion(null)).isNull();
        assertThat(IfMatch.expectedVersion("")).isNull();
        assertThat(IfMatch.expectedVersion("*")).isNull();
    }

    @Test
    void refusesAnythingButOneStrongVersionNamingTheHeader() {
        for (String header : new String[] {"3", "W/\"3\"", "\"3\", \"4\"", "\"abc\"", "\"-1\""}) {
            assertThatThrownBy(() -> IfMatch.expectedVersion(header)).as(header)
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("If-Match"));
        }
    }

    @Test
    void writesTheVersionAsAStrongETag() {
        assertThat(IfMatch.etag(4)).isEqualTo("\"4\"");
    }
}
