package org.carepath.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.carepath.CarePathTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Papers for panel: supporting documents uploaded to a child's booking, told by content, size-limited, checksummed,
 * audited when read, and visible only to the child's team, the administrators and the members invited to that sitting
 * while it is open. Everyone else: 404, as if nothing were there.
 */
@CarePathTest
class PanelDocumentsApiTest extends PanelTestSupport {

    static final long LIMIT = 10L * 1024 * 1024;

    @Autowired
    JdbcTemplate jdbc;

    record Case(long sitting, long booking, String child, String documents) {
    }

    /** A sitting on Tuesday 27 March 2095 with one child booked, the members given invited. */
    Case booked(List<Long> members) {
        clockAt("2095-03-01T10:00");
        var sitting = id(sitting("PERMANENCE", "2095-03-27", null, members));
        var child = newChild();
        var booking = book(ADMINISTRATOR, sitting, child);
        assertThat(booking.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return new Case(sitting, id(booking.getBody()), child, "/api/panel-sittings/" + sitting + "/bookings/" + id(booking.getBody()) + "/documents");
    }

    @Test
    void aPdfAndAWordDocumentAreStoredWithTheirChecksumAndComeBackByteForByteOnTheAuditTrail() throws Exception {
        var c = booked(List.of());
        var pdf = pdf(2000);
        var uploaded = upload("practitioner", c.documents(), "Permanence report.pdf", "application/octet-stream", pdf, "Permanence report");
        assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(uploaded.getBody()).containsEntry("sha256", sha256(pdf)).containsEntry("sizeBytes", pdf.length)
                .containsEntry("type", "PDF").containsEntry("mediaType", "application/pdf").containsEntry("fileName", "Permanence report.pdf")
                .containsEntry("title", "Permanence report").containsEntry("child", c.child()).containsEntry("uploadedBy", "practitioner")
                .containsEntry("bookingId", (int) c.booking());

        var docx = docx();
        var word = upload(ADMINISTRATOR, c.documents(), "Life story.docx", "application/pdf", docx, null);
        assertThat(word.getStatusCode()).as("%s", word.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(word.getBody()).containsEntry("sha256", sha256(docx)).containsEntry("sizeBytes", docx.length).containsEntry("type", "DOCX")
                .containsEntry("mediaType", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        var doc = new byte[600];
        System.arraycopy(HexFormat.of().parseHex("D0CF11E0A1B11AE1"), 0, doc, 0, 8);
        assertThat(upload("team-manager", c.documents(), "old.doc", null, doc, null).getBody()).containsEntry("type", "DOC");

        var listed = http.exchange(c.documents(), HttpMethod.GET, signedIn("team-manager", null), List.class);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list(listed.getBody())).extracting(d -> d.get("fileName")).containsExactly("Permanence report.pdf", "Life story.docx", "old.doc");
        assertThat(list(listed.getBody())).allSatisfy(d -> assertThat(d).doesNotContainKey("content"));

        long reads = reads(c.child(), id(uploaded.getBody()));
        var download = download("practitioner", id(uploaded.getBody()));
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(pdf);
        var headers = download.getHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"Permanence report.pdf\"; filename*=UTF-8''Permanence%20report.pdf");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getContentLength()).isEqualTo(pdf.length);
        assertThat(reads(c.child(), id(uploaded.getBody()))).as("the download is on the child's audit trail").isEqualTo(reads + 1);
        assertThat(jdbc.queryForObject("select username from audit_event where child_reference = ? and subject like ? order by id desc limit 1",
                String.class, c.child(), "panel document " + id(uploaded.getBody()) + " %")).isEqualTo("practitioner");

        var wordBack = download(ADMINISTRATOR, id(word.getBody()));
        assertThat(wordBack.getBody()).isEqualTo(docx);
        assertThat(wordBack.getHeaders().getContentType().toString()).isEqualTo(DocumentType.DOCX.mediaType());
    }

