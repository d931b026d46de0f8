package org.carepath.drift;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeadlineRepository extends JpaRepository<Deadline, Long> {

    Optional<Deadline> findByActivityInstanceId(String activityInstanceId);

    List<Deadline> findByChildReferenceAndClosedAtIsNullOrderByDueDateAsc(String childReference);

    List<Deadline> findByChildReferenceInAndClosedAtIsNullOrderByDueDateAsc(java.util.Collection<String> childReferences);

    /** Child's reference, work, due date and warning date of each open deadline of these children, soonest due first. */
    @org.springframework.data.jpa.repository.Query("select d.childReference, d.work, d.dueDate, d.warningDate from Deadline d"
            + " where d.childReference in ?1 and d.closedAt is null order by d.dueDate")
    List<Object[]> openDatesOf(java.util.Collection<String> childReferences);

    List<Deadline> findByProcessInstanceIdAndClosedAtIsNullOrderByDueDateAsc(String processInstanceId);

    List<Deadline> findByTimescaleKeyInAndOutcomeAndClosedAtGreaterThanEqualAndClosedAtLessThan(java.util.Collection<String> timescaleKeys,
            Resolution outcome, java.time.Instant from, java.time.Instant before);

    Optional<Deadline> findFirstByProcessInstanceIdAndTimescaleKeyAndClosedAtIsNull(String processInstanceId, String timescaleKey);
}
