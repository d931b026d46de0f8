package org.carepath.drift;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeadlineExtensionRepository extends JpaRepository<DeadlineExtension, Long> {
}
