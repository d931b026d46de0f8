package org.carepath.adoption;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ProspectiveAdopterRepository extends JpaRepository<ProspectiveAdopter, Long> {

    List<ProspectiveAdopter> findAllByOrderByHouseholdNameAscIdAsc();

    /** The household's row locked: two links at once take turns, and the second sees the first. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from ProspectiveAdopter a where a.id = :id")
    Optional<ProspectiveAdopter> findLockedById(Long id);

    @Query("select l from AdopterLink l where l.childReference = :child and l.endedOn is null")
    Optional<ProspectiveAdopter.Link> findOpenLinkOf(String child);

    @Query("select count(l) > 0 from AdopterLink l where l.childReference = :child and l.endedOn is null")
    boolean childIsLinked(String child);
}
