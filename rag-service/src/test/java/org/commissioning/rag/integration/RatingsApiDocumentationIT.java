package org.commissioning.rag.integration;

import org.commissioning.testsupport.DocumentedApiContract;

/** rag-service's OpenAPI description documents every endpoint it maps, with its problems and the bearer scheme. */
class RatingsApiDocumentationIT extends RunningRagService implements DocumentedApiContract {
}
