package org.carepath.panel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipInputStream;

/**
 * The kinds of document panel papers may be, told by their content alone: never by the file's name or the
 * Content-Type the browser sent.
 */
enum DocumentType {

    PDF("application/pdf", ".pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    DOC("application/msword", ".doc");

    private static final byte[] PDF_SIGNATURE = {'%', 'P', 'D', 'F', '-'};
    /** An OLE2 compound file: the container of legacy Word documents. */
    private static final byte[] OLE2_SIGNATURE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    /** A Word document names its parts early: past this many entries, or this much inflated, it is not read further. */
    static final int MAX_ZIP_ENTRIES = 64;
    static final long MAX_ZIP_INFLATED_BYTES = 16L * 1024 * 1024;

    private final String mediaType;
    private final String extension;

    DocumentType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /** The type of the content, if it is a PDF or a Word document; empty for anything else. */
    static Optional<DocumentType> of(byte[] content) {
        if (startsWith(content, PDF_SIGNATURE)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, OLE2_SIGNATURE)) {
            return Optional.of(DOC);
        }
        if (startsWith(content, ZIP_SIGNATURE) && isWordPackage(content)) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }

    /**
     * A ZIP holding {@code [Content_Types].xml} and {@code word/document.xml}. The entries are read in order, each
     * drained through a small buffer with the inflated bytes counted, so a ZIP bomb stops the reading at
     * {@link #MAX_ZIP_INFLATED_BYTES} (or {@link #MAX_ZIP_ENTRIES}) instead of filling memory or taking the CPU.
     */
    static boolean isWordPackage(byte[] content) {
        boolean contentTypes = false;
        boolean document = false;
        long inflated = 0;
        var buffer = new byte[8192];
        try (var zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (int entries = 0; entries < MAX_ZIP_ENTRIES; entries++) {
                var entry = zip.getNextEntry();
                if (entry == null) {
                    return false;
                }
                contentTypes |= "[Content_Types].xml".equals(entry.getName());
                document |= "word/document.xml".equals(entry.getName());
                if (contentTypes && document) {
                    return true;
                }
                for (int read; (read = zip.read(buffer)) > 0; ) {
                    inflated += read;
                    if (inflated > MAX_ZIP_INFLATED_BYTES) {
                        return false;
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            // not a ZIP that can be read (truncated, encrypted, a stored entry with a data descriptor): not a document
            return false;
        }
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        return content.length >= signature.length && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
    }
}
