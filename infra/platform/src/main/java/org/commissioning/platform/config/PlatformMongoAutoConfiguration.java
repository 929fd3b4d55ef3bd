package org.commissioning.platform.config;

import java.time.YearMonth;

import org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;

/**
 * How every service stores its read models, and how it checks MongoDB's health.
 * <ul>
 *   <li>Dates are stored as midnight UTC whatever the JVM's zone, and amounts as Decimal128: exact and summable.</li>
 *   <li>Health is checked with {@code ping}, which MongoDB and the embedded wire-protocol server both answer;
 *       Spring Boot's own check sends {@code hello}, unknown to the embedded server, and would report it DOWN.</li>
 * </ul>
 */
@AutoConfiguration(after = MongoAutoConfiguration.class,
        before = {MongoDataAutoConfiguration.class, MongoHealthContributorAutoConfiguration.class})
@ConditionalOnClass(MongoTemplate.class)
public class PlatformMongoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public MongoCustomConversions mongoCustomConversions() {
        return conversions();
    }

    /**
     * The conversions, for code that builds a MongoTemplate by hand (projection tests). A month ({@link YearMonth})
     * is stored as its ISO text, yyyy-MM, so it sorts and reads as a month.
     */
    public static MongoCustomConversions conversions() {
        return MongoCustomConversions.create(adapter -> adapter
                .useNativeDriverJavaTimeCodecs()
                .bigDecimal(BigDecimalRepresentation.DECIMAL128)
                .registerConverter(YearMonthToString.INSTANCE)
                .registerConverter(StringToYearMonth.INSTANCE));
    }

    @WritingConverter
    enum YearMonthToString implements Converter<YearMonth, String> {
        INSTANCE;

        @Override
        public String convert(YearMonth source) {
            return source.toString();
        }
    }

    @ReadingConverter
    enum StringToYearMonth implements Converter<String, YearMonth> {
        INSTANCE;

        @Override
        public YearMonth convert(String source) {
            return YearMonth.parse(source);
        }
    }

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    public HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                mongo.executeCommand("{ ping: 1 }");
                builder.up().withDetail("database", mongo.getDb().getName());
            }
        };
    }
}
