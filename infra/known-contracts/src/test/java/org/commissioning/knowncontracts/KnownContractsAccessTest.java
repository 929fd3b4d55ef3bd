package org.commissioning.knowncontracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Caller;
import org.commissioning.platform.security.Permission;
import org.commissioning.platform.security.Role;
import org.commissioning.platform.security.TrustedCallerFilter;
import org.commissioning.testsupport.TestMongoTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What a caller may see of the known contracts (the API's queries, over a real MongoTemplate): a provider's staff
 * list and find their own provider's contracts only, another provider's contract is exactly the not-found of one not
 * known, and a caller without the permission is refused before any contract is looked up.
 */
class KnownContractsAccessTest {

    static final Caller NELFT_STAFF = new Caller("provider.nelft", "NELFT performance", Set.of(Role.PROVIDER),
            Optional.of("NELFT"));
    static final Caller OPERATOR = new Caller("operator.lee", "Lee", Set.of(Role.OPERATOR), Optional.empty());

    final MongoTemplate mongo = TestMongoTemplates.create("known-contracts-access-test");
    final KnownContractsProjection view = new KnownContractsProjection(mongo);
    final KnownContracts contracts = new KnownContracts(view);

    final String nelfts = UUID.randomUUID().toString();
    final String sk8sides = UUID.randomUUID().toString();

    @BeforeEach
    void twoProvidersContracts() {
        mongo.dropCollection(KnownContractsProjection.COLLECTION);
        view.on(contract(nelfts, "NELFT"));
        view.on(contract(sk8sides, "Sk8side"));
    }

    @AfterEach
    void noCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aProvidersStaffListOnlyTheirOwnProvidersContractsWhereAnOfficerListsAll() {
        callAs(NELFT_STAFF);
        assertThat(contracts.visibleTo(Permission.READ_SUMMARIES)).extracting(KnownContract::id)
                .containsExactly(nelfts);

        callAs(Caller.trusted("officer.jones"));
        assertThat(contracts.visibleTo(Permission.READ_SUMMARIES)).extracting(KnownContract::id)
                .containsExactlyInAnyOrder(nelfts, sk8sides);
    }

    @Test
    void anotherProvidersContractIsExactlyTheNotFoundOfAContractNotKnown() {
        callAs(NELFT_STAFF);
        assertThat(contracts.requireFor(Permission.READ_SUMMARIES, nelfts).provider()).isEqualTo("NELFT");

        String unknown = UUID.randomUUID().toString();
        Throwable others = catchThrowable(() -> contracts.requireFor(Permission.READ_SUMMARIES, sk8sides));
        Throwable missing = catchThrowable(() -> contracts.requireFor(Permission.READ_SUMMARIES, unknown));

        assertThat(others).isInstanceOf(NotFoundException.class);
        assertThat(missing).isInstanceOf(NotFoundException.class);
        assertThat(others.getMessage().replace(sk8sides, "{id}")).isEqualTo(missing.getMessage()
                .replace(unknown, "{id}"));
    }

    @Test
    void refusesACallerWithoutThePermissionWhetherOrNotTheContractIsKnown() {
        callAs(OPERATOR);

        assertThatThrownBy(() -> contracts.requireFor(Permission.READ_SUMMARIES, nelfts))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contracts.requireFor(Permission.READ_SUMMARIES, UUID.randomUUID().toString()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contracts.visibleTo(Permission.READ_SUMMARIES))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void asksForACallerOnlyWhereARequestAsks() {
        assertThatThrownBy(() -> contracts.visibleTo(Permission.READ_SUMMARIES))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> contracts.requireFor(Permission.READ_SUMMARIES, nelfts))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        // consumers and scans have no caller: their queries check none
        assertThat(contracts.all()).extracting(KnownContract::id).containsExactlyInAnyOrder(nelfts, sk8sides);
        assertThat(contracts.require(sk8sides).provider()).isEqualTo("Sk8side");
    }

    private static void callAs(Caller caller) {
        SecurityContextHolder.getContext().setAuthentication(
                new TrustedCallerFilter.TrustedCallerAuthentication(caller));
    }

    private static KnownContract contract(String id, String provider) {
        return new KnownContract(id, provider, "YOUTH", "DISTRICT", List.of("South"), List.of("Ashford"),
                LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31), Instant.parse("2018-04-03T09:15:00Z"), 1);
    }
}
