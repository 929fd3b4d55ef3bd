package org.commissioning.kpi.application;

import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.KpiFrameworkVersion;

/** One version of a contract's framework and all its versions. */
public record FrameworkVersions(String contractId, KpiFrameworkVersion version, FrameworkHistory history) {
}
