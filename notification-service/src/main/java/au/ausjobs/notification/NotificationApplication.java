package au.ausjobs.notification;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** notification-service: Templates and the outbound email/SMS queue driven by events. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }

    /** The time every decision of the queue is made by (quiet hours, rate cap, back-off); tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
