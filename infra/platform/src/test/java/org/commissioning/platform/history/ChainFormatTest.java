package org.commissioning.platform.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain's format as the README states it, pinned by values computed with printf and sha256sum. */
class ChainFormatTest {

    @Test
    void canonicalisesAsRfc8785MembersSortedEscapedMinimally() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("z", null);
        members.put("n", -3L);
        members.put("a", "quote \" backslash \\ newline \n tab \t unit separator \u001f delete \u007f é");

        assertThat(CanonicalJson.of(members)).isEqualTo("{\"a\":\"quote \\\" backslash \\\\ newline \\n tab \\t "
                + "unit separator \\u001f delete \u007f é\",\"n\":-3,\"z\":null}");
    }

    @Test
    void hashesTheLeafAndLinksItToThePreviousHeadAsPrintfAndSha256sumDo() {
        // printf '%s' '{"a":"x\ny"}' | sha256sum; then printf '%s\n%s' "$(printf '0%.0s' $(seq 64))" "$leaf" | sha256sum
        String leaf = ChainHashes.leaf("{\"a\":\"x\\ny\"}");

        assertThat(leaf).isEqualTo("2cde7d89bb8d29e17ab3d2232d50d175723835439ab3a0552b316d652aeb9527");
        assertThat(ChainHashes.link(ChainHashes.GENESIS, leaf))
                .isEqualTo("ba566381fbe5ac68e3d4ecc375e734e458fd699a49b8ef895cec5ecc2659d335");
    }

    @Test
    void aConsistencyProofOfTheWrongLengthProvesNothing() {
        String leaf = ChainHashes.leaf("{}");
        String head = ChainHashes.link(ChainHashes.GENESIS, leaf);

        assertThat(ChainHashes.extendsUnchanged(ChainHashes.GENESIS, -1, head, 0, List.of(leaf))).isTrue();
        assertThat(ChainHashes.extendsUnchanged(ChainHashes.GENESIS, -1, head, 1, List.of(leaf))).isFalse();
        assertThat(ChainHashes.extendsUnchanged(ChainHashes.GENESIS, -1, head, 0, List.of(leaf, leaf))).isFalse();
    }

    @Test
    void keepsTheSealKeyAcrossARestartAndItsSignatureBindsEveryMember(@TempDir Path dir) {
        SealKey first = SealKey.loadOrCreate(dir.resolve("key.pem"));
        SealKey second = SealKey.loadOrCreate(dir.resolve("key.pem"));
        String signature = first.sign("{\"sequence\":1}");

        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(SealKey.verify(second.publicJwk(), "{\"sequence\":1}", signature)).isTrue();
        assertThat(SealKey.verify(second.publicJwk(), "{\"sequence\":2}", signature)).isFalse();
    }
}
