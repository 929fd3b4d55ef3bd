package org.commissioning.testsupport.layered.application;

import org.commissioning.testsupport.layered.command.Ledger;

public class ReadLedger {
    public int balance() {
        return new Ledger().balance();
    }
}
