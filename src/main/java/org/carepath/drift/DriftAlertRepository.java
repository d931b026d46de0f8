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

    long countByResolvedAtIsNull();

    long countByResolvedAtIsNullAndEscalationLevel(int escalationLevel);
}
