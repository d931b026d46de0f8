package org.carepath;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries: no module reaches into another's internals, and there are no cycles between modules. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CarePathApplication.class);

    @Test
    void modulesRespectEachOthersBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
    }
}
