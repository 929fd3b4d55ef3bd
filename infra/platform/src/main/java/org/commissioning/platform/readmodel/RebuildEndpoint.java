package org.commissioning.platform.readmodel;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/rebuild}, for operators: {@code GET} lists the rebuildable read models, the collection each is
 * served from and its last rebuild's progress; {@code POST {"readModel": "<name>"}} starts rebuilding one (202), 400
 * for a name that is not one, 409 while a rebuild is running; {@code DELETE} cancels the running rebuild before it
 * switches (409 when none is running).
 */
@Endpoint(id = "rebuild")
@RequiredArgsConstructor
public class RebuildEndpoint {

    private final ReadModelRebuilds rebuilds;

    @ReadOperation
    public List<ReadModelRebuilds.ReadModelState> readModels() {
        return rebuilds.readModels();
    }

    @WriteOperation
    public WebEndpointResponse<ReadModelRebuilds.ReadModelState> start(@Nullable String readModel) {
        return new WebEndpointResponse<>(rebuilds.start(readModel), 202);
    }

    @DeleteOperation
    public ReadModelRebuilds.ReadModelState cancel() {
        return rebuilds.cancel();
    }
}
