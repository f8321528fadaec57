package au.ausjobs.notification.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import au.ausjobs.platform.security.PublicPaths;

/**
 * SMS wiring: the {@link SmsSender} (Twilio when ausjobs.notifications.sms.enabled, else one that sends nothing and
 * answers DISABLED) and the status callback path, open without a token (the Twilio signature is checked instead).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class SmsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);
    static final String STATUS_PATH = "/api/v1/notifications/sms/status";

    @Bean
    PublicPaths smsStatusCallbackPaths() {
        return PublicPaths.of("POST " + STATUS_PATH);
    }

    @Bean
    SmsSender smsSender(SmsProperties properties, SmsListeners listeners, SmsDeliveries deliveries) {
        if (!properties.enabled()) {
            log.info("SMS are switched off (ausjobs.notifications.sms.enabled=false)");
            return request -> SmsResult.failed(SmsResult.Outcome.DISABLED, null, "SMS are switched off");
        }
        var problems = properties.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ausjobs.notifications.sms is enabled but " + String.join("; ", problems));
        }
        log.info("SMS through Twilio: {}", properties);
        return new RecordingSmsSender(new TwilioSmsSender(properties, listeners.asListener()), deliveries);
    }
}
