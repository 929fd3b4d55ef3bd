package org.commissioning.gateway.web;

import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardDeepDive;
import org.commissioning.gateway.api.DashboardFilter;
import org.commissioning.gateway.api.DashboardRationale;
import org.commissioning.gateway.api.DashboardTrajectory;
import org.commissioning.gateway.api.DeepDiveProgramme;
import org.commissioning.gateway.api.RatingTableRow;
import org.springframework.boot.jackson.JsonMixin;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A dashboard row, its trajectory, deep dives and rationale, a programme's rows, the filters applied and the rating
 * table's rows are written with every field, {@code null} included (the platform's default
 * leaves nulls out), so each row has the same shape.
 */
@JsonMixin({DashboardContract.class, DashboardTrajectory.class, DashboardDeepDive.class, DeepDiveProgramme.Row.class,
        DashboardRationale.class, DashboardFilter.class, RatingTableRow.class})
@JsonInclude(JsonInclude.Include.ALWAYS)
abstract class DashboardJson {
}
