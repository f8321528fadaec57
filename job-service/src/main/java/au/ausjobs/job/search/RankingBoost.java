package au.ausjobs.job.search;

import java.io.IOException;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * What multiplies a job's relevance: its freshness, 1 + 0.5 * 2^(-age / 14 days) (a job posted today counts 1.5
 * times, two weeks later 1.25 times, after a couple of months hardly more than once; fresh jobs are the ones still
 * hiring), and, while the job is featured, {@link #FEATURED}. Words still decide what matches: a featured job that
 * matches poorly does not beat a much better match.
 */
final class RankingBoost extends DoubleValuesSource {

    static final double HALF_LIFE_MILLIS = 14 * 24 * 3600 * 1000.0;

    /** What a running feature multiplies the score by. */
    static final double FEATURED = 2.0;

    private final long now;

    RankingBoost(long now) {
        this.now = now;
    }

    static double freshness(long postedMillis, long now) {
        double age = Math.max(0, now - postedMillis);
        return 1 + 0.5 * Math.pow(2, -age / HALF_LIFE_MILLIS);
    }

    static double factor(long postedMillis, long featuredUntilMillis, long now) {
        return freshness(postedMillis, now) * (featuredUntilMillis > now ? FEATURED : 1);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
        NumericDocValues posted = DocValues.getNumeric(context.reader(), "datePosted");
        NumericDocValues featured = DocValues.getNumeric(context.reader(), "featuredUntil");
        return new DoubleValues() {
            private double value = 1;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                long postedAt = posted.advanceExact(doc) ? posted.longValue() : now;
                long featuredUntil = featured.advanceExact(doc) ? featured.longValue() : 0;
                value = factor(postedAt, featuredUntil, now);
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
        return other instanceof RankingBoost boost && boost.now == now;
    }

    @Override
    public String toString() {
        return "ranking(freshness halfLife=14d, featured x" + FEATURED + ")";
    }
}
