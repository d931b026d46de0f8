package org.carepath.proceedings;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProceedingsRepository extends JpaRepository<CareProceedings, Long> {

    List<CareProceedings> findByChildReferenceOrderByRequestedAtDesc(String childReference);

    @Query("select p from CareProceedings p where p.status not in ('CONCLUDED', 'NO_LEGAL_ACTION', 'STEPPED_DOWN') order by p.currentDeadline nulls last, p.requestedAt")
    List<CareProceedings> findLive();

    List<CareProceedings> findByStatusAndConcludedOnBetweenOrderByConcludedOnAsc(ProceedingsStatus status, java.time.LocalDate from,
                                                                               java.time.LocalDate to);

    @Query("select p from CareProceedings p where p.childReference in ?1 and p.status not in ('CONCLUDED', 'NO_LEGAL_ACTION', 'STEPPED_DOWN')"
            + " order by p.currentDeadline nulls last, p.requestedAt")
    List<CareProceedings> findLiveFor(java.util.Collection<String> childReferences);

    @Query("select p from CareProceedings p where p.childReference = ?1 and p.status not in ('CONCLUDED', 'NO_LEGAL_ACTION', 'STEPPED_DOWN')")
    Optional<CareProceedings> findLiveFor(String childReference);
}
