package org.carepath.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditRepository extends JpaRepository<AuditEvent, Long> {

    @Query("""
            select e from AuditEvent e
            where (:child is null or e.childReference = :child)
              and (:username is null or e.username = :username)
              and e.occurredAt >= :from and e.occurredAt < :to
            order by e.occurredAt desc, e.id desc""")
    List<AuditEvent> find(String child, String username, Instant from, Instant to, Pageable page);
}
