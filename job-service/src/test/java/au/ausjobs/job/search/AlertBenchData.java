package au.ausjobs.job.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import au.ausjobs.job.search.JobSearchIndex.IndexedJob;

/**
 * The search benchmark's seeded generators ({@link JobCorpus}, {@link QueryMix}), opened to the alerts benchmark
 * (au.ausjobs.job.saved.AlertBenchmark) without making them public: published jobs, and saved searches as seekers keep
 * them (the query mix's words and filters, without sorts, salary maximums or posting age, which a saved search does
 * not have; more of them with a place and a radius, as alerts usually are).
 */
public final class AlertBenchData {

    /** A saved search's words and filters, as plain values (the benchmark maps them onto SavedSearch). */
    public record SearchSpec(String query, List<String> categories, List<String> employmentTypes, List<String> workModes,
            List<String> states, String near, Integer radiusKm, Long salaryMin) {
    }

    private AlertBenchData() {
    }

    /** {@code count} live jobs of the corpus with this seed, as of {@code asOf}. */
    public static List<IndexedJob> jobs(long seed, Instant asOf, int count) {
        JobCorpus corpus = new JobCorpus(seed, asOf);
        List<JobCorpus.Company> companies = corpus.companies(count);
        return corpus.jobs(count, companies).stream().map(j -> new IndexedJob(j.id(), JobCorpus.posting(j, asOf))).toList();
    }

    /**
     * {@code count} saved searches from the query mix with this seed (autocomplete prefixes left out): 35 % of those
     * without a place get one (a major city or inner regional locality, "Suburb STATE" or its postcode, 5 to 100 km),
     * 20 % of those without a salary minimum get one.
     */
    public static List<SearchSpec> searches(long seed, int count) {
        QueryMix mix = new QueryMix(seed);
        Random random = new Random(seed + 1);
        List<JobCorpus.Locality> towns = JobCorpus.localities().stream()
            .filter(l -> l.remoteness() == 1 || l.remoteness() == 2).toList();
        List<Integer> radii = List.of(5, 10, 25, 50, 100);
        List<Long> salaries = List.of(50_000L, 60_000L, 80_000L, 100_000L, 120_000L, 150_000L);
        List<SearchSpec> searches = new ArrayList<>(count);
        while (searches.size() < count) {
            for (QueryMix.BenchQuery q : mix.generate(Math.min(10_000, count))) {
                if (q.kind() == QueryMix.Kind.AUTOCOMPLETE || searches.size() == count) {
                    continue;
                }
                String near = q.near();
                Integer radius = near == null ? null : q.radiusKm();
                if (near == null && random.nextDouble() < 0.35) {
                    JobCorpus.Locality town = towns.get(random.nextInt(towns.size()));
                    near = random.nextInt(3) < 2 ? town.name() + " " + town.state() : town.postcode();
                    radius = radii.get(random.nextInt(radii.size()));
                }
                Long salaryMin = q.salaryMin();
                if (salaryMin == null && random.nextDouble() < 0.2) {
                    salaryMin = salaries.get(random.nextInt(salaries.size()));
                }
                searches.add(new SearchSpec(q.q(), q.categories(), q.employmentTypes(), q.workModes(), q.states(), near,
                    radius, salaryMin));
            }
        }
        return searches;
    }
}
