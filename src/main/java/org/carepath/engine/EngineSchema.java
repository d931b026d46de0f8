package org.carepath.engine;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * When the schema has an owner of its own ({@code schemaOwnerDataSource}), the engine's tables are created and
 * upgraded as that owner, before the engine starts; the engine itself, on the application's connections, then only
 * checks that the schema is the one it expects. Without one, the engine creates its tables itself as before.
 */
@Component
class EngineSchema extends AbstractCamundaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineSchema.class);

    private final ObjectProvider<DataSource> schemaOwner;
    private final ObjectProvider<FlywayMigrationInitializer> migrations;

    EngineSchema(@Qualifier("schemaOwnerDataSource") ObjectProvider<DataSource> schemaOwner,
                 ObjectProvider<FlywayMigrationInitializer> migrations) {
        this.schemaOwner = schemaOwner;
        this.migrations = migrations;
    }

    @Override
    public void postInit(SpringProcessEngineConfiguration configuration) {
        var owner = schemaOwner.getIfAvailable();
        if (owner == null) {
            return;
        }
        // CarePath's migrations first: they give the application its rights on whatever the owner creates (V10).
        migrations.getIfAvailable();
        var schema = new StandaloneProcessEngineConfiguration() {
            // It only creates and upgrades tables: no decisions to evaluate (the FEEL engine takes seconds to start), nothing to deploy.
            @Override
            protected void initDmnEngine() {
            }

            @Override
            protected void initDeployers() {
            }
        };
        schema.setDataSource(owner)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(configuration.getHistoryLevel().getName())
                .setJobExecutorActivate(false)
                .setMetricsEnabled(false)
                .setDbMetricsReporterActivate(false)
                .setProcessEngineName(configuration.getProcessEngineName() + "-schema");
        schema.buildProcessEngine().close();
        log.info("The engine's schema is up to date (as its owner)");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    }
}
