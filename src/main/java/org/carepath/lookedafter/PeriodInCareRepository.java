package org.carepath.lookedafter;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PeriodInCareRepository extends JpaRepository<PeriodInCare, Long> {

    Optional<PeriodInCare> findByChildReferenceAndEndedOnIsNull(String childReference);

    List<PeriodInCare> findByChildReferenceOrderByStartedOnDesc(String childReference);

    List<PeriodInCare> findByEndedOnIsNullOrderByStartedOnAsc();
}
