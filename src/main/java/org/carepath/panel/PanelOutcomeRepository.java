package org.carepath.panel;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PanelOutcomeRepository extends JpaRepository<PanelOutcome, Long> {

    List<PanelOutcome> findByChildReferenceOrderByIdAsc(String childReference);
}
