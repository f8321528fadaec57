package au.ausjobs.resume.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import au.ausjobs.resume.bench.LabelledResumes.Kind;
import au.ausjobs.resume.bench.LabelledResumes.Line;

/**
 * Draws the benchmark's resumes: A4 PDFs with PDFBox (body text in Liberation Sans, embedded as a subset the way word
 * processors save PDFs, from the copy inside the PDFBox jar, so no system font is needed; name, headings and titles in
 * Helvetica Bold, employers in Helvetica Oblique; a rule under each heading, bullets with a hanging indent, dates
 * right-aligned on the title's line where the layout says so, wrapped to the margins; Liberation Sans is metric-compatible
 * with Helvetica, whose widths lay the page out), DOCX in
 * the OOXML zip layout (one paragraph a line, bold runs, right-hand text after a tab or in a borderless two-cell
 * table, optionally the contact lines in the page header), and plain text. Deterministic: fixed document dates and
 * zip entry times.
 */
final class ResumeRendering {

    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font OBLIQUE = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN_X = 56;
    private static final float MARGIN_TOP = 54;
    private static final float MARGIN_BOTTOM = 54;
    private static final float INDENT = 12;
    private static final long FIXED_TIME = 1_700_000_000_000L;
    private static final String BODY_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final byte[] BODY_FONT_BYTES = bodyFont();

    private ResumeRendering() {
    }

    private record Style(PDType1Font font, float size, float leading, float gapBefore) {
    }

    private static Style style(Kind kind) {
        return switch (kind) {
            case BANNER -> new Style(BOLD, 12, 16, 0);
            case NAME -> new Style(BOLD, 18, 24, 0);
            case HEADLINE -> new Style(REGULAR, 11, 15, 0);
            case CONTACT -> new Style(REGULAR, 9.5f, 13, 0);
            case HEADING -> new Style(BOLD, 11.5f, 16, 9);
            case ROLE -> new Style(BOLD, 10.5f, 14, 0);
            case EMPLOYER -> new Style(OBLIQUE, 10.5f, 14, 0);
            case DATES -> new Style(REGULAR, 10, 14, 0);
            case TEXT, BULLET -> new Style(REGULAR, 10.5f, 14, 0);
        };
    }

    /** A piece of text at a place on a page, or a rule (text null). */
    private record Placed(int page, float x, float y, PDType1Font font, float size, String text, float width) {
    }

