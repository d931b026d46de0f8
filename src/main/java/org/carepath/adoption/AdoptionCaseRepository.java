package org.carepath.adoption;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AdoptionCaseRepository extends JpaRepository<AdoptionCase, Long> {

    Optional<AdoptionCase> findByChildReferenceAndClosedOnIsNull(String childReference);

    Optional<AdoptionCase> findFirstByChildReferenceOrderByIdDesc(String childReference);

    java.util.List<AdoptionCase> findByChildReferenceInAndClosedOnIsNull(java.util.Collection<String> childReferences);
}
