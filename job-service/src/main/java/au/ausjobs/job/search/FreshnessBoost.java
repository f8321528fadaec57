package au.ausjobs.job.search;

import java.io.IOException;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A job's relevance is multiplied by 1 + 0.5 * 2^(-age / 14 days): a job posted today counts 1.5 times, two weeks
 * later 1.25 times, after a couple of months hardly more than once. Fresh jobs are the ones still hiring.
 */
final class FreshnessBoost extends DoubleValuesSource {

    static final double HALF_LIFE_MILLIS = 14 * 24 * 3600 * 1000.0;

    private final long now;

    FreshnessBoost(long now) {
        this.now = now;
    }

    static double factor(long postedMillis, long now) {
        double age = Math.max(0, now - postedMillis);
        return 1 + 0.5 * Math.pow(2, -age / HALF_LIFE_MILLIS);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
        NumericDocValues posted = DocValues.getNumeric(context.reader(), "datePosted");
        return new DoubleValues() {
            private double value = 1;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                value = posted.advanceExact(doc) ? factor(posted.longValue(), now) : 1;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher reader) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(now);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FreshnessBoost boost && boost.now == now;
    }

    @Override
    public String toString() {
        return "freshness(halfLife=14d)";
    }
}
