package au.ausjobs.resume;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Resume files made the way their programs make them (PDFBox for PDF, the OOXML and ODF zip layouts, an OLE2
 * container for DOC), and the bad files people and attackers upload.
 */
public final class SampleFiles {

    public static final String TEXT = "Jane Citizen\nSenior Java Developer, Parramatta NSW\nExperience: 2019-2025 Acme Pty Ltd";

    private SampleFiles() {
    }

    public static byte[] pdf(int pages) {
        return pdf(pages, false, false);
    }

    public static byte[] encryptedPdf() {
        return pdf(1, true, false);
    }

    public static byte[] pdfThatRunsJavaScript() {
        return pdf(1, false, true);
    }

    private static byte[] pdf(int pages, boolean encrypted, boolean javascript) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    text.newLineAtOffset(72, 720);
                    text.showText("Jane Citizen - Senior Java Developer - page " + (i + 1));
                    text.endText();
                }
            }
            if (javascript) {
                doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi')"));
            }
            if (encrypted) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A realistic two-page Australian resume, one line per element. */
    public static final java.util.List<String> RESUME = java.util.List.of(
        "Jane Citizen",
        "Parramatta NSW 2150 | 0412 345 678 | jane.citizen@example.com.au",
        "linkedin.com/in/jane-citizen",
        "Career Objective",
        "Senior Java developer with ten years building payment and government platforms.",
        "Employment History",
        "Senior Software Engineer at Acme Payments Pty Ltd",
        "Mar 2021 - Present",
        "Led a team of 6 engineers and reduced settlement time by 40%.",
        "Designed Spring Boot microservices on AWS with Kafka and PostgreSQL.",
        "Software Engineer, Service NSW | 02/2017 - 02/2021",
        "Was responsible for the licence renewal API used by 2 million customers.",
        "Graduate Developer",
        "Telstra",
        "2015 - 2016",
        "Education",
        "Bachelor of Computer Science, University of Sydney, 2014",
        "Skills",
        "Java, Spring Boot, Kafka, AWS, PostgreSQL, Docker, Kubernetes, Agile, Stakeholder engagement",
        "Licences & Certifications",
        "AWS Certified Solutions Architect - Associate; NSW Driver Licence",
        "Referees",
        "Available on request");

    /** {@link #RESUME} as a PDF, with an image on the first page if {@code withImage}. */
    public static byte[] resumePdf(boolean withImage) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(font, 11);
                text.setLeading(16);
                text.newLineAtOffset(60, 740);
                for (String line : RESUME) {
                    text.showText(line);
                    text.newLine();
                }
                text.endText();
                if (withImage) {
                    java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
                    text.drawImage(org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, photo), 500, 700, 40, 40);
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #RESUME} as a DOCX: the contact line in the page header and the skills in a table, as some templates do. */
    public static byte[] resumeDocx() {
        Map<String, byte[]> parts = docxParts(2);
        StringBuilder body = new StringBuilder();
        for (String line : RESUME) {
            if (line.startsWith("Java, Spring")) {
                body.append("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Java, Spring Boot</w:t></w:r></w:p></w:tc>")
                    .append("<w:tc><w:p><w:r><w:t>Kafka, AWS</w:t></w:r></w:p></w:tc></w:tr></w:tbl>");
                continue;
            }
            if (line.startsWith("Parramatta")) {
                continue; // in the header
            }
            body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(line.replace("&", "&amp;")).append("</w:t></w:r></w:p>");
        }
        parts.put("word/document.xml", utf8("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>%s
            <w:sectPr><w:headerReference w:type="default" r:id="rId9"/></w:sectPr></w:body></w:document>""".formatted(body)));
        parts.put("word/_rels/document.xml.rels", utf8("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
            </Relationships>"""));
        parts.put("word/header1.xml", utf8("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>Parramatta NSW 2150 | 0412 345 678 | jane.citizen@example.com.au</w:t></w:r></w:p></w:hdr>"""));
        parts.put("[Content_Types].xml", utf8(new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8).replace("</Types>",
            "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/></Types>")));
        return zip(parts);
    }

    public static byte[] docx(int pages) {
        return zip(docxParts(pages));
    }

    public static Map<String, byte[]> docxParts(int pages) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
            </Types>"""));
        parts.put("_rels/.rels", utf8("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
            </Relationships>"""));
        parts.put("word/document.xml", utf8("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:r><w:t>Jane Citizen</w:t></w:r></w:p><w:p><w:r><w:t>Senior Java Developer, Parramatta NSW</w:t></w:r></w:p>
            </w:body></w:document>"""));
        parts.put("docProps/app.xml", utf8("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Pages>%d</Pages></Properties>"""
            .formatted(pages)));
        return parts;
    }

    public static byte[] odt() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("mimetype", utf8("application/vnd.oasis.opendocument.text"));
        parts.put("META-INF/manifest.xml", utf8("""
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
             <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
             <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
             <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
            </manifest:manifest>"""));
        parts.put("content.xml", utf8("""
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
            <office:body><office:text><text:p>Jane Citizen</text:p><text:p>Senior Java Developer</text:p></office:text></office:body>
            </office:document-content>"""));
        parts.put("meta.xml", utf8("""
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2">
            <office:meta><meta:document-statistic meta:page-count="2" meta:paragraph-count="2"/></office:meta></office:document-meta>"""));
        return zip(parts);
    }

    /** A Word 97-2003 container: OLE2 with the WordDocument stream (what identifies a .doc). */
    public static byte[] doc() {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            byte[] fib = new byte[1024];
            fib[0] = (byte) 0xEC; // wIdent of a Word 8 file information block
            fib[1] = (byte) 0xA5;
            fs.createDocument(new java.io.ByteArrayInputStream(fib), "WordDocument");
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[512]), "1Table");
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] rtf() {
        return utf8("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}}\\f0\\fs24 Jane Citizen\\par Senior Java Developer\\par}");
    }

    public static byte[] rtfWithEmbeddedObject() {
        return utf8("{\\rtf1\\ansi Jane Citizen\\par{\\object\\objemb{\\*\\objclass Package}{\\*\\objdata 0105000002000000}}}");
    }

    public static byte[] txt() {
        return utf8(TEXT);
    }

    public static byte[] windowsExecutable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[60] = (byte) 0x80;
        System.arraycopy("PE\0\0".getBytes(StandardCharsets.US_ASCII), 0, exe, 0x80, 4);
        return exe;
    }

    /** A real PDF with a zip archive glued on its end: PDF readers and unzip tools both open it. */
    public static byte[] pdfZipPolyglot() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(pdf(1));
        out.writeBytes(zip(Map.of("payload.txt", utf8("hidden"))));
        return out.toByteArray();
    }

    /** A DOCX with one part that inflates from a few kilobytes to {@code megabytes} of zeros. */
    public static byte[] docxBomb(int megabytes) {
        Map<String, byte[]> parts = docxParts(1);
        parts.put("word/fontTable.xml", new byte[megabytes * 1024 * 1024]);
        return zip(parts);
    }

    public static byte[] docxWithManyParts(int count) {
        Map<String, byte[]> parts = docxParts(1);
        for (int i = 0; i < count; i++) {
            parts.put("customXml/item" + i + ".xml", utf8("<a/>"));
        }
        return zip(parts);
    }

    public static byte[] docxWithMacros() {
        Map<String, byte[]> parts = docxParts(1);
        parts.put("word/vbaProject.bin", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 });
        return zip(parts);
    }

    public static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(part.getKey());
                if (part.getKey().equals("mimetype")) { // ODF: stored, uncompressed, first
                    CRC32 crc = new CRC32();
                    crc.update(part.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(part.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
