/**
 * Who may see and change which child: one rule ({@link org.carepath.access.ChildAccess}) that every
 * request about a child goes through, and the same rule applied to tasks, which are offered to the
 * child's team ({@code <team>--<role>} groups) so that the Tasklist and the engine's REST API show a user
 * only the work of children in their scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access to children's records")
package org.carepath.access;