    /** Whether Helvetica (WinAnsi) can draw every character. */
    static boolean encodable(String text) {
        try {
            REGULAR.getStringWidth(text);
            BOLD.getStringWidth(text);
            return true;
        }
        catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** How many pages the lines fill: full pages plus the used share of the last one (1.5 = one page and a half). */
    static double pdfFill(List<Line> lines) {
        List<Placed> placed = layout(lines);
        if (placed.isEmpty()) {
            return 0;
        }
        Placed last = placed.get(placed.size() - 1);
        float top = PAGE.getHeight() - MARGIN_TOP;
        return last.page() + (top - last.y()) / (top - MARGIN_BOTTOM);
    }

    private static byte[] bodyFont() {
        try (var in = ResumeRendering.class.getResourceAsStream(BODY_FONT)) {
            if (in == null) {
                throw new IllegalStateException(BODY_FONT + " is not on the classpath (it ships in pdfbox.jar)");
            }
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf(List<Line> lines) {
        List<Placed> placed = layout(lines);
        int pages = placed.isEmpty() ? 1 : placed.get(placed.size() - 1).page() + 1;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            fixed.setTimeInMillis(FIXED_TIME);
            info.setCreationDate(fixed);
            info.setProducer("AusJobs resume benchmark");
            doc.setDocumentInformation(info);
            doc.setDocumentId(FIXED_TIME);
            PDFont body = PDType0Font.load(doc, new java.io.ByteArrayInputStream(BODY_FONT_BYTES), true);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PAGE);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    for (Placed piece : placed) {
                        if (piece.page() != p) {
                            continue;
                        }
                        if (piece.text() == null) {
                            content.setLineWidth(0.6f);
                            content.moveTo(piece.x(), piece.y());
                            content.lineTo(piece.x() + piece.width(), piece.y());
                            content.stroke();
                            continue;
                        }
                        content.beginText();
                        content.setFont(piece.font() == REGULAR ? body : piece.font(), piece.size());
                        content.newLineAtOffset(piece.x(), piece.y());
                        content.showText(piece.text());
                        content.endText();
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Places every line: wrapped to the margins, a new page when the next line would cross the bottom margin. */
    private static List<Placed> layout(List<Line> lines) {
        List<Placed> placed = new ArrayList<>();
        float width = PAGE.getWidth() - 2 * MARGIN_X;
        float top = PAGE.getHeight() - MARGIN_TOP;
        int page = 0;
        float y = top;
        Kind previous = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Style style = style(line.kind());
            float gap = style.gapBefore();
            if ((line.kind() == Kind.ROLE || line.kind() == Kind.EMPLOYER) && previous == Kind.BULLET) {
                gap = 6; // a little air between positions
            }
            if (previous == Kind.NAME || previous == Kind.BANNER) {
                gap += 2;
            }
            float indent = line.kind() == Kind.BULLET ? INDENT : 0;
            String text = line.kind() == Kind.BULLET ? line.text().replaceFirst("^\\S+\\s+", "") : line.text();
            float rightWidth = line.right() == null || line.right().isEmpty() ? 0 : width(REGULAR, 10, line.right()) + 12;
            List<String> wrapped = wrap(text, style.font(), style.size(), width - indent - rightWidth);
            // a heading keeps its first line of text with it
            float needed = gap + style.leading() * (line.kind() == Kind.HEADING ? 2 : 1);
            if (y - needed < MARGIN_BOTTOM && y < top) {
                page++;
                y = top;
                gap = 0;
            }
            y -= gap;
            for (int w = 0; w < wrapped.size(); w++) {
                if (y - style.leading() < MARGIN_BOTTOM) {
                    page++;
                    y = top;
                }
                y -= style.leading();
                if (line.kind() == Kind.BULLET && w == 0) {
                    placed.add(new Placed(page, MARGIN_X + 2, y, REGULAR, style.size(), "\u2022", 0));
                }
                placed.add(new Placed(page, MARGIN_X + indent, y, style.font(), style.size(), wrapped.get(w), 0));
                if (w == 0 && rightWidth > 0) {
                    placed.add(new Placed(page, MARGIN_X + width - (rightWidth - 12), y, REGULAR, 10, line.right(), 0));
                }
            }
            if (line.kind() == Kind.HEADING) {
                placed.add(new Placed(page, MARGIN_X, y - 3, null, 0, null, width));
                y -= 3;
            }
            previous = line.kind();
        }
        return placed;
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (current.length() > 0 && width(font, size, candidate) > width) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            }
            else {
                current = new StringBuilder(candidate);
            }
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static float width(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------- DOCX

    /**
     * One paragraph a line (bold runs for the name, headings and titles); right-hand text after a tab or, with
     * {@code tables}, in the right cell of a borderless two-cell table; with {@code contactInHeader}, the contact
     * lines in the page header (as some templates do), the name in the body.
     */
    static byte[] docx(List<Line> lines, boolean contactInHeader, boolean tables) {
        StringBuilder body = new StringBuilder();
        StringBuilder header = new StringBuilder();
        for (Line line : lines) {
            boolean bold = line.kind() == Kind.NAME || line.kind() == Kind.HEADING || line.kind() == Kind.ROLE
                || line.kind() == Kind.BANNER;
            if (contactInHeader && line.kind() == Kind.CONTACT) {
                header.append(paragraph(line.text(), false, false));
                continue;
            }
            if (line.right() != null && tables) {
                body.append("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders><w:top w:val=\"nil\"/>")
                    .append("<w:bottom w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders></w:tblPr><w:tr><w:tc>")
                    .append(paragraph(line.text(), bold, false)).append("</w:tc><w:tc>")
                    .append(paragraph(line.right(), false, true)).append("</w:tc></w:tr></w:tbl>");
                continue;
            }
            if (line.right() != null) {
                body.append("<w:p><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"9000\"/></w:tabs></w:pPr>")
                    .append(run(line.text(), bold)).append("<w:r><w:tab/></w:r>").append(run(line.right(), false))
                    .append("</w:p>");
                continue;
            }
            body.append(paragraph(line.text(), bold, false));
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        String headerOverride = contactInHeader
            ? "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
            : "";
        parts.put("[Content_Types].xml", utf8("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
            %s</Types>""".formatted(headerOverride)));
        parts.put("_rels/.rels", utf8("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
            </Relationships>"""));
        parts.put("word/document.xml", utf8("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>%s
            <w:sectPr>%s<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"""
            .formatted(body, contactInHeader ? "<w:headerReference w:type=\"default\" r:id=\"rId9\"/>" : "")));
        if (contactInHeader) {
            parts.put("word/_rels/document.xml.rels", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
                </Relationships>"""));
            parts.put("word/header1.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">%s</w:hdr>""".formatted(header)));
        }
        parts.put("docProps/app.xml", utf8("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Pages>2</Pages></Properties>"""));
        return zip(parts);
    }

    private static String paragraph(String text, boolean bold, boolean right) {
        return "<w:p>" + (right ? "<w:pPr><w:jc w:val=\"right\"/></w:pPr>" : "") + run(text, bold) + "</w:p>";
    }

    private static String run(String text, boolean bold) {
        return "<w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">" + xml(text) + "</w:t></w:r>";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(part.getKey());
                entry.setTime(FIXED_TIME);
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

    // ---------------------------------------------------------------------------------------------------- text

    /** One line each; a blank line before each heading; right-hand text after four spaces. */
    static byte[] txt(List<Line> lines) {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            if (line.kind() == Kind.HEADING && out.length() > 0) {
                out.append('\n');
            }
            out.append(line.text());
            if (line.right() != null && !line.right().isEmpty()) {
                out.append("    ").append(line.right());
            }
            out.append('\n');
        }
        return utf8(out.toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
