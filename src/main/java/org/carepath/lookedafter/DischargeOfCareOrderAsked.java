package org.carepath.lookedafter;

/**
 * The team manager of a child living with their parents under a care order asked for the order's discharge to
 * be considered: the revocation pathway of care proceedings starts from here.
 */
public record DischargeOfCareOrderAsked(String childReference, String reason, String askedBy) {
}
