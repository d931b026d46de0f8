package org.carepath.panel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import org.carepath.access.ChildAccess;
import org.carepath.audit.Audit;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.carepath.timescale.Timescales;
import org.carepath.web.ConflictException;
import org.carepath.web.FieldProblems;
import org.carepath.web.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The supporting documents of a child's booking onto a sitting: type told by content, size-limited, kept whole
 * with their SHA-256 checksum, every read on the child's audit trail. Uploaded by the child's team and the panel
 * administrators; read by them and by the members invited to that sitting while it is open. Anyone else is
 * answered 404, as if the booking or document did not exist.
 */
@Service
@Transactional
class PanelDocuments {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 5000;
    static final int FILE_NAME_MAX = 200;

    private static final String COLUMNS = "id, booking_id, child_reference, file_name, document_type, size_bytes, sha256, title,"
            + " description, uploaded_at, uploaded_by";

    private final JdbcTemplate jdbc;
    private final PanelSittingRepository sittings;
    private final ChildAccess access;
    private final Audit audit;
    private final Timescales timescales;
    private final PanelDocumentSettings settings;

    PanelDocuments(JdbcTemplate jdbc, PanelSittingRepository sittings, ChildAccess access, Audit audit, Timescales timescales,
                   PanelDocumentSettings settings, ObjectProvider<MultipartProperties> multipart) {
        this.jdbc = jdbc;
        this.sittings = sittings;
        this.access = access;
        this.audit = audit;
        this.timescales = timescales;
        this.settings = settings;
        var parts = multipart.getIfAvailable();
        if (parts != null && parts.getMaxFileSize().toBytes() >= 0 && parts.getMaxFileSize().toBytes() < settings.documentMaxBytes().toBytes()) {
            throw new IllegalStateException("carepath.panel.document-max-bytes (" + settings.documentMaxBytes() + ") is more than"
                    + " spring.servlet.multipart.max-file-size (" + parts.getMaxFileSize() + "): raise that, max-request-size and the"
                    + " body limit of the documents route (carepath.web.body-limits) with it");
        }
    }

    // ------------------------------------------------------------------ upload

