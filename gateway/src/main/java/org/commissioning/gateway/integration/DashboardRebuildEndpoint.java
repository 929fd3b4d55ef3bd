package org.commissioning.gateway.integration;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/rebuild} of the gateway, for operators, shaped as the services' own: {@code GET} lists the
 * dashboard's read model, the collection it is served from and its last rebuild's progress (with its rate in records
 * per second); {@code POST {"readModel": "dashboard_contracts"}} starts rebuilding it from the topics (202), 400 for
 * another name, 409 while a rebuild runs.
 */
@Endpoint(id = "rebuild")
@RequiredArgsConstructor
public class DashboardRebuildEndpoint {

    private final DashboardRebuild rebuild;

    @ReadOperation
    public List<DashboardRebuild.ReadModelState> readModels() {
        return rebuild.readModels();
    }

    @WriteOperation
    public WebEndpointResponse<DashboardRebuild.ReadModelState> start(@Nullable String readModel) {
        return new WebEndpointResponse<>(rebuild.start(readModel), 202);
    }
}
