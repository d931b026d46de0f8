package org.carepath.child;

import java.time.LocalDate;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChildRepository extends JpaRepository<Child, Long> {

    @Query("select c.reference from Child c where lower(c.givenName) = lower(?1) and lower(c.familyName) = lower(?2) and c.dateOfBirth = ?3"
            + " order by c.id")
    java.util.List<String> findReferencesOfSameChild(String givenName, String familyName, LocalDate dateOfBirth);

    /**
     * Until this transaction ends, another registering a child of the same name and date of birth waits here, then
     * sees this one's child: two registrations at once make one record, not two.
     */
    @Query(value = "select count(*) from (select pg_advisory_xact_lock(hashtext(lower(?1))) ) as registering", nativeQuery = true)
    long waitForOthersRegistering(String sameChild);

    @Query("select c from Child c where lower(c.reference) like ?1 or lower(c.givenName) like ?1 or lower(c.familyName) like ?1 order by c.familyName, c.givenName")
    java.util.List<Child> search(String prefix, org.springframework.data.domain.Pageable page);

    @Query("select new org.carepath.child.CurrentAllocation(c.reference, concat(c.givenName, ' ', c.familyName), a.worker, a.workerName,"
            + " a.teamName, a.allocatedFrom) from Allocation a join a.child c where a.allocatedTo is null order by a.workerName, c.familyName")
    java.util.List<CurrentAllocation> currentAllocations();

    /** Each allocation current at some time since {@code since}, with its child's reference and name, by child and then in time. */
    @Query("select c.reference, concat(c.givenName, ' ', c.familyName), a from Allocation a join a.child c"
            + " where a.allocatedTo is null or a.allocatedTo >= ?1 order by c.reference, a.allocatedFrom, a.id")
    java.util.List<Object[]> allocationsSince(java.time.Instant since);

    /** These children, each with their current allocation (none, one, or in a record gone wrong more: the last wins). */
    @Query("select c.reference, concat(c.givenName, ' ', c.familyName), c.legalStatus, a.worker, a.workerName, a.team, a.teamName from Child c"
            + " left join c.allocations a on a.allocatedTo is null where c.reference in ?1 order by c.reference, a.allocatedFrom, a.id")
    java.util.List<Object[]> summaries(java.util.Collection<String> references);

    /** As {@link #allocationsSince(java.time.Instant)}, for these children only. */
    @Query("select c.reference, concat(c.givenName, ' ', c.familyName), a from Allocation a join a.child c"
            + " where c.reference in ?2 and (a.allocatedTo is null or a.allocatedTo >= ?1) order by c.reference, a.allocatedFrom, a.id")
    java.util.List<Object[]> allocationsSince(java.time.Instant since, java.util.Collection<String> references);

    @Query(value = "select nextval('child_reference_seq')", nativeQuery = true)
    long nextReferenceNumber();
}
