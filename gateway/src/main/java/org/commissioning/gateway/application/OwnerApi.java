package org.commissioning.gateway.application;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The owners' API as the caller of the current request uses it: the same endpoints a client calls through the
 * gateway, with the caller's own token (a page's signed-in person's), so each owner applies its own authorisation,
 * provider confinement and rules. An answer other than 2xx is an {@link OwnerRefused} carrying it as it came
 * (a problem's {@code errors[].field}, {@code rule}, {@code currentState} for the pages to show).
 */
public interface OwnerApi {

    /** The services that own each part of the API. */
    enum Owner {
        CONTRACT("contract-service"), KPI("kpi-service"), RAG("rag-service"), DEEPDIVE("deepdive-service");

        private final String service;

        Owner(String service) {
            this.service = service;
        }

        public String service() {
            return service;
        }
    }

    /**
     * {@code GET path} (a URI template expanded with {@code variables}, encoded) with {@code query} parameters
     * (null values left out), as JSON.
     */
    JsonNode get(Owner owner, String path, Map<String, ?> query, Object... variables);

    /** {@code GET path} as the owner's bytes and content type (a CSV template, say). */
    Download download(Owner owner, String path, Map<String, ?> query, Object... variables);

    /** {@code POST path} with {@code body} as JSON; the owner's JSON answer (empty object for none). */
    JsonNode post(Owner owner, String path, Object body, Object... variables);

    /** {@code POST path} with a raw body of {@code contentType} (a CSV upload, say); the owner's JSON answer. */
    JsonNode postRaw(Owner owner, String path, String contentType, byte[] body, Object... variables);

    /** Bytes an owner sent, with their type and, where it named one, the file name. */
    record Download(String contentType, String fileName, byte[] bytes) {
    }
}
