/**
 * Zero-setup database: when no {@code spring.datasource.url} is configured, CarePath starts a real
 * PostgreSQL (embedded binaries) whose data stays under {@code ./data/} between runs.
 */
package org.carepath.database;
