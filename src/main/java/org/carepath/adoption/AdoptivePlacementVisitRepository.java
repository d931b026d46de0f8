package org.carepath.adoption;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AdoptivePlacementVisitRepository extends JpaRepository<AdoptivePlacementVisit, Long> {

    List<AdoptivePlacementVisit> findByChildReferenceOrderByVisitedOnAscIdAsc(String childReference);
}
