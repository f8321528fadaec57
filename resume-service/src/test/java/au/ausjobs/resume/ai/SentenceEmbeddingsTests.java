package au.ausjobs.resume.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The in-process model tells a requirement said in other words from an unrelated line. */
class SentenceEmbeddingsTests {

    @Test
    void aLineThatSaysWhatARequirementAsksIsCloserThanOneThatDoesNot() {
        List<float[]> v = new SentenceEmbeddings().embed(List.of(
            "Experience leading small engineering teams",
            "Led a team of 6 engineers and reduced settlement time by 40%.",
            "Holds a current forklift licence and a white card"));
        double paraphrase = SentenceEmbeddings.cosine(v.get(0), v.get(1));
        double unrelated = SentenceEmbeddings.cosine(v.get(0), v.get(2));
        assertThat(v.get(0)).hasSize(384);
        assertThat(paraphrase).isGreaterThan(OfflineAnalyst.MET).isGreaterThan(unrelated + 0.2);
        assertThat(unrelated).isLessThan(OfflineAnalyst.EVIDENCE);
    }
}
