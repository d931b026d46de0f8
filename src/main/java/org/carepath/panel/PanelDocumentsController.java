package org.carepath.panel;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Papers for panel: the supporting documents of a child's booking. Uploaded by the child's team and panel
 * administrators; listed and downloaded by them and by the members invited to the sitting while it is open
 * (SecurityConfiguration has the roles; {@link PanelDocuments} the scope). Anyone else: 404.
 */
@RestController
@Tag(name = "Permanence panel papers", description = "Supporting documents (PDF, Word) of a child's booking onto a sitting:"
        + " type told by content, size-limited, SHA-256 checksum, every download on the child's audit trail")
class PanelDocumentsController {

    private final PanelDocuments documents;

    PanelDocumentsController(PanelDocuments documents) {
        this.documents = documents;
    }

    @PostMapping(path = "/api/panel-sittings/{id}/bookings/{bookingId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a supporting document for the child's case (multipart field 'file', optional 'title' and"
            + " 'description'): a PDF or Word document (.docx, .doc) as its content shows, at most carepath.panel.document-max-bytes"
            + " (10 MB unless configured), else 400 naming 'file' and nothing stored; a body far beyond the limit is cut off"
            + " unread with 413. The answer has the size and SHA-256 checksum")
    ResponseEntity<PanelViews.Document> upload(@PathVariable long id, @PathVariable long bookingId,
                                               @RequestParam(name = "file", required = false) MultipartFile file,
                                               @RequestParam(required = false) String title,
                                               @RequestParam(required = false) String description) {
        return ResponseEntity.status(201).body(documents.upload(id, bookingId, file, title, description));
    }

    @GetMapping("/api/panel-sittings/{id}/bookings/{bookingId}/documents")
    @Operation(summary = "The supporting documents of a child's case on a sitting, oldest first (not their bytes)")
    List<PanelViews.Document> list(@PathVariable long id, @PathVariable long bookingId) {
        return documents.list(id, bookingId);
    }

    @GetMapping("/api/panel-documents/{documentId}")
    @Operation(summary = "Download a supporting document as an attachment, with its type as detected; on the child's audit trail")
    ResponseEntity<byte[]> download(@PathVariable long documentId) {
        var download = documents.download(documentId);
        var document = download.document();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .contentLength(download.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, PanelDocuments.contentDisposition(document.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(download.content());
    }
}
