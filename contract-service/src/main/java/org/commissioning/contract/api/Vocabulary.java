package org.commissioning.contract.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * One way to read and to word the values of contract-service's closed sets ({@link ServiceArea}, {@link PlanKind},
 * {@link TerminationInitiator}, {@link RecommissioningRoute}, {@link Rating}...): a value read from text ignoring
 * case and surrounding blanks, and the words the history and messages use for it, kept together in
 * {@code labels.properties} next to this class ({@code PlanKind.ACTION_PLAN=Action plan}).
 */
public final class Vocabulary {

    private static final ResourceBundle LABELS = ResourceBundle.getBundle(
            Vocabulary.class.getPackageName() + ".labels", Locale.ROOT);

    private Vocabulary() {
    }

    /** The value of {@code type} the text names, ignoring case and surrounding blanks; empty outside the set. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equals(name)).findFirst();
    }

    /** The words for a value; its name where it has none. */
    public static String label(Enum<?> value) {
        try {
            return LABELS.getString(value.getDeclaringClass().getSimpleName() + "." + value.name());
        } catch (MissingResourceException e) {
            return value.name();
        }
    }
}
