package au.ausjobs.resume.file;

import java.util.Arrays;
import java.util.Optional;

/** The resume formats we accept, each with the media type Tika recognises from the content. */
public enum FileFormat {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    DOC("application/msword", "doc"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    RTF("application/rtf", "rtf"),
    TXT("text/plain", "txt");

    private final String mediaType;
    private final String extension;

    FileFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format of a detected media type (parameters such as charset ignored). */
    public static Optional<FileFormat> of(String detectedMediaType) {
        String base = detectedMediaType.split(";", 2)[0].trim();
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(base)).findFirst();
    }

    public boolean isZipContainer() {
        return this == DOCX || this == ODT;
    }
}
