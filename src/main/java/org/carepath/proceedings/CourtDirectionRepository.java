package org.carepath.proceedings;

import org.springframework.data.jpa.repository.JpaRepository;

interface CourtDirectionRepository extends JpaRepository<CourtDirection, Long> {
}
