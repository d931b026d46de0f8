package org.carepath.referral;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReferralRepository extends JpaRepository<Referral, Long> {

    List<Referral> findByChildReferenceOrderByReceivedAtDesc(String childReference);
}
