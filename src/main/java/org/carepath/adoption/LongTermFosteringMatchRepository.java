package org.carepath.adoption;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface LongTermFosteringMatchRepository extends JpaRepository<LongTermFosteringMatch, Long> {

    Optional<LongTermFosteringMatch> findByChildReferenceAndClosedOnIsNull(String childReference);

    Optional<LongTermFosteringMatch> findFirstByChildReferenceOrderByIdDesc(String childReference);
}
