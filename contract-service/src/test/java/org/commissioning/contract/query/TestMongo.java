package org.commissioning.contract.query;

import org.commissioning.embedded.MongoWireServer;
import org.commissioning.platform.config.PlatformMongoAutoConfiguration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** A real MongoTemplate, mapped as the service maps its read models, on an in-process Mongo wire-protocol server. */
final class TestMongo implements AutoCloseable {

    private final MongoWireServer server;
    private final MongoClient client;
    private final MongoTemplate template;

    private TestMongo(MongoWireServer server, String database) {
        this.server = server;
        this.client = MongoClients.create(server.connectionString());
        MongoCustomConversions conversions = PlatformMongoAutoConfiguration.conversions();
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        this.template = new MongoTemplate(new SimpleMongoClientDatabaseFactory(client, database), converter);
    }

    static TestMongo start(String database) {
        return new TestMongo(MongoWireServer.inMemoryOnFreePort().start(), database);
    }

    MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }
}
