package org.commissioning.deepdive;

import org.commissioning.testsupport.ServiceLayersContract;

class LayersTest extends ServiceLayersContract {

    LayersTest() {
        super("org.commissioning.deepdive");
    }
}
