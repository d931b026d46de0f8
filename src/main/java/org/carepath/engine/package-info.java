/**
 * How CarePath runs Camunda: deploys {@code processes/} and {@code forms/} under stable names, names
 * every user task after the child it is about, and checks task input every journey shares (dates that
 * cannot be in the future).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Process engine conventions")
package org.carepath.engine;
