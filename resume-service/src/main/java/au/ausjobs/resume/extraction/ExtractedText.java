package au.ausjobs.resume.extraction;

/**
 * What Tika read from a file: the text in reading order (PDFs sorted by position, so two-column layouts read column
 * by column where Tika can tell), and the layout features that trip applicant tracking systems.
 *
 * @param text the text, lines separated by \n
 * @param pages pages where the format has them (null otherwise)
 * @param tables tables in the document (DOCX, ODT, RTF; PDFs have none Tika can see)
 * @param images images embedded in the document
 * @param headerOrFooterText whether text sits in page headers or footers (DOCX, ODT), which many ATS ignore
 * @param textLayer false for a PDF that is only scanned images (no text an ATS could read)
 */
public record ExtractedText(String text, Integer pages, int tables, int images, boolean headerOrFooterText,
        boolean textLayer) {
}
