package org.carepath.lookedafter;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface IroDisputeRepository extends JpaRepository<IroDispute, Long> {

    List<IroDispute> findByChildReferenceOrderByRaisedAtDescIdDesc(String childReference);

    List<IroDispute> findByStatusOrderByRaisedAtAscIdAsc(DisputeStatus status);

    List<IroDispute> findByChildReferenceAndStatus(String childReference, DisputeStatus status);
}
