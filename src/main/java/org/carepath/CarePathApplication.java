package org.carepath;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CarePathApplication {

    public static void main(String[] args) {
        SpringApplication.run(CarePathApplication.class, args);
    }
}
