package org.commissioning.testsupport.layered.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Breaks the rules on purpose: the published shape of the domain named by Jackson. */
public record LedgerJson(@JsonProperty("b") int balance) {
}
