package au.ausjobs.resume.ai;

import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings computed in-process: the all-MiniLM-L6-v2 sentence-transformer (384 dimensions, int8-quantised)
 * on the ONNX runtime, shipped inside the service's jar. Nothing is downloaded and no text leaves the process. The
 * model (23 MB) is loaded on first use.
 */
@Component
public class SentenceEmbeddings {

    private volatile EmbeddingModel model;

    /** One vector per text, in order. */
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "-" : t)).toList();
        return model().embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    /** Cosine similarity of two vectors, -1 to 1. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                loaded = model;
            }
        }
        return loaded;
    }
}
