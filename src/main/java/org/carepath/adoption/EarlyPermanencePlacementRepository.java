package org.carepath.adoption;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EarlyPermanencePlacementRepository extends JpaRepository<EarlyPermanencePlacement, Long> {

    List<EarlyPermanencePlacement> findByChildReferenceOrderByStartedOnAsc(String childReference);
}
