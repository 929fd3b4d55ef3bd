package org.commissioning.testsupport.layered.web;

import org.commissioning.testsupport.layered.application.ReadLedger;
import org.commissioning.testsupport.layered.command.Ledger;

/** Breaks the rules on purpose: reaches past the application layer into the aggregate. */
public class LedgerController {
    public int balance() {
        return new Ledger().balance() + new ReadLedger().balance();
    }
}
