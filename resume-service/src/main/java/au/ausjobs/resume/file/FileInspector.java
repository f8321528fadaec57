package au.ausjobs.resume.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import au.ausjobs.platform.web.ApiException;

/**
 * Decides whether an uploaded file is a resume we accept, by its content alone (the name and the declared type are
 * not trusted): PDF, DOCX, DOC, ODT, RTF or plain text, within the size and page limits, not encrypted, not
 * malformed, not an executable, not a file that is two formats at once (polyglot), not an archive bomb (DOCX and
 * ODT are zips: entries and expanded size are bounded while inflating), without active content (PDF JavaScript or
 * launch actions, Office macros, embedded programs, RTF embedded objects). Each refusal is a problem saying what is
 * wrong; nothing is stored before a file passes.
 */
@Component
public class FileInspector {

    private static final byte[] ZIP_LOCAL = { 'P', 'K', 3, 4 };
    private static final byte[] ZIP_END = { 'P', 'K', 5, 6 };
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> PROGRAM_ENTRIES = List.of(".exe", ".dll", ".bat", ".cmd", ".com", ".scr", ".js",
        ".vbs", ".ps1", ".jar", ".msi", ".sh", ".bin");
    private static final Pattern DOCX_PAGES = Pattern.compile("<Pages>(\\d+)</Pages>");
    private static final Pattern ODT_PAGES = Pattern.compile("meta:page-count=\"(\\d+)\"");

    private final FileLimits limits;
    private final Detector detector;

    FileInspector(FileLimits limits) {
        this.limits = limits;
        this.detector = TikaConfig.getDefaultConfig().getDetector();
    }

