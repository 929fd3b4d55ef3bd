package org.commissioning.gateway;

import org.commissioning.testsupport.ServiceLayersContract;

class LayersTest extends ServiceLayersContract {

    LayersTest() {
        super("org.commissioning.gateway");
    }
}
