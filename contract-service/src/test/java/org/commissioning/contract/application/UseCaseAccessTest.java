package org.commissioning.contract.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.commissioning.contract.api.Rating;
import org.commissioning.contract.api.RecordContractRatingCommand;
import org.commissioning.contract.api.SetMonitoringCadenceCommand;
import org.commissioning.platform.security.Caller;
import org.commissioning.platform.security.Role;
import org.commissioning.platform.security.TrustedCallerFilter.TrustedCallerAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The checks of the use cases without HTTP, on Axon's own command bus: every change of a contract asks for
 * MANAGE_CONTRACTS before it sends anything; the use cases the ratings consumer calls ask for nobody.
 */
class UseCaseAccessTest {

    private final List<Object> sent = new ArrayList<>();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final ContractCommands contracts = new ContractCommands(
            DefaultCommandGateway.builder().commandBus(bus).build());

    UseCaseAccessTest() {
        bus.registerDispatchInterceptor(messages -> (index, message) -> {
            sent.add(message.getPayload());
            return message;
        });
    }

    @AfterEach
    void noCaller() {
        SecurityContextHolder.clearContext();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "COMMISSIONING_OFFICER", mode = EnumSource.Mode.EXCLUDE)
    void everyChangeOfAContractRefusesACallerWhoMayNotManageContractsBeforeSendingItsCommand(Role role) {
        actingAs(new Caller("someone", "Someone", EnumSet.of(role),
                role == Role.PROVIDER ? Optional.of("NELFT") : Optional.empty()));
        List<Method> changes = changesOfAContract();

        assertThat(changes).hasSizeGreaterThanOrEqualTo(13);
        for (Method change : changes) {
            assertThatThrownBy(() -> invoke(change)).as(change.toString()).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void followsARatingFromTheRatingsContextWithNoCallerAtAll() {
        bus.subscribe(RecordContractRatingCommand.class.getName(), command -> 3L);
        bus.subscribe(SetMonitoringCadenceCommand.class.getName(), command -> 4L);

        RatingFollowed recorded = new RecordContractRating(contracts)
                .record(new RecordContractRatingCommand("c-1", YearMonth.of(2018, 5), Rating.RED));
        RatingFollowed cadence = new SetMonitoringCadence(contracts)
                .set(new SetMonitoringCadenceCommand("c-1", Rating.RED, YearMonth.of(2018, 5)));

        assertThat(recorded.version()).isEqualTo(3L);
        assertThat(cadence.version()).isEqualTo(4L);
        assertThat(sent).hasSize(2);
    }

    /** The public methods of the application's services that answer a {@link ContractChanged}. */
    private static List<Method> changesOfAContract() {
        return new ClassFileImporter().importPackages(UseCaseAccessTest.class.getPackageName()).stream()
                .filter(c -> c.isAnnotatedWith(Service.class))
                .map(JavaClass::reflect)
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.getReturnType() == ContractChanged.class && Modifier.isPublic(m.getModifiers()))
                .toList();
    }

    /** Calls {@code change} on its service with a null command: the check comes before the command is read. */
    private void invoke(Method change) throws Throwable {
        try {
            Object useCase = change.getDeclaringClass().getConstructor(ContractCommands.class).newInstance(contracts);
            change.invoke(useCase, new Object[] {null});
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void actingAs(Caller caller) {
        SecurityContextHolder.getContext().setAuthentication(new TrustedCallerAuthentication(caller));
    }
}
