package org.commissioning.contract.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date a contract of the council can carry: from {@value #EARLIEST} to {@value #LATEST}. The domain rules (within
 * the term, not in the future, after the start) narrow it further; this keeps a typo such as 0201-04-01 or
 * 9999-12-31 from being stored at all. Null is valid (use {@code @NotNull} where a date is required).
 */
@Documented
@Constraint(validatedBy = CouncilDate.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CouncilDate {

    String EARLIEST = "2000-01-01";
    String LATEST = "2099-12-31";

    String message() default "must be a date from " + EARLIEST + " to " + LATEST;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CouncilDate, LocalDate> {

        private static final LocalDate FROM = LocalDate.parse(EARLIEST);
        private static final LocalDate TO = LocalDate.parse(LATEST);

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(FROM) && !value.isAfter(TO));
        }
    }
}
