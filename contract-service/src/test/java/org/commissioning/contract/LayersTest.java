package org.commissioning.contract;

import org.commissioning.testsupport.ServiceLayersContract;

/** contract-service keeps the layer rules of every service. */
class LayersTest extends ServiceLayersContract {

    LayersTest() {
        super("org.commissioning.contract");
    }
}
