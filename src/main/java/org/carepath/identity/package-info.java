/**
 * Who is who: the demo users and groups of the local setup, HTTP Basic for {@code /api} and
 * {@code /engine-rest} against Camunda's identity service, the Camunda authorizations each group
 * needs (and no more), and the Tasklist filters every group starts with.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
package org.carepath.identity;
