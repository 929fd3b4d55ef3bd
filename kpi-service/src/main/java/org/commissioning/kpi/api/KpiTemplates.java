package org.commissioning.kpi.api;

import static org.commissioning.kpi.api.Rating.AMBER;
import static org.commissioning.kpi.api.Rating.GREEN;
import static org.commissioning.kpi.api.Rating.RED;
import static org.commissioning.kpi.api.Rating.STRETCH;

import java.util.List;
import java.util.Map;

/**
 * The KPIs a new contract of a service area starts from. Only EMOTIONAL_HEALTH_AND_WELLBEING has a template so
 * far: the three KPIs of the 2019 report on the children's mental-health contract (source 004, Figure 2). The
 * other service areas' KPIs are not in the papers (000 refers to an Appendix 2 that is not among them), so their
 * templates are empty until commissioners supply them; their frameworks are defined KPI by KPI.
 * <p>
 * The bands of 004 are refused as printed, so the template carries them corrected:
 * <ul>
 *   <li>"Stretch &gt;95%, Green 90-94%, Amber 85-89%, Red &lt;85%" leaves (89, 90) and (94, 95] unrated (a
 *       percentage of cases can be 94.5 or 89.5). Corrected to Red [0, 85), Amber [85, 90), Green [90, 95],
 *       Stretch (95, 100]: every bound printed explicitly is kept (Red below 85, Amber from 85, Green from the
 *       90% target, Stretch strictly above 95), and each band runs up to where the next one starts, so 95 itself
 *       is Green (the stretch target is "more than 95%").</li>
 *   <li>"Stretch &gt;90%, Green 85-90%, Amber 80-85%, Red &lt;80%" rates 85 both Green and Amber (90 is Green
 *       only, since Stretch is strictly above 90). Corrected to Red [0, 80), Amber [80, 85), Green [85, 90],
 *       Stretch (90, 100]: the same convention, a band includes its lower printed bound, so reaching the 85%
 *       target is Green, as reaching 90% is Green in the first table.</li>
 * </ul>
 */
public final class KpiTemplates {

    public static final String EMOTIONAL_HEALTH_AND_WELLBEING = "EMOTIONAL_HEALTH_AND_WELLBEING";

    /** Red [0, 85), Amber [85, 90), Green [90, 95], Stretch (95, 100]. */
    public static final List<Band> NINETY_FIVE_STRETCH = List.of(
            Band.below(RED, "85"),
            Band.closedOpen(AMBER, "85", "90"),
            Band.closed(GREEN, "90", "95"),
            Band.above(STRETCH, "95"));

    /** Red [0, 80), Amber [80, 85), Green [85, 90], Stretch (90, 100]. */
    public static final List<Band> NINETY_STRETCH = List.of(
            Band.below(RED, "80"),
            Band.closedOpen(AMBER, "80", "85"),
            Band.closed(GREEN, "85", "90"),
            Band.above(STRETCH, "90"));

    private static final Map<String, List<KpiDefinition>> BY_SERVICE_AREA = Map.of(
            EMOTIONAL_HEALTH_AND_WELLBEING, List.of(
                    new KpiDefinition("CALLS-TRIAGED-24H",
                            "Phone calls screened and triaged within 24 working hours",
                            KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, NINETY_FIVE_STRETCH, true,
                            ExpectedSource.PROVIDER),
                    // looked-after children are known to the council too, so its figures can be checked (004, 3.4)
                    new KpiDefinition("LAC-ASSESSED-2W",
                            "Looked-after children: assessment within two weeks of accepted referral (enhanced service)",
                            KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, NINETY_STRETCH, true,
                            ExpectedSource.BOTH),
                    new KpiDefinition("CRISIS-TREATED-4H",
                            "Crisis referrals assessed and treated within 4 hours, 24/7",
                            KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, NINETY_FIVE_STRETCH, true,
                            ExpectedSource.PROVIDER)));

    private KpiTemplates() {
    }

    /** The template of a service area; empty where there is none yet. */
    public static List<KpiDefinition> forServiceArea(String serviceArea) {
        return serviceArea == null ? List.of() : BY_SERVICE_AREA.getOrDefault(serviceArea, List.of());
    }
}
