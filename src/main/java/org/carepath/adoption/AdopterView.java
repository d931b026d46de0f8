package org.carepath.adoption;

import java.time.LocalDate;
import java.util.List;

/** Prospective adopters as the API shows them. */
record AdopterView(Long id, String householdName, List<Member> household, String agencyType, String agencyName,
                   LocalDate approvedOn, String approvalDecidedBy, ApprovedFor approvedFor, String status,
                   List<Status> statusHistory, List<Link> links) {

    record Member(String name, String relationship, LocalDate dateOfBirth) {
    }

    /** What the approval covers. */
    record ApprovedFor(int children, int ageFrom, int ageTo, boolean siblingGroups, String needsTheyCanMeet) {
    }

    record Status(String status, LocalDate changedOn, String reason, String changedBy) {
    }

    record Link(String child, String status, LocalDate linkedOn, LocalDate endedOn, String endedReason) {
    }
}
