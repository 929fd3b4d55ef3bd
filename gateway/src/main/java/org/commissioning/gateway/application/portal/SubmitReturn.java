package org.commissioning.gateway.application.portal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.application.OwnerApi;
import org.commissioning.gateway.application.OwnerApi.Owner;
import org.commissioning.gateway.application.OwnerRefused;
import org.commissioning.gateway.application.portal.ReturnForm.FieldError;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * A provider's monthly return made with the form: the values typed (a field left blank is not sent) go to
 * kpi-service as the caller, which checks them and stores all or nothing. A value that is not a number is refused
 * here, before anything is sent; kpi-service's refusals come back next to the fields they name.
 */
@Service
@RequiredArgsConstructor
public class SubmitReturn {

    private static final Pattern VALUE_FIELD = Pattern.compile("^values\\[(\\d+)]");

    private final PortalOwners owners;
    private final OwnerApi owner;

    /**
     * For a caller with {@code SUBMIT_RETURNS} (403) who may act for the contract's provider (404 otherwise, also
     * for a month outside the term or after this one, or without a framework in force).
     *
     * @param typed by KPI code
     */
    public ReturnOutcome submit(String contractId, String period, Map<String, String> typed, String narrative) {
        PortalContract contract = owners.contract(contractId, Permission.SUBMIT_RETURNS);
        YearMonth month = owners.month(contract, period);
        ReturnFramework framework = owners.framework(contractId, month).orElseThrow(() ->
                new NotFoundException("No framework in force in " + month));
        Map<String, String> kept = new LinkedHashMap<>();
        List<KpiField> sent = new ArrayList<>();
        List<Map<String, Object>> values = new ArrayList<>();
        List<FieldError> notNumbers = new ArrayList<>();
        for (KpiField field : framework.fields()) {
            String text = typed.getOrDefault(field.code(), "").strip();
            kept.put(field.code(), text);
            if (text.isEmpty()) {
                continue;
            }
            BigDecimal value = KpiField.number(text);
            if (value == null) {
                notNumbers.add(new FieldError(field.fieldId(), "Enter " + field.name() + " as a number, like 94.5"));
                continue;
            }
            sent.add(field);
            values.add(Map.of("kpiCode", field.code(), "value", value));
        }
        String story = narrative == null || narrative.isBlank() ? null : narrative;
        if (!notNumbers.isEmpty()) {
            return refused(400, contract, month, new ReturnForm(framework, kept, story, notNumbers, List.of()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", month.toString());
        body.put("narrative", story);
        body.put("values", values);
        try {
            owner.post(Owner.KPI, PortalOwners.RETURNS, body, contractId);
            return new ReturnOutcome.Submitted(contractId, month);
        } catch (OwnerRefused refusal) {
            OwnerProblem problem = OwnerProblem.of(refusal);
            return refused(problem.status(), contract, month, new ReturnForm(framework, kept, story,
                    problem.errors(field -> fieldOf(field, sent)), List.of()));
        }
    }

    /** The form field kpi-service's {@code values[i].…} names: the i-th value sent; the narrative; none else. */
    private static String fieldOf(String field, List<KpiField> sent) {
        if (field.equals(ReturnForm.NARRATIVE)) {
            return ReturnForm.NARRATIVE;
        }
        Matcher value = VALUE_FIELD.matcher(field);
        if (value.find() && Integer.parseInt(value.group(1)) < sent.size()) {
            return sent.get(Integer.parseInt(value.group(1))).fieldId();
        }
        return null;
    }

    static ReturnOutcome refused(int status, PortalContract contract, YearMonth month, ReturnForm form) {
        return new ReturnOutcome.Refused(status, new ReturnMonth(contract, month, Optional.empty(), form, null));
    }
}