    public InspectedFile inspect(byte[] content) {
        if (content.length == 0) {
            throw unprocessable("empty-file", "The file is empty");
        }
        if (content.length > limits.maxFileSize().toBytes()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large",
                "A resume may be at most " + limits.maxFileSize().toMegabytes() + " MB");
        }
        if (isProgram(content)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "executable-file", "Executable file",
                "The file is a program, not a document");
        }
        Integer pages = null;
        boolean zip = startsWith(content, ZIP_LOCAL, 0);
        if (zip) {
            pages = inspectZip(content);
        }
        FileFormat format = FileFormat.of(detect(content)).orElseThrow(() -> unsupported(content));
        if (format.isZipContainer() != zip || !zip && indexOf(content, ZIP_END, 0) >= 0
                || zip && indexOf(content, PDF_HEADER, 0) >= 0 && indexOf(content, PDF_HEADER, 0) < 1024) {
            throw unprocessable("polyglot-file", "The file is more than one kind of file at once; save it again as a plain "
                + format + " and upload that");
        }
        switch (format) {
            case PDF -> pages = inspectPdf(content);
            case RTF -> {
                if (indexOf(content, "\\objdata".getBytes(StandardCharsets.US_ASCII), 0) >= 0
                        || indexOf(content, "\\objupdate".getBytes(StandardCharsets.US_ASCII), 0) >= 0) {
                    throw activeContent("embedded objects");
                }
            }
            case TXT -> checkText(content);
            default -> {
            }
        }
        if (pages != null && pages > limits.maxPages()) {
            throw unprocessable("too-many-pages", "The resume has " + pages + " pages; at most " + limits.maxPages()
                + " are accepted");
        }
        return new InspectedFile(format, content.length, sha256(content), pages);
    }

    private String detect(byte[] content) {
        try (TikaInputStream in = TikaInputStream.get(content)) {
            return detector.detect(in, new Metadata()).toString();
        }
        catch (IOException | RuntimeException e) {
            throw unprocessable("malformed-file", "The file cannot be read");
        }
    }

    private ApiException unsupported(byte[] content) {
        String detected = detect(content);
        if (detected.equals("application/x-tika-ooxml-protected") || detected.equals("application/x-tika-msoffice-encrypted")) {
            return unprocessable("encrypted-file", "The document is password-protected; remove the password and upload it again");
        }
        if (detected.startsWith("application/x-msdownload") || detected.startsWith("application/x-executable")
                || detected.startsWith("application/x-sharedlib") || detected.startsWith("application/x-mach-o")) {
            return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "executable-file", "Executable file",
                "The file is a program, not a document");
        }
        if (detected.equals("application/zip")) {
            return unprocessable("malformed-file", "The file is a zip archive, or a damaged DOCX or ODT document");
        }
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file-type", "Unsupported file type",
            "The file's content is " + detected + "; a resume must be a PDF, DOCX, DOC, ODT, RTF or plain text file");
    }

    /** Walks a zip's entries, inflating each to count what it really expands to; returns the stated page count. */
    private Integer inspectZip(byte[] content) {
        int entries = 0;
        long expanded = 0;
        Integer pages = null;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > limits.maxZipEntries()) {
                    throw bomb("more than " + limits.maxZipEntries() + " entries");
                }
                String name = entry.getName().replace('\\', '/');
                String lower = name.toLowerCase(Locale.ROOT);
                if (name.startsWith("/") || name.contains("../")) {
                    throw unprocessable("malformed-file", "The document's parts have unsafe names");
                }
                if (lower.endsWith("vbaproject.bin") || lower.contains("/activex/")) {
                    throw activeContent("macros or ActiveX controls");
                }
                if (!lower.contains("/media/") && !lower.startsWith("pictures/")
                        && PROGRAM_ENTRIES.stream().anyMatch(lower::endsWith)) {
                    throw activeContent("an embedded program (" + name + ")");
                }
                boolean meta = lower.equals("docprops/app.xml") || lower.equals("meta.xml");
                StringBuilder metaText = meta ? new StringBuilder() : null;
                long entrySize = 0;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    entrySize += read;
                    expanded += read;
                    if (expanded > limits.maxExpandedSize().toBytes()) {
                        throw bomb("it expands to more than " + limits.maxExpandedSize().toMegabytes() + " MB");
                    }
                    if (metaText != null && metaText.length() < 256 * 1024) {
                        metaText.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    }
                }
                long compressed = entry.getCompressedSize();
                if (entrySize > 1024 * 1024 && compressed > 0 && entrySize / compressed > limits.maxCompressionRatio()) {
                    throw bomb("one part expands " + entrySize / compressed + " times");
                }
                if (metaText != null) {
                    Matcher m = (lower.equals("meta.xml") ? ODT_PAGES : DOCX_PAGES).matcher(metaText);
                    if (m.find()) {
                        pages = Integer.valueOf(m.group(1));
                    }
                }
            }
        }
        catch (ZipException e) {
            throw unprocessable("malformed-file", "The document is damaged (its zip structure cannot be read)");
        }
        catch (IOException e) {
            throw unprocessable("malformed-file", "The document cannot be read");
        }
        if (entries == 0) {
            throw unprocessable("malformed-file", "The document is damaged (no parts)");
        }
        return pages;
    }

    private int inspectPdf(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.isEncrypted()) {
                throw unprocessable("encrypted-file", "The PDF is encrypted; save it without protection and upload it again");
            }
            PDDocumentCatalog catalog = pdf.getDocumentCatalog();
            PDDocumentNameDictionary names = catalog.getNames();
            if (names != null && (names.getJavaScript() != null || names.getEmbeddedFiles() != null)) {
                throw activeContent("JavaScript or attached files");
            }
            if (catalog.getOpenAction() instanceof PDActionJavaScript || catalog.getOpenAction() instanceof PDActionLaunch) {
                throw activeContent("an action that runs when it opens");
            }
            return pdf.getNumberOfPages();
        }
        catch (InvalidPasswordException e) {
            throw unprocessable("encrypted-file", "The PDF is password-protected; remove the password and upload it again");
        }
        catch (IOException e) {
            throw unprocessable("malformed-file", "The PDF is damaged and cannot be read");
        }
    }

    /** Plain text holds no NUL bytes (UTF-8 and windows-1252 text never does; binary data nearly always does). */
    private static void checkText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                throw unprocessable("malformed-file", "The text file holds binary data");
            }
        }
    }

    private static boolean isProgram(byte[] c) {
        return startsWith(c, new byte[] { 'M', 'Z' }, 0) || startsWith(c, new byte[] { 0x7f, 'E', 'L', 'F' }, 0)
            || startsWith(c, new byte[] { (byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe }, 0)
            || startsWith(c, new byte[] { (byte) 0xfe, (byte) 0xed, (byte) 0xfa, (byte) 0xce }, 0)
            || startsWith(c, new byte[] { '#', '!' }, 0);
    }

    private static boolean startsWith(byte[] content, byte[] prefix, int at) {
        if (content.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] content, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= content.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The SHA-256 of the bytes, in hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException unprocessable(String slug, String detail) {
        return ApiException.unprocessable(slug, detail);
    }

    private static ApiException bomb(String why) {
        return unprocessable("archive-bomb", "The document is refused: " + why);
    }

    private static ApiException activeContent(String what) {
        return unprocessable("active-content", "The document contains " + what + "; save it as a plain document and upload that");
    }
}
