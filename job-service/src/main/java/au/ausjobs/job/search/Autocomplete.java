package au.ausjobs.job.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.FuzzySuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import au.ausjobs.job.place.Gazetteer;
import au.ausjobs.job.posting.Job;
import au.ausjobs.job.posting.JobLifecycle;
import au.ausjobs.job.posting.JobRepository;
import au.ausjobs.job.posting.JobStatus;

/**
 * Suggestions as a person types, forgiving one typo after the first letter ("devloper" still suggests "Developer"):
 * job titles, skills and company names from the live jobs (the more jobs use one, the higher it ranks), and every
 * Australian place from the gazetteer. Places are built once; the job terms are rebuilt when jobs change, at most
 * every few seconds.
 */
@Component
public class Autocomplete {

    /** What a suggestion is. */
    public enum Kind { TITLE, SKILL, COMPANY, PLACE }

    public record Suggestion(String text, Kind kind) {
    }

    private final JobRepository jobs;
    private final JobLifecycle lifecycle;
    private final FuzzySuggester places;
    private volatile FuzzySuggester terms;
    private final AtomicBoolean stale = new AtomicBoolean(true);

    Autocomplete(Gazetteer gazetteer, JobRepository jobs, JobLifecycle lifecycle) {
        this.jobs = jobs;
        this.lifecycle = lifecycle;
        Map<String, Long> placeNames = new LinkedHashMap<>();
        gazetteer.all().forEach(p -> placeNames.merge(p.name() + " " + p.state() + " " + p.postcode(), 1L, Long::sum));
        this.places = build(placeNames, Kind.PLACE);
    }

    /** Job terms changed (a job was published, edited or closed): rebuild them soon. */
    public void jobsChanged() {
        stale.set(true);
    }

    @Scheduled(fixedDelayString = "${ausjobs.search.suggestions-refresh:PT5S}")
    void refreshIfStale() {
        if (stale.getAndSet(false)) {
            refresh();
        }
    }

    /** Rebuilds the job terms from the live jobs in MongoDB now. */
    public void refresh() {
        Map<String, Long> titles = new LinkedHashMap<>();
        Map<String, Long> skills = new LinkedHashMap<>();
        Map<String, Long> companies = new LinkedHashMap<>();
        try (Stream<Job> live = jobs.findAllByStatus(JobStatus.PUBLISHED)) {
            live.forEach(job -> {
                titles.merge(job.getContent().title(), 1L, Long::sum);
                if (job.getContent().skills() != null) {
                    job.getContent().skills().forEach(skill -> skills.merge(skill, 1L, Long::sum));
                }
                String company = lifecycle.companyName(job.getCompanyId());
                if (company != null) {
                    companies.merge(company, 1L, Long::sum);
                }
            });
        }
        Map<String, Long> all = new LinkedHashMap<>();
        Map<String, Kind> kinds = new LinkedHashMap<>();
        titles.forEach((k, v) -> { all.merge(k, v, Long::sum); kinds.putIfAbsent(k, Kind.TITLE); });
        skills.forEach((k, v) -> { all.merge(k, v, Long::sum); kinds.putIfAbsent(k, Kind.SKILL); });
        companies.forEach((k, v) -> { all.merge(k, v, Long::sum); kinds.putIfAbsent(k, Kind.COMPANY); });
        terms = all.isEmpty() ? null : build(all, kinds);
    }

    /** Up to {@code limit} suggestions for what has been typed so far (two letters or more). */
    public List<Suggestion> suggest(String typed, Set<Kind> wanted, int limit) {
        String prefix = typed.trim();
        if (prefix.length() < 2) {
            return List.of();
        }
        List<Suggestion> found = new ArrayList<>();
        FuzzySuggester current = terms;
        if (current != null && (wanted.contains(Kind.TITLE) || wanted.contains(Kind.SKILL) || wanted.contains(Kind.COMPANY))) {
            found.addAll(lookup(current, prefix, wanted, limit));
        }
        if (wanted.contains(Kind.PLACE) && found.size() < limit) {
            found.addAll(lookup(places, prefix, wanted, limit - found.size()));
        }
        return found;
    }

    private static List<Suggestion> lookup(FuzzySuggester suggester, String prefix, Set<Kind> wanted, int limit) {
        try {
            List<Suggestion> out = new ArrayList<>();
            for (Lookup.LookupResult result : suggester.lookup(prefix.toLowerCase(Locale.ROOT), false, limit * 3)) {
                Kind kind = Kind.valueOf(result.payload.utf8ToString());
                if (wanted.contains(kind) && out.size() < limit) {
                    out.add(new Suggestion(result.key.toString(), kind));
                }
            }
            return out;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FuzzySuggester build(Map<String, Long> weights, Kind kind) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        weights.keySet().forEach(k -> kinds.put(k, kind));
        return build(weights, kinds);
    }

    private static FuzzySuggester build(Map<String, Long> weights, Map<String, Kind> kinds) {
        FuzzySuggester suggester = new FuzzySuggester(new ByteBuffersDirectory(), "suggest", new StandardAnalyzer());
        Iterator<Map.Entry<String, Long>> entries = weights.entrySet().iterator();
        try {
            suggester.build(new InputIterator() {
                private Map.Entry<String, Long> current;

                @Override
                public BytesRef next() {
                    if (!entries.hasNext()) {
                        return null;
                    }
                    current = entries.next();
                    return new BytesRef(current.getKey());
                }

                @Override
                public long weight() {
                    return current.getValue();
                }

                @Override
                public BytesRef payload() {
                    return new BytesRef(kinds.get(current.getKey()).name().getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public boolean hasPayloads() {
                    return true;
                }

                @Override
                public Set<BytesRef> contexts() {
                    return null;
                }

                @Override
                public boolean hasContexts() {
                    return false;
                }
            });
            return suggester;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot build suggestions", e);
        }
    }
}
