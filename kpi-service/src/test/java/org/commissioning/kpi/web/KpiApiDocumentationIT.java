package org.commissioning.kpi.web;

import org.commissioning.testsupport.DocumentedApiContract;

/** kpi-service's OpenAPI description documents every endpoint it maps, with its problems and the bearer scheme. */
class KpiApiDocumentationIT extends KpiServiceOverHttp implements DocumentedApiContract {
}
