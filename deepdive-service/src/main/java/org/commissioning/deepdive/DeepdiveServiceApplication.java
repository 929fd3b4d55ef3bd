package org.commissioning.deepdive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DeepdiveServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeepdiveServiceApplication.class, args);
    }
}
