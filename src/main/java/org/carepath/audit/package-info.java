/**
 * The audit trail: every read and every change of a child's record, decision or plan (who, when, which
 * child, what, through which interface) in an append-only table the database protects, queryable by
 * administrators ({@code GET /api/audit}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.carepath.audit;