    PanelViews.Document upload(long sittingId, long bookingId, MultipartFile file, String title, String description) {
        // the sitting's row locked first (as deferral and cancellation lock it), so the booking read next is still on it when stored
        sittings.findLockedById(sittingId).orElseThrow(() -> noBooking(sittingId, bookingId));
        var booking = booking(sittingId, bookingId);
        var viewer = access.viewer();
        if (!mayUpload(viewer, booking)) {
            throw noBooking(sittingId, bookingId);
        }
        var problems = new FieldProblems(List.of());
        byte[] content = null;
        DocumentType type = null;
        long max = settings.documentMaxBytes().toBytes();
        if (file == null) {
            problems.add("file", "is required: a PDF or Word document, sent as the multipart field 'file'");
        } else if (file.getSize() > max) {
            problems.add("file", tooLarge(file.getSize()));
        } else {
            content = read(file, max);
            if (content.length == 0) {
                problems.add("file", "is empty: a PDF or Word document is needed");
            } else if (content.length > max) {
                problems.add("file", tooLarge(content.length));
            } else {
                type = DocumentType.of(content).orElse(null);
                if (type == null) {
                    problems.add("file", "must be a PDF or a Word document (.docx or .doc), as its content shows; this file is neither,"
                            + " whatever its name or Content-Type says");
                }
            }
        }
        var cleanTitle = text(title, "title", TITLE_MAX, problems);
        var cleanDescription = text(description, "description", DESCRIPTION_MAX, problems);
        problems.throwIfAny();

        var sitting = booking.sitting();
        if (!booking.booked()) {
            throw new ConflictException("This case was deferred from the sitting on " + Timescales.DAY_IN_WORDS.format(sitting.date())
                    + ": upload its papers to its booking on the later sitting");
        }
        if (sitting.cancelled()) {
            throw new ConflictException("The sitting on " + Timescales.DAY_IN_WORDS.format(sitting.date()) + " was cancelled ("
                    + sitting.cancelledReason() + "): it takes no papers");
        }
        if (sitting.date().isBefore(timescales.today())) {
            throw new ConflictException("The sitting on " + Timescales.DAY_IN_WORDS.format(sitting.date()) + " has taken place: it takes no"
                    + " more papers");
        }
        var name = safeFileName(file.getOriginalFilename(), type);
        var sha256 = HexFormat.of().formatHex(sha256(content));
        var at = timescales.now();
        var by = viewer.userId() == null ? "carepath" : viewer.userId();
        var keys = new GeneratedKeyHolder();
        var bytes = content;
        var kind = type;
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into panel_document (booking_id, child_reference, file_name, document_type,"
                    + " size_bytes, sha256, content, title, description, uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            insert.setLong(1, booking.id());
            insert.setString(2, booking.childReference());
            insert.setString(3, name);
            insert.setString(4, kind.name());
            insert.setLong(5, bytes.length);
            insert.setString(6, sha256);
            insert.setBytes(7, bytes);
            insert.setString(8, cleanTitle);
            insert.setString(9, cleanDescription);
            insert.setObject(10, at.atOffset(ZoneOffset.UTC));
            insert.setString(11, by);
            return insert;
        }, keys);
        long id = keys.getKey().longValue();
        audit.changed(booking.childReference(), "panel document " + id, "uploaded " + name + " (" + kind + ", " + bytes.length
                + " bytes, SHA-256 " + sha256 + ") for the sitting on " + Timescales.DAY_IN_WORDS.format(sitting.date()));
        return new PanelViews.Document(id, sitting.id(), booking.id(), booking.childReference(), name, kind.name(), kind.mediaType(),
                bytes.length, sha256, cleanTitle, cleanDescription, at, by);
    }

    private String tooLarge(long size) {
        return "is " + size + " bytes: a document may be at most " + settings.inWords() + " (" + settings.documentMaxBytes().toBytes()
                + " bytes)";
    }

    private static byte[] read(MultipartFile file, long max) {
        try (var in = file.getInputStream()) {
            return in.readNBytes((int) max + 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("The upload could not be read", e);
        }
    }

    private static String text(String value, String field, int max, FieldProblems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.strip();
        if (text.length() > max) {
            problems.add(field, "must be at most " + max + " characters");
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.add(field, "must not contain control characters");
        }
        return text;
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    List<PanelViews.Document> list(long sittingId, long bookingId) {
        var booking = booking(sittingId, bookingId);
        if (!mayRead(access.viewer(), booking)) {
            throw noBooking(sittingId, bookingId);
        }
        audit.read(booking.childReference(), "panel papers of booking " + booking.id() + " (sitting " + sittingId + ")");
        return jdbc.query("select " + COLUMNS + " from panel_document where booking_id = ? order by id", metadata(sittingId), booking.id());
    }

    /** The document and its bytes. */
    record Download(PanelViews.Document document, byte[] content) {
    }

    @Transactional(readOnly = true)
    Download download(long documentId) {
        var rows = jdbc.query("select d.booking_id, b.sitting_id from panel_document d join panel_booking b on b.id = d.booking_id where d.id = ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, documentId);
        if (rows.isEmpty()) {
            throw noDocument(documentId);
        }
        var booking = sittings.findBooking(rows.get(0)[0]).orElseThrow(() -> noDocument(documentId));
        if (!mayRead(access.viewer(), booking)) {
            throw noDocument(documentId);
        }
        var document = jdbc.queryForObject("select " + COLUMNS + " from panel_document where id = ?", metadata(rows.get(0)[1]), documentId);
        var content = jdbc.queryForObject("select content from panel_document where id = ?", byte[].class, documentId);
        audit.read(booking.childReference(), "panel document " + documentId + " (" + document.fileName() + ")");
        return new Download(document, content);
    }

    private static RowMapper<PanelViews.Document> metadata(long sittingId) {
        return (rs, n) -> {
            var type = DocumentType.valueOf(rs.getString("document_type"));
            return new PanelViews.Document(rs.getLong("id"), sittingId, rs.getLong("booking_id"), rs.getString("child_reference"),
                    rs.getString("file_name"), type.name(), type.mediaType(), rs.getLong("size_bytes"), rs.getString("sha256"),
                    rs.getString("title"), rs.getString("description"), rs.getTimestamp("uploaded_at").toInstant(),
                    rs.getString("uploaded_by"));
        };
    }

    // ------------------------------------------------------------------ who

    /** The child's team (their social workers and team managers in scope), panel administrators and CarePath administrators. */
    private boolean mayUpload(Viewer viewer, PanelBooking booking) {
        return viewer.isSystem() || viewer.in(Groups.PANEL_ADMINISTRATOR) || viewer.in(Groups.ADMIN)
                || ((viewer.in(Groups.PRACTITIONER) || viewer.in(Groups.TEAM_MANAGER)) && access.canAccess(viewer, booking.childReference()));
    }

    /** Also the members invited to the booking's sitting, while it is open and the case is on it. */
    private boolean mayRead(Viewer viewer, PanelBooking booking) {
        if (mayUpload(viewer, booking)) {
            return true;
        }
        var sitting = booking.sitting();
        return viewer.userId() != null && booking.booked() && !sitting.cancelled() && !sitting.date().isBefore(timescales.today())
                && sittings.isInvited(sitting.id(), viewer.userId());
    }

    private PanelBooking booking(long sittingId, long bookingId) {
        return sittings.findBooking(bookingId).filter(b -> b.sitting().id() == sittingId).orElseThrow(() -> noBooking(sittingId, bookingId));
    }

    private static NotFoundException noBooking(long sittingId, long bookingId) {
        return new NotFoundException("No booking " + bookingId + " on sitting " + sittingId);
    }

    private static NotFoundException noDocument(long documentId) {
        return new NotFoundException("No panel document " + documentId);
    }

    // ------------------------------------------------------------------ names and checksums

    /**
     * The name as given, safe to show and to put in a header: no folders ({@code ../}), no quotes, backslashes or
     * control characters (CR, LF), at most {@value #FILE_NAME_MAX} characters, and ending with the extension of the
     * type its content shows (a PDF called {@code report.exe} is {@code report.exe.pdf}).
     */
    static String safeFileName(String given, DocumentType type) {
        var name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        var clean = new StringBuilder();
        name.codePoints().filter(PanelDocuments::shownInAName).forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1).strip();
        }
        if (name.isEmpty()) {
            name = "document";
        }
        var extension = type.extension();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(extension)) {
            name = name + extension;
        }
        if (name.length() > FILE_NAME_MAX) {
            var stem = name.substring(0, name.length() - extension.length());
            int cut = FILE_NAME_MAX - extension.length();
            if (Character.isHighSurrogate(stem.charAt(cut - 1))) {
                cut--;
            }
            name = stem.substring(0, cut) + extension;
        }
        return name;
    }

    /** Not a control or formatting character (CR, LF, bidi overrides), a lone surrogate, a quote or a backslash. */
    private static boolean shownInAName(int c) {
        return Character.isDefined(c) && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                && Character.getType(c) != Character.SURROGATE && Character.getType(c) != Character.LINE_SEPARATOR
                && Character.getType(c) != Character.PARAGRAPH_SEPARATOR && c != '"' && c != '\\';
    }

    /** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266), from a name {@link #safeFileName} made. */
    static String contentDisposition(String safeName) {
        var ascii = new StringBuilder();
        safeName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        var encoded = new StringBuilder();
        for (byte b : safeName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
