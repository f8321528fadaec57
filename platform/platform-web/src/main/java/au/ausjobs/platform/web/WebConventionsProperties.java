package au.ausjobs.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** ausjobs.web.*: limits shared by every servlet service. */
@ConfigurationProperties("ausjobs.web")
public record WebConventionsProperties(DataSize maxBodySize) {

    public WebConventionsProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofKilobytes(256);
        }
    }
}
