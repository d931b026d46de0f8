package org.carepath.adoption;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AdoptionReviewRepository extends JpaRepository<AdoptionReview, Long> {

    List<AdoptionReview> findByChildReferenceOrderByHeldOnAscIdAsc(String childReference);
}
