package org.commissioning.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP edge every service and the gateway share ({@code platform.web.*}).
 *
 * @param maxBodySize      the largest request body accepted (JSON and anything not listed in {@code uploadMediaTypes})
 * @param maxUploadSize    the largest body accepted for an upload (a media type in {@code uploadMediaTypes})
 * @param uploadMediaTypes media types that are uploads (kpi-service takes CSV returns and council figures as text/csv
 *                         or text/plain)
 */
@ConfigurationProperties("platform.web")
public record PlatformWebProperties(@DefaultValue("64KB") DataSize maxBodySize,
                                    @DefaultValue("2MB") DataSize maxUploadSize,
                                    @DefaultValue({"text/csv", "text/plain", "multipart/form-data"})
                                    List<String> uploadMediaTypes) {
}
