package org.carepath.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * On a council's server the schema's owner is Flyway's user ({@code spring.flyway.user}); Camunda's tables are
 * then created and upgraded as that user too, and the application's own user needs rows only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty({"spring.datasource.url", "spring.flyway.user"})
class SchemaOwnerConfiguration {

    @Bean
    @Qualifier("schemaOwnerDataSource")
    DataSource schemaOwnerDataSource(Environment environment) {
        var url = environment.getProperty("spring.flyway.url", environment.getRequiredProperty("spring.datasource.url"));
        return new DriverManagerDataSource(url, environment.getRequiredProperty("spring.flyway.user"),
                environment.getProperty("spring.flyway.password", ""));
    }
}
