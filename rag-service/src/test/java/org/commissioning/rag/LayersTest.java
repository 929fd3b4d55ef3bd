package org.commissioning.rag;

import org.commissioning.testsupport.ServiceLayersContract;

class LayersTest extends ServiceLayersContract {

    LayersTest() {
        super("org.commissioning.rag");
    }
}
