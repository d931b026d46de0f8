/**
 * Zero-setup database: when no {@code spring.datasource.url} is configured (local profile only), CarePath starts a
 * real PostgreSQL (embedded binaries) whose data stays under {@code ./data/} between runs, with passwords, a role
 * that owns the schema and a role the application connects as. On a real server, the schema's owner is Flyway's user.
 */
package org.carepath.database;
