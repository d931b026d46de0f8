package org.carepath.referral;

import java.time.Instant;

record ReferralView(long id, String childReference, Instant receivedAt, ReferralSource source, String concerns,
                    String referrerName, String referrerOrganisation, String referrerRole, Instant recordedAt,
                    String recordedBy, String processInstanceId) {
}
