package org.ecoplan.indicator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IndicatorServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IndicatorServiceApplication.class, args);
    }
}
