package org.carepath.lookedafter;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PeriodInCareRepository extends JpaRepository<PeriodInCare, Long> {

    Optional<PeriodInCare> findByChildReferenceAndEndedOnIsNull(String childReference);

    /**
     * The open period, locked until the transaction ends: what is recorded in it (its end, a placement, a
     * placement's end, the plan, the IRO) is recorded one request at a time, each seeing the one before.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PeriodInCare p where p.childReference = :childReference and p.endedOn is null")
    Optional<PeriodInCare> lockOpen(String childReference);

    List<PeriodInCare> findByChildReferenceOrderByStartedOnDesc(String childReference);

    List<PeriodInCare> findByEndedOnIsNullOrderByStartedOnAsc();

    List<PeriodInCare> findByChildReferenceInAndEndedOnIsNullOrderByStartedOnAsc(java.util.Collection<String> childReferences);

    List<PeriodInCare> findByEndedOnIsNullOrEndedOnGreaterThanEqualOrderByStartedOnAsc(java.time.LocalDate endedOnOrAfter);
}
