package org.commissioning.kpi;

import org.commissioning.testsupport.ServiceLayersContract;

class LayersTest extends ServiceLayersContract {

    LayersTest() {
        super("org.commissioning.kpi");
    }
}
