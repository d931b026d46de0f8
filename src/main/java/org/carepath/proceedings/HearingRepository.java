package org.carepath.proceedings;

import org.springframework.data.jpa.repository.JpaRepository;

interface HearingRepository extends JpaRepository<Hearing, Long> {
}
