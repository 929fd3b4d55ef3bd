package org.commissioning.platform.history;

import java.util.List;
import java.util.Map;

import org.commissioning.platform.history.HistoryChainAudit.Consistency;
import org.commissioning.platform.history.HistoryChainAudit.Verification;
import org.commissioning.platform.history.HistorySeals.Seal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The history chain under the service's own API prefix ({@code platform.history-chain.api-prefix}). */
@RestController
@RequestMapping("${platform.history-chain.api-prefix}/history-chain")
public class HistoryChainController {

    private final HistoryChainAudit audit;

    public HistoryChainController(HistoryChainAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/streams/{stream}/verification")
    public Verification verification(@PathVariable String stream) {
        return audit.verify(stream);
    }

    @GetMapping(value = "/streams/{stream}/export", produces = "text/plain;charset=UTF-8")
    public String export(@PathVariable String stream) {
        return audit.export(stream);
    }

    @GetMapping("/streams/{stream}/consistency")
    public Consistency consistency(@PathVariable String stream, @RequestParam(required = false) Long from,
                                   @RequestParam(required = false) Long to) {
        return audit.consistency(stream, from, to);
    }

    @GetMapping("/streams/{stream}/seals")
    public List<Seal> seals(@PathVariable String stream) {
        return audit.seals(stream);
    }

    @GetMapping("/seal-keys")
    public Map<String, Object> sealKeys() {
        return audit.sealKeys();
    }

    @PostMapping("/seals")
    public Map<String, List<Seal>> seal() throws InterruptedException {
        return Map.of("sealed", audit.sealNow());
    }
}
