package au.ausjobs.resume.extraction;

import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;

/** Reads a resume version once (Tika, then the parser) and keeps the reading. */
@Service
public class ResumeReader {

    private final TextExtractor extractor;
    private final ResumeParser parser;
    private final ResumeReadingRepository readings;

    ResumeReader(TextExtractor extractor, ResumeParser parser, ResumeReadingRepository readings) {
        this.extractor = extractor;
        this.parser = parser;
        this.readings = readings;
    }

    /** The kept reading of {@code resumeId} version {@code version}, made from {@code content} the first time. */
    public ResumeReading read(String resumeId, int version, Supplier<byte[]> content) {
        return readings.findById(ResumeReading.key(resumeId, version)).orElseGet(() -> {
            ExtractedText text = extractor.extract(content.get());
            ResumeReading reading = new ResumeReading(ResumeReading.key(resumeId, version), resumeId, version, text.text(),
                new ResumeReading.Layout(text.pages(), text.tables(), text.images(), text.headerOrFooterText(),
                    text.textLayer()),
                parser.parse(text.text()), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            return readings.save(reading);
        });
    }

    /** Forgets the readings of a deleted resume. */
    public void forget(String resumeId) {
        readings.deleteByResumeId(resumeId);
    }
}
