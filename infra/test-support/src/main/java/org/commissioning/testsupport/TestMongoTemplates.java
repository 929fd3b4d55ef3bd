package org.commissioning.testsupport;

import org.commissioning.platform.config.PlatformMongoAutoConfiguration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Real MongoTemplates, mapped as the services map their documents (the platform's conversions: dates as midnight
 * UTC, amounts as Decimal128), on the shared {@link EmbeddedMongo} server: for testing projections as plain objects.
 */
public final class TestMongoTemplates {

    /** One client for the JVM, like the server it talks to; closed by neither. */
    private static final MongoClient CLIENT = MongoClients.create(EmbeddedMongo.connectionString());

    private TestMongoTemplates() {
    }

    /** A template on {@code database}; give each test class a database of its own, as they share the server. */
    public static MongoTemplate create(String database) {
        MongoCustomConversions conversions = PlatformMongoAutoConfiguration.conversions();
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return new MongoTemplate(new SimpleMongoClientDatabaseFactory(CLIENT, database), converter);
    }
}
