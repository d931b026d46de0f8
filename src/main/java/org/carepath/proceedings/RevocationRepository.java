package org.carepath.proceedings;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RevocationRepository extends JpaRepository<Revocation, Long> {

    List<Revocation> findByChildReferenceOrderByConsideredAtDesc(String childReference);

    @Query("select r from Revocation r where r.childReference = ?1 and r.status in ('CONSIDERING', 'APPLIED')")
    Optional<Revocation> findLiveFor(String childReference);
}
