package org.carepath.drift;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface DriftAlertRepository extends JpaRepository<DriftAlert, Long> {

    Optional<DriftAlert> findByDeadline(Deadline deadline);

    @EntityGraph(attributePaths = "actions")
    List<DriftAlert> findByChildReferenceOrderByRaisedAtDesc(String childReference);

    @EntityGraph(attributePaths = "actions")
    List<DriftAlert> findByResolvedAtIsNullOrderByRaisedAtAsc();

    /** Per child with an open alert: the child's reference, how many are open, the highest rung of any. */
    @org.springframework.data.jpa.repository.Query("select a.childReference, count(a), max(a.escalationLevel) from DriftAlert a"
            + " where a.resolvedAt is null group by a.childReference")
    List<Object[]> openPerChild();

    long countByResolvedAtIsNull();

    long countByResolvedAtIsNullAndEscalationLevel(int escalationLevel);
}
