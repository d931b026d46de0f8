package org.carepath.panel;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PanelMemberRepository extends JpaRepository<PanelMember, Long> {

    List<PanelMember> findAllByOrderByNameAscIdAsc();

    java.util.Optional<PanelMember> findByUserId(String userId);
}