    @Test
    void whatIsNotAPdfOrWordDocumentByItsContentIsRefusedNamingTheFileAndNothingIsStored() throws Exception {
        var c = booked(List.of());
        var png = new byte[400];
        System.arraycopy(HexFormat.of().parseHex("89504E470D0A1A0A"), 0, png, 0, 8);
        var zip = zip(Map.of("notes.txt", "not a Word document"));
        var halfWord = zip(Map.of("[Content_Types].xml", "<Types/>"));
        var exe = "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
        for (var refused : List.of(png, zip, halfWord, exe, new byte[0], "%PD".getBytes(StandardCharsets.US_ASCII))) {
            var answer = upload("practitioner", c.documents(), "report.pdf", "application/pdf", refused, null);
            assertThat(refused(answer)).as("%s", answer.getBody()).containsOnlyKeys("file");
        }
        assertThat(refused(upload("practitioner", c.documents(), "report.pdf", "application/pdf", png, null)).get("file"))
                .startsWith("must be a PDF or a Word document");
        assertThat(refused(upload("practitioner", c.documents(), "report.pdf", "application/pdf", new byte[0], null)).get("file"))
                .startsWith("is empty");
        assertThat(call("practitioner", HttpMethod.POST, c.documents(), Map.of("title", "x")).getStatusCode())
                .as("a JSON body").isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refused(formWithoutAFile("practitioner", c.documents()))).containsOnlyKeys("file");
        assertThat(refused(upload("practitioner", c.documents(), "a.pdf", null, pdf(100), "x".repeat(201)))).containsOnlyKeys("title");
        assertThat(documents(c.booking())).isZero();
    }

    @Test
    void aZipBombIsNotReadBeyondItsBoundsAndIsRefused() throws Exception {
        // 64 MB of zeros in one entry before the parts a Word document names: deflated to about 64 KB
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("bomb.bin"));
            var zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.closeEntry();
        }
        long started = System.nanoTime();
        assertThat(DocumentType.of(bytes.toByteArray())).isEmpty();
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(2000);
    }

    @Test
    void aDocumentOneByteOverTheLimitIsRefusedWithTheLimitInWordsAndNothingIsStored() throws Exception {
        var c = booked(List.of());
        var refused = refused(upload("practitioner", c.documents(), "big.pdf", "application/pdf", pdf((int) LIMIT + 1), null));
        assertThat(refused).containsOnlyKeys("file");
        assertThat(refused.get("file")).isEqualTo("is " + (LIMIT + 1) + " bytes: a document may be at most 10 MB (" + LIMIT + " bytes)");
        assertThat(documents(c.booking())).isZero();
        var atTheLimit = upload("practitioner", c.documents(), "big.pdf", "application/pdf", pdf((int) LIMIT), null);
        assertThat(atTheLimit.getStatusCode()).as("%s", atTheLimit.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(atTheLimit.getBody()).containsEntry("sizeBytes", (int) LIMIT);
    }

    @Test
    void aMultipartBodyOfUnknownLengthIsRefusedUnreadAndNothingIsStored() {
        var c = booked(List.of());
        var form = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        form.add("file", new org.springframework.core.io.ByteArrayResource(pdf(500)) {
            @Override
            public String getFilename() {
                return "report.pdf";
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBasicAuth("practitioner", "demo");
        // RestTemplate streams a multipart body chunked, without a Content-Length
        var answer = http.exchange(c.documents(), HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.LENGTH_REQUIRED);
        assertThat(documents(c.booking())).isZero();
    }

    @Test
    void anotherTeamsSocialWorkerFindsNothingAndOtherRolesMayNotUpload() throws Exception {
        var c = booked(List.of());
        var uploaded = upload("practitioner", c.documents(), "report.pdf", null, pdf(500), null);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(call("practitioner-south", HttpMethod.GET, c.documents(), null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("team-manager-south", HttpMethod.GET, c.documents(), null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(download("practitioner-south", id(uploaded.getBody())).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(upload("practitioner-south", c.documents(), "x.pdf", null, pdf(100), null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(upload("service-manager", c.documents(), "x.pdf", null, pdf(100), null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("iro", c.documents(), "x.pdf", null, pdf(100), null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(download("legal", id(uploaded.getBody())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(documents(c.booking())).isEqualTo(1);

        var otherSitting = id(sitting("PERMANENCE", "2095-03-28", null, List.of()));
        assertThat(call("practitioner", HttpMethod.GET, "/api/panel-sittings/" + otherSitting + "/bookings/" + c.booking() + "/documents", null)
                .getStatusCode()).as("the booking is on another sitting").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(download("practitioner", 99999999).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMemberWhoSignsInReadsThePapersOfTheirOpenSittingOnlyUntilItsDayHasPassed() throws Exception {
        clockAt("2095-03-01T10:00");
        var invitedUser = panelMemberUser();
        var otherUser = panelMemberUser();
        var invited = linkedMember(invitedUser);
        linkedMember(otherUser);
        var c = booked(List.of(invited));
        var uploaded = upload("team-manager", c.documents(), "report.pdf", null, pdf(700), null);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        var download = download(invitedUser, id(uploaded.getBody()));
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).hasSize(700);
        assertThat(list(http.exchange(c.documents(), HttpMethod.GET, signedIn(invitedUser, null), List.class).getBody()))
                .singleElement().satisfies(d -> assertThat(d).containsEntry("fileName", "report.pdf"));
        assertThat(get(invitedUser, "/api/panel-sittings/" + c.sitting()).get("agenda")).satisfies(agenda ->
                assertThat(list(agenda)).singleElement().satisfies(item -> assertThat(item).containsEntry("child", c.child())));
        assertThat(http.exchange("/api/children/" + c.child(), HttpMethod.GET, signedIn(invitedUser, null), String.class).getStatusCode())
                .as("the member's scope: the children on their open sittings").isEqualTo(HttpStatus.OK);
        assertThat(upload(invitedUser, c.documents(), "x.pdf", null, pdf(100), null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(download(otherUser, id(uploaded.getBody())).getStatusCode()).as("not invited").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(otherUser, HttpMethod.GET, c.documents(), null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(otherUser, HttpMethod.GET, "/api/panel-sittings/" + c.sitting(), null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/api/children/" + c.child(), HttpMethod.GET, signedIn(otherUser, null), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(otherUser, HttpMethod.GET, "/api/panel-sittings/proposed?type=PERMANENCE", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        clockAt("2095-03-27T18:00");
        assertThat(download(invitedUser, id(uploaded.getBody())).getStatusCode()).as("on the day").isEqualTo(HttpStatus.OK);
        clockAt("2095-03-28T09:00");
        assertThat(download(invitedUser, id(uploaded.getBody())).getStatusCode()).as("the day has passed").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(invitedUser, HttpMethod.GET, c.documents(), null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/api/children/" + c.child(), HttpMethod.GET, signedIn(invitedUser, null), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(download("practitioner", id(uploaded.getBody())).getStatusCode()).as("the child's team still reads it").isEqualTo(HttpStatus.OK);
        assertThat(conflict(upload("practitioner", c.documents(), "late.pdf", null, pdf(100), null))).contains("has taken place");
    }

    @Test
    void aMemberLosesThePapersWhenTheCaseIsDeferredAndTheSittingCancelled() throws Exception {
        clockAt("2095-03-01T10:00");
        var user = panelMemberUser();
        var c = booked(List.of(linkedMember(user)));
        var uploaded = upload(ADMINISTRATOR, c.documents(), "report.pdf", null, pdf(300), null);
        assertThat(download(user, id(uploaded.getBody())).getStatusCode()).isEqualTo(HttpStatus.OK);
        var later = id(sitting("PERMANENCE", "2095-04-24", null, List.of()));
        assertThat(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + c.sitting() + "/bookings/" + c.booking() + "/deferral",
                Map.of("toSitting", later, "reason", "Chair ill")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + c.sitting() + "/cancellation", Map.of("reason", "Chair ill"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download(user, id(uploaded.getBody())).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(conflict(upload(ADMINISTRATOR, c.documents(), "x.pdf", null, pdf(100), null))).contains("deferred");
    }

    @Test
    void aMemberIsLinkedOnlyToAUserWhoExistsAndOnlyOnce() {
        clockAt("2095-03-01T10:00");
        var user = panelMemberUser();
        linkedMember(user);
        var body = new HashMap<String, Object>(Map.of("name", "Second Link", "role", "INDEPENDENT_MEMBER", "panelTypes", List.of("PERMANENCE"),
                "appointedOn", "2024-01-01", "appointmentEndsOn", "2099-12-31", "userId", user));
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-members", body)).get("userId")).startsWith("is linked already to");
        body.put("userId", "nobody-" + System.nanoTime());
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-members", body)).get("userId")).startsWith("no CarePath user");
    }

    @Test
    void aFileNameWithFoldersQuotesOrLineBreaksIsMadeSafeForTheHeader() throws Exception {
        var c = booked(List.of());
        var uploaded = upload("practitioner", c.documents(), "../../etc/Panel \"final\" report.pdf", null, pdf(300), null);
        assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat((String) uploaded.getBody().get("fileName")).doesNotContain("/", "\"", "..").endsWith(".pdf");
        var disposition = download("practitioner", id(uploaded.getBody())).getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(disposition).startsWith("attachment; filename=\"").doesNotContain("/", "\\", "\r", "\n");
        assertThat(disposition.chars().filter(ch -> ch == '"').count()).isEqualTo(2);

        assertThat(PanelDocuments.safeFileName("..\\..\\a\r\nSet-Cookie: x=1\u0000\u202Egpj.pdf", DocumentType.PDF))
                .isEqualTo("aSet-Cookie: x=1gpj.pdf");
        assertThat(PanelDocuments.safeFileName("../..", DocumentType.DOCX)).isEqualTo("document.docx");
        assertThat(PanelDocuments.safeFileName("invoice.exe", DocumentType.PDF)).isEqualTo("invoice.exe.pdf");
        assertThat(PanelDocuments.safeFileName("x".repeat(500) + ".pdf", DocumentType.PDF)).hasSize(200).endsWith(".pdf");
        assertThat(PanelDocuments.contentDisposition("Rapport \u00e9t\u00e9 ; 100%.pdf"))
                .isEqualTo("attachment; filename=\"Rapport _t_ ; 100_.pdf\"; filename*=UTF-8''Rapport%20%C3%A9t%C3%A9%20%3B%20100%25.pdf");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theUploadIsDescribedAsAMultipartFormInTheOpenApi() {
        var docs = get("practitioner", "/v3/api-docs");
        var paths = map(docs.get("paths"));
        assertThat(paths).containsKeys("/api/panel-sittings/{id}/bookings/{bookingId}/documents", "/api/panel-documents/{documentId}");
        var upload = map(map(paths.get("/api/panel-sittings/{id}/bookings/{bookingId}/documents")).get("post"));
        assertThat(map(map(upload.get("requestBody")).get("content"))).containsKey("multipart/form-data");
        assertThat((String) upload.get("summary")).contains("10 MB").contains("413");
    }

    @Test
    void theLimitIsConfiguredInBytesOrWithAUnitAndNeverAboveSpringsMultipartLimit() {
        var bound = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                        Map.of("carepath.panel.document-max-bytes", "2048")))
                .bindOrCreate("carepath.panel", PanelDocumentSettings.class);
        assertThat(bound.documentMaxBytes().toBytes()).isEqualTo(2048);
        assertThat(bound.inWords()).isEqualTo("2 KB");
        assertThat(new PanelDocumentSettings(org.springframework.util.unit.DataSize.ofBytes(1500)).inWords()).isEqualTo("1500 bytes");
        assertThat(new PanelDocumentSettings(org.springframework.util.unit.DataSize.ofMegabytes(10)).inWords()).isEqualTo("10 MB");

        var multipart = new org.springframework.boot.autoconfigure.web.servlet.MultipartProperties();
        multipart.setMaxFileSize(org.springframework.util.unit.DataSize.ofMegabytes(1));
        var provider = new org.springframework.beans.factory.support.StaticListableBeanFactory(Map.of("multipart", multipart))
                .getBeanProvider(org.springframework.boot.autoconfigure.web.servlet.MultipartProperties.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PanelDocuments(null, null, null, null, null,
                        new PanelDocumentSettings(org.springframework.util.unit.DataSize.ofMegabytes(10)), provider))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("spring.servlet.multipart.max-file-size");
    }

    // ----------------------------------------------------------------- helpers

    String panelMemberUser() {
        var identity = engine.getIdentityService();
        var id = "pm-" + System.nanoTime();
        var user = identity.newUser(id);
        user.setFirstName("Panel");
        user.setLastName("Member");
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(id, "panel-member");
        return id;
    }

    long linkedMember(String user) {
        var created = call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-members", Map.of("name", "Member " + user, "role", "INDEPENDENT_MEMBER",
                "panelTypes", List.of("PERMANENCE"), "appointedOn", "2024-01-01", "appointmentEndsOn", "2099-12-31", "userId", user));
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("userId", user);
        return id(created.getBody());
    }

    /** A multipart upload as a browser sends it: with its Content-Length, the file name as given (quotes escaped). */
    @SuppressWarnings("unchecked")
    ResponseEntity<Map<String, Object>> upload(String user, String path, String fileName, String contentType, byte[] content, String title) {
        var boundary = "----CarePathTest" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        if (title != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
        headers.setBasicAuth(user, "demo");
        return (ResponseEntity<Map<String, Object>>) (Object) http.exchange(path, HttpMethod.POST, new HttpEntity<>(body.toByteArray(), headers),
                Map.class);
    }

    @SuppressWarnings("unchecked")
    ResponseEntity<Map<String, Object>> formWithoutAFile(String user, String path) {
        var boundary = "----CarePathTest" + System.nanoTime();
        var body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nNo file\r\n--" + boundary + "--\r\n";
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
        headers.setBasicAuth(user, "demo");
        return (ResponseEntity<Map<String, Object>>) (Object) http.exchange(path, HttpMethod.POST,
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), Map.class);
    }

    ResponseEntity<byte[]> download(String user, long document) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        return http.exchange("/api/panel-documents/" + document, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    long documents(long booking) {
        return jdbc.queryForObject("select count(*) from panel_document where booking_id = ?", Long.class, booking);
    }

    long reads(String child, long document) {
        return jdbc.queryForObject("select count(*) from audit_event where child_reference = ? and action = 'READ' and subject like ?",
                Long.class, child, "panel document " + document + " %");
    }

    static byte[] pdf(int size) {
        var head = "%PDF-1.7\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.US_ASCII);
        var content = new byte[size];
        for (int i = 0; i < size; i++) {
            content[i] = i < head.length ? head[i] : (byte) ('a' + i % 26);
        }
        return content;
    }

    static byte[] docx() throws IOException {
        var parts = new java.util.LinkedHashMap<String, String>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        parts.put("_rels/.rels", "<Relationships/>");
        parts.put("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
        return zip(parts);
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
