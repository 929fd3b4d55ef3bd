package org.commissioning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.bson.Document;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The contract of the view of the contracts a service knows (infra/known-contracts, used by kpi-service, rag-service
 * and deepdive-service), its translator and its projection as plain objects:
 * <ul>
 *   <li>the golden sample of {@code ContractRegistered.v1} (infra/events) translates into the service's
 *       {@code KnownContract} with every field;</li>
 *   <li>a registration applied twice leaves one identical document, found and listed as that {@code KnownContract}
 *       (over a real MongoTemplate mapped as the services map, on the shared in-process Mongo server).</li>
 * </ul>
 * A service's test extends this with its own types:
 * <pre>{@code
 * super(KnownContract.class, KnownContractsProjection::new, KnownContractsProjection.COLLECTION,
 *         ContractEventsTranslator::knownContract, KnownContractsProjection::on,
 *         KnownContractsProjection::find, KnownContractsProjection::all);
 * }</pre>
 *
 * @param <C> the service's {@code KnownContract} record
 * @param <P> the service's {@code KnownContractsProjection}
 */
public abstract class KnownContractsViewContract<C extends Record, P> {

    static final String GOLDEN = "golden/contracts/ContractRegistered.v1.json";
    /** The components every service's {@code KnownContract} has, in this order. */
    static final List<String> COMPONENTS = List.of("id", "provider", "serviceArea", "lotScope", "areas", "districts",
            "start", "end", "registeredAt", "lastSequence");

    protected final MongoTemplate mongo = TestMongoTemplates.create("known-contracts-view-test");
    protected final P projection;

    private final Class<C> type;
    private final String collection;
    private final BiFunction<IntegrationEvent<?>, ContractRegistered, C> translator;
    private final BiConsumer<P, C> on;
    private final BiFunction<P, String, Optional<C>> find;
    private final Function<P, List<C>> all;

    protected KnownContractsViewContract(Class<C> type, Function<MongoTemplate, P> projection, String collection,
                                         BiFunction<IntegrationEvent<?>, ContractRegistered, C> translator,
                                         BiConsumer<P, C> on, BiFunction<P, String, Optional<C>> find,
                                         Function<P, List<C>> all) {
        this.type = type;
        this.projection = projection.apply(mongo);
        this.collection = collection;
        this.translator = translator;
        this.on = on;
        this.find = find;
        this.all = all;
    }

    @BeforeEach
    void empty() {
        mongo.dropCollection(collection);
    }

    @Test
    void translatesTheGoldenSampleOfContractRegisteredV1() throws Exception {
        IntegrationEvent<?> event;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden sample on the classpath (infra/events)").isNotNull();
            event = new IntegrationEventCodec().decode(in.readAllBytes());
        }

        C known = translator.apply(event, (ContractRegistered) event.data());

        assertThat(known).isEqualTo(knownContract("2f0c5a4e-8d1b-4c1e-9a51-3f7f2d9b6a10", "Sk8side", "YOUTH",
                "DISTRICT", List.of("South"), List.of("Ashford"), LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31),
                Instant.parse("2018-04-03T09:15:00Z"), 1L));
    }

    @Test
    void applyingTheSameRegistrationTwiceLeavesOneIdenticalDocument() {
        String id = "2f0c5a4e-8d1b-4c1e-9a51-3f7f2d9b6a10";
        IntegrationEvent<ContractRegistered> event =
                IntegrationEvents.registered(id, 1, "7d0b6f6e-4f3c-4a8e-9d2b-1c6a5e4f3b21");

        on.accept(projection, translator.apply(event, event.data()));
        List<Document> afterOnce = documents();
        on.accept(projection, translator.apply(event, event.data()));
        List<Document> afterTwice = documents();

        assertThat(afterOnce).hasSize(1);
        assertThat(afterOnce.get(0).get("_id")).isEqualTo(id);
        assertThat(afterTwice).isEqualTo(afterOnce);
        assertThat(find.apply(projection, id)).contains(knownContract(id, "Sk8side", "YOUTH", "DISTRICT",
                List.of("South"), List.of("Ashford"), LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31),
                IntegrationEvents.REGISTERED_AT, 1L));
        assertThat(all.apply(projection)).extracting(this::idOf).containsExactly(id);
    }

    private List<Document> documents() {
        return mongo.getCollection(collection).find().into(new ArrayList<>());
    }

    /** The service's {@code KnownContract} of these values (in {@link #COMPONENTS} order), by its canonical constructor. */
    private C knownContract(Object... values) {
        RecordComponent[] components = type.getRecordComponents();
        assertThat(Arrays.stream(components).map(RecordComponent::getName)).as("components of %s", type.getName())
                .containsExactlyElementsOf(COMPONENTS);
        try {
            Constructor<C> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + type.getName(), e);
        }
    }

    private String idOf(C contract) {
        try {
            return (String) type.getRecordComponents()[0].getAccessor().invoke(contract);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
