package org.carepath.panel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param documentMaxBytes the largest supporting document taken for panel ({@code carepath.panel.document-max-bytes}:
 *                         a number of bytes, or e.g. {@code 10MB}); Spring's multipart limits and the body limit of
 *                         the upload route must be at least this (CarePath refuses to start otherwise)
 */
@ConfigurationProperties("carepath.panel")
record PanelDocumentSettings(@DefaultValue("10MB") DataSize documentMaxBytes) {

    PanelDocumentSettings {
        if (documentMaxBytes.toBytes() < 1 || documentMaxBytes.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("carepath.panel.document-max-bytes must be between 1 byte and 2GB, not " + documentMaxBytes);
        }
    }

    /** The limit in words: {@code 10 MB}, {@code 512 KB}, {@code 1500 bytes}. */
    String inWords() {
        long bytes = documentMaxBytes.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }
}
