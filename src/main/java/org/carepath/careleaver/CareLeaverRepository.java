package org.carepath.careleaver;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CareLeaverRepository extends JpaRepository<CareLeaver, Long> {

    Optional<CareLeaver> findByChildReference(String childReference);

    boolean existsByChildReferenceAndPersonalAdviser(String childReference, String personalAdviser);

    @org.springframework.data.jpa.repository.Query("select c.childReference from CareLeaver c where c.personalAdviser = ?1")
    java.util.Set<String> childrenOfPersonalAdviser(String personalAdviser);

    List<CareLeaver> findAllByOrderByIdAsc();
}
