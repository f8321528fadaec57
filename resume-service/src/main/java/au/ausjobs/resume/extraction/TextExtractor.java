package au.ausjobs.resume.extraction;

import java.io.IOException;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.ToXMLContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

import au.ausjobs.platform.web.ApiException;

/**
 * Reads a resume's text with Apache Tika: PDFs layout-aware (text sorted by position on the page), Word and
 * OpenDocument files with their headers and footers marked, and counts of the tables and images an ATS may choke on.
 * Files here have passed inspection and the virus scan; Tika still gets a bounded output (1 million characters).
 */
@Component
public class TextExtractor {

    static final int MAX_CHARACTERS = 1_000_000;


    private final Parser parser = new AutoDetectParser();

    public ExtractedText extract(byte[] content) {
        ToXMLContentHandler xhtml = new ToXMLContentHandler();
        WriteOutContentHandler bounded = new WriteOutContentHandler(xhtml, MAX_CHARACTERS * 2);
        Metadata metadata = new Metadata();
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setSortByPosition(true);
        pdf.setExtractInlineImages(false);
        context.set(PDFParserConfig.class, pdf);
        OfficeParserConfig office = new OfficeParserConfig();
        office.setIncludeHeadersAndFooters(true);
        context.set(OfficeParserConfig.class, office);
        try (TikaInputStream in = TikaInputStream.get(content)) {
            parser.parse(in, bounded, metadata, context);
        }
        catch (WriteLimitReachedException e) {
            // keep what was read: a resume this long is refused by the page limit anyway
        }
        catch (IOException | TikaException | org.xml.sax.SAXException | RuntimeException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw ApiException.unprocessable("unreadable-file", "The file's text cannot be read");
            }
        }
        Document doc = Jsoup.parse(xhtml.toString());
        boolean headerFooter = !doc.select("div.header, div.footer").text().isBlank() || zipHeaderOrFooterText(content);
        int tables = doc.select("table").size();
        int images = doc.select("img").size() + pdfImages(content);
        String text = text(doc);
        Integer pages = metadata.getInt(org.apache.tika.metadata.PagedText.N_PAGES);
        boolean textLayer = !text.isBlank();
        return new ExtractedText(text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) : text, pages, tables,
            images, headerFooter, textLayer);
    }

    /**
     * One line per paragraph, list item or heading (a PDF paragraph keeps its own line breaks); a table row is one
     * line with its cells separated by " | ".
     */
    private static String text(Document doc) {
        Element body = doc.body();
        for (Element row : body.select("tr")) {
            String cells = String.join(" | ", row.select("td, th").eachText());
            row.empty();
            row.appendElement("p").text(cells);
        }
        StringBuilder out = new StringBuilder();
        for (Element block : body.select("p, li, h1, h2, h3, h4, h5, h6")) {
            if (block.parents().stream().anyMatch(parent -> parent.is("p, li, h1, h2, h3, h4, h5, h6"))) {
                continue; // its text is in its parent's
            }
            for (String line : block.wholeText().split("\n")) {
                String clean = line.replace('\u00a0', ' ').replaceAll("[ \t]{2,}", " ").strip();
                if (!clean.isEmpty()) {
                    out.append(clean).append('\n');
                }
            }
        }
        return out.toString().strip();
    }

    /**
     * Whether a DOCX's page headers or footers ({@code word/header*.xml}, {@code word/footer*.xml}) or an ODT's master
     * page header or footer ({@code styles.xml}) hold text. Tika merges that text into the body, so look at the parts.
     */
    private static boolean zipHeaderOrFooterText(byte[] content) {
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            return false;
        }
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(content))) {
            java.util.zip.ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                boolean docx = name.matches("word/(header|footer)\\d*\\.xml");
                if (!docx && !name.equals("styles.xml")) {
                    continue;
                }
                String xml = new String(zip.readNBytes(1024 * 1024), java.nio.charset.StandardCharsets.UTF_8);
                if (docx && xml.matches("(?s).*<w:t[ >][^<]*\\S.*")) {
                    return true;
                }
                if (!docx && xml.matches("(?s).*<style:(header|footer)>.*<text:p[^>]*>[^<]*\\S.*")) {
                    return true;
                }
            }
        }
        catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Images drawn on a PDF's pages (Tika does not report them without extracting them). */
    private static int pdfImages(byte[] content) {
        if (content.length < 5 || content[0] != '%' || content[1] != 'P') {
            return 0;
        }
        int images = 0;
        try (PDDocument pdf = Loader.loadPDF(content)) {
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                if (resources == null) {
                    continue;
                }
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.isImageXObject(name)) {
                        images++;
                    }
                }
            }
        }
        catch (IOException e) {
            return 0;
        }
        return images;
    }
}
