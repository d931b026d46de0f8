/**
 * The child record: who the child is, their legal status, who is allocated to them and the decisions
 * made about them with their rationale. Every process about a child uses the child's reference
 * ({@code C-000123}) as its business key, and starts through {@link org.carepath.child.Journeys}.
 *
 * <p>Takes a legal status from any published fact that {@link org.carepath.child.GivesLegalStatus}, and
 * announces {@link org.carepath.child.LegalStatusChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Child record")
package org.carepath.child;
