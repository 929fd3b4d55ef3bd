package org.commissioning.contract.web;

import org.commissioning.testsupport.DocumentedApiContract;

/** contract-service's OpenAPI description documents every endpoint it maps, with its problems and the bearer scheme. */
class ContractApiDocumentationIT extends OnFirstJune2018 implements DocumentedApiContract {
}
