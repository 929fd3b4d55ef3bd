package org.commissioning.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Limits of the HTTP edge every service and the gateway share ({@code platform.web.*}). */
@ConfigurationProperties("platform.web")
public class PlatformWebProperties {

    /** The largest request body accepted (JSON and anything not listed in {@link #uploadMediaTypes}). */
    private DataSize maxBodySize = DataSize.ofKilobytes(64);

    /** The largest body accepted for an upload (a media type in {@link #uploadMediaTypes}). */
    private DataSize maxUploadSize = DataSize.ofMegabytes(2);

    /** Media types that are uploads (kpi-service takes CSV returns and council figures as text/csv or text/plain). */
    private List<String> uploadMediaTypes = new ArrayList<>(List.of("text/csv", "text/plain", "multipart/form-data"));

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public DataSize getMaxUploadSize() {
        return maxUploadSize;
    }

    public void setMaxUploadSize(DataSize maxUploadSize) {
        this.maxUploadSize = maxUploadSize;
    }

    public List<String> getUploadMediaTypes() {
        return uploadMediaTypes;
    }

    public void setUploadMediaTypes(List<String> uploadMediaTypes) {
        this.uploadMediaTypes = uploadMediaTypes;
    }
}
