package au.ausjobs.job.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import au.ausjobs.events.job.JobPostingData;
import au.ausjobs.job.posting.AustralianState;
import au.ausjobs.job.posting.JobRequest;

/**
 * A reproducible corpus of Australian job ads for benchmarks: the same seed (and as-of date) always gives the same
 * jobs. It follows the shapes and shares of the reference generator the product is measured with from outside
 * (categories with their titles, skills, salary midpoints and share of hourly pay; companies with a long tail;
 * places from the shipped gazetteer, weighted towards the cities; employment types; work modes; seniority; 3 %
 * featured), mapped onto this product's values (ON_SITE, and PER_DIEM for Australian casual work). Every job is live
 * as of the as-of date (an ad whose 14-60 days would have run out is extended), since the index holds live jobs only.
 * It is generated in memory at run time: nothing large is committed.
 */
final class JobCorpus {

    /** A gazetteer row (the shipped gazetteer/au-localities.csv); remoteness 1 major city .. 5 very remote, 0 unknown. */
    record Locality(String postcode, String name, String state, double lat, double lon, int remoteness) {
    }

    /** A category: its titles, skills, the annual midpoint of a mid-level role (AUD) and its share of hourly ads. */
    record Category(String name, List<String> titles, List<String> skills, int midpoint, double hourlyShare, int weight) {
    }

    record Company(String id, String name) {
    }

    /** One generated ad; {@link #posting} and {@link #jobRequest} map it onto the product's records. */
    record GeneratedJob(String id, String title, String descriptionHtml, Company company, String employmentType,
            String workMode, Locality place, BigDecimal salaryMin, BigDecimal salaryMax, String salaryUnit, String category,
            List<String> skills, String seniority, Instant datePosted, Instant validThrough, boolean featured) {
    }

    static final List<Category> CATEGORIES = List.of(
        new Category("Information & Communication Technology",
            List.of("Software Engineer", "Java Developer", "DevOps Engineer", "Data Engineer", "Frontend Developer",
                "Full Stack Developer", "Cloud Architect", "Business Analyst", "QA Engineer", "Site Reliability Engineer",
                "Data Scientist", "Cyber Security Analyst", "Network Engineer", "IT Support Officer", "Product Manager",
                "Mobile Developer", "Solutions Architect"),
            List.of("Java", "Spring Boot", "Kubernetes", "AWS", "Azure", "Python", "React", "TypeScript", "SQL", "Kafka",
                "Terraform", "Docker", "Go", "CI/CD", "Microservices", "PostgreSQL", "MongoDB", "Linux", "Agile", "Scrum",
                "Kotlin", "GCP", "Power BI", "ServiceNow", "Jira"),
            125_000, 0.05, 16),
        new Category("Healthcare & Medical",
            List.of("Registered Nurse", "Enrolled Nurse", "Physiotherapist", "Occupational Therapist",
                "General Practitioner", "Medical Receptionist", "Pharmacist", "Radiographer", "Dental Assistant",
                "Psychologist", "Speech Pathologist", "Clinical Nurse Specialist", "Midwife"),
            List.of("AHPRA registration", "Patient care", "Medication administration", "Wound care", "Triage",
                "Clinical documentation", "Infection control", "Mental health", "Manual handling", "Best Practice software",
                "Medicare billing", "ICU", "Theatre", "Paediatrics"),
            98_000, 0.25, 12),
        new Category("Trades & Services",
            List.of("Electrician", "Plumber", "Carpenter", "Diesel Mechanic", "Fitter and Turner", "Chef", "Cook", "Welder",
                "Air Conditioning Technician", "Landscaper", "Painter", "Automotive Technician", "Locksmith", "Cabinet Maker"),
            List.of("White card", "Driver licence class C", "Forklift licence", "MIG welding", "TIG welding",
                "Electrical licence", "Fault finding", "PLC", "Commercial kitchen", "HACCP", "Restricted electrical",
                "Refrigerant handling licence", "Heavy vehicle servicing", "Test and tag"),
            88_000, 0.45, 11),
        new Category("Construction",
            List.of("Construction Project Manager", "Site Supervisor", "Civil Engineer", "Estimator", "Quantity Surveyor",
                "Labourer", "Excavator Operator", "Contract Administrator", "Foreman"),
            List.of("White card", "Procore", "AutoCAD", "Contract administration", "WHS", "Civil works", "Scheduling",
                "MS Project", "Traffic control", "Working at heights", "Concreting"),
            112_000, 0.3, 8),
        new Category("Accounting",
            List.of("Accountant", "Assistant Accountant", "Payroll Officer", "Financial Controller", "Bookkeeper",
                "Accounts Payable Officer", "Tax Accountant", "Management Accountant", "Finance Manager"),
            List.of("Xero", "MYOB", "SAP", "BAS", "GST", "Reconciliation", "CPA", "CA ANZ", "Excel", "Financial reporting",
                "Payroll", "NetSuite", "Budgeting", "Month-end close"),
            92_000, 0.1, 7),
        new Category("Education & Training",
            List.of("Primary Teacher", "Secondary Mathematics Teacher", "Early Childhood Educator", "Teacher Aide",
                "Lecturer", "Trainer and Assessor", "Learning Designer", "Tutor"),
            List.of("Working with Children Check", "Teacher registration", "Curriculum development",
                "Classroom management", "Certificate IV in Training and Assessment", "Certificate III in Early Childhood",
                "Moodle", "Differentiated learning"),
            90_000, 0.3, 6),
        new Category("Hospitality & Tourism",
            List.of("Barista", "Bartender", "Restaurant Manager", "Chef de Partie", "Housekeeper", "Front Office Manager",
                "Waiter", "Sous Chef", "Tour Guide"),
            List.of("RSA", "RSG", "Food safety supervisor", "Coffee making", "POS systems", "Customer service",
                "Opera PMS", "Rostering", "Wine knowledge"),
            62_000, 0.65, 7),
        new Category("Retail & Consumer Products",
            List.of("Retail Assistant", "Store Manager", "Visual Merchandiser", "Buyer", "Assistant Store Manager",
                "Customer Service Representative", "Sales Assistant"),
            List.of("Customer service", "Cash handling", "Stock control", "Visual merchandising", "Team leadership",
                "Rostering", "Inventory management", "Shopify"),
            58_000, 0.6, 7),
        new Category("Sales",
            List.of("Account Manager", "Business Development Manager", "Sales Representative",
                "Inside Sales Representative", "Key Account Manager", "Territory Manager", "Sales Engineer"),
            List.of("CRM", "Salesforce", "B2B sales", "Negotiation", "Pipeline management", "Territory management",
                "Cold calling", "HubSpot", "Tender writing"),
            95_000, 0.05, 6),
        new Category("Mining, Resources & Energy",
            List.of("Dump Truck Operator", "Mining Engineer", "Geologist", "Drill Fitter", "Process Plant Operator",
                "Shutdown Planner", "Electrical Fitter", "Underground Miner"),
            List.of("HR licence", "Standard 11", "Underground", "Open cut", "GIS", "Surpac", "FIFO", "Vulcan",
                "Mine site induction", "Confined space"),
            135_000, 0.35, 3),
        new Category("Transport & Logistics",
            List.of("Truck Driver", "Warehouse Operator", "Forklift Driver", "Logistics Coordinator",
                "Supply Chain Analyst", "Courier Driver", "Dispatcher", "Bus Driver"),
            List.of("Forklift licence", "HC licence", "MC licence", "WMS", "Pick and pack", "Dangerous goods",
                "Route planning", "Inventory control", "SAP EWM"),
            78_000, 0.55, 6),
        new Category("Government & Defence",
            List.of("Policy Officer", "Project Officer", "Administrative Officer", "Program Manager",
                "Senior Policy Adviser", "Intelligence Analyst", "Procurement Officer"),
            List.of("Baseline clearance", "NV1 clearance", "Stakeholder engagement", "Policy development",
                "Ministerial briefs", "Procurement", "Risk management", "Program evaluation"),
            100_000, 0.05, 4),
        new Category("Community Services & Development",
            List.of("Disability Support Worker", "Youth Worker", "Case Manager", "Aged Care Worker", "Social Worker",
                "Support Coordinator", "Family Support Worker"),
            List.of("NDIS Worker Screening", "First aid", "Manual handling", "Certificate IV in Disability",
                "Case management", "Trauma-informed practice", "Driver licence class C", "Mental health first aid"),
            72_000, 0.6, 6),
        new Category("Marketing & Communications",
            List.of("Digital Marketing Specialist", "Marketing Coordinator", "Content Writer", "SEO Specialist",
                "Communications Adviser", "Brand Manager", "Social Media Manager"),
            List.of("Google Analytics", "SEO", "SEM", "Social media", "Copywriting", "HubSpot", "Adobe Creative Suite",
                "Email marketing", "Google Ads", "Canva"),
            88_000, 0.1, 3),
        new Category("Administration & Office Support",
            List.of("Receptionist", "Administration Officer", "Executive Assistant", "Data Entry Operator",
                "Office Manager", "Personal Assistant", "Medical Administration Officer"),
            List.of("Microsoft Office", "Diary management", "Data entry", "Customer service", "Minute taking",
                "Typing 60 wpm", "Records management", "Accounts receivable"),
            66_000, 0.35, 6),
        new Category("Engineering",
            List.of("Mechanical Engineer", "Electrical Engineer", "Structural Engineer", "Process Engineer",
                "Maintenance Planner", "Reliability Engineer", "Design Engineer", "Drafter"),
            List.of("AutoCAD", "SolidWorks", "Revit", "MATLAB", "Engineers Australia membership", "CPEng",
                "Root cause analysis", "SCADA", "Finite element analysis", "Asset management"),
            118_000, 0.1, 4),
        new Category("Human Resources & Recruitment",
            List.of("HR Advisor", "Recruitment Consultant", "Talent Acquisition Partner", "HR Business Partner",
                "Payroll and HR Officer", "People and Culture Manager"),
            List.of("Fair Work Act", "Modern awards", "Workday", "Employee relations", "Onboarding",
                "Performance management", "LinkedIn Recruiter", "Enterprise agreements"),
            96_000, 0.1, 3),
        new Category("Legal",
            List.of("Lawyer", "Paralegal", "Legal Secretary", "Conveyancer", "Senior Associate", "In-house Counsel"),
            List.of("Litigation", "Conveyancing", "Commercial law", "Contract drafting", "Practising certificate",
                "Family law", "Employment law", "LEAP"),
            112_000, 0.1, 2),
        new Category("Banking & Financial Services",
            List.of("Lending Specialist", "Financial Planner", "Mortgage Broker", "Bank Teller", "Credit Analyst",
                "Relationship Manager", "Compliance Analyst"),
            List.of("RG146", "Credit assessment", "AML/CTF", "Lending", "Customer service", "Superannuation",
                "Risk management", "Financial modelling"),
            94_000, 0.1, 3),
        new Category("Farming, Animals & Conservation",
            List.of("Farm Hand", "Station Hand", "Veterinary Nurse", "Horticulturist", "Agronomist", "Park Ranger",
                "Harvest Worker"),
            List.of("Tractor operation", "Livestock handling", "ChemCert", "Irrigation", "Animal handling",
                "Chainsaw operation", "Four-wheel driving", "Weed control"),
            64_000, 0.55, 2));

    /** The product's employment types; Australian casual work is PER_DIEM (the reference corpus says CASUAL). */
    static final Map<String, Integer> EMPLOYMENT_TYPES = ordered("FULL_TIME", 62, "PART_TIME", 13, "CONTRACTOR", 11,
        "TEMPORARY", 6, "PER_DIEM", 6, "INTERN", 2);
    static final Map<String, Integer> WORK_MODES = ordered("ON_SITE", 58, "HYBRID", 30, "REMOTE", 12);
    /** Share of Australian job ads by state, roughly as the big boards show them. */
    static final Map<String, Integer> STATES = ordered("NSW", 32, "VIC", 26, "QLD", 20, "WA", 11, "SA", 7, "TAS", 2,
        "ACT", 2, "NT", 1);

    private record Seniority(String name, int weight, double factor, String prefix) {
    }

    private static final List<Seniority> SENIORITY = List.of(new Seniority("ENTRY", 20, 0.72, "Junior"),
        new Seniority("MID", 40, 1.0, ""), new Seniority("SENIOR", 27, 1.3, "Senior"), new Seniority("LEAD", 9, 1.55, "Lead"),
        new Seniority("EXECUTIVE", 4, 2.0, "Head of"));

    private static final Set<String> CBDS = Set.of("2000 Sydney", "3000 Melbourne", "4000 Brisbane City", "5000 Adelaide",
        "6000 Perth", "7000 Hobart", "0800 Darwin City", "2601 Canberra");
    private static final List<String> BANDS = List.of("cbd", "metro", "inner", "outer", "remote");
    private static final int[] BAND_WEIGHTS = { 18, 50, 22, 8, 2 };

    private static final List<String> COMPANY_FIRST = List.of("Harbour", "Southern Cross", "Coastal", "Red Gum", "Wattle",
        "Outback", "Bluewater", "Summit", "Ironbark", "Kookaburra", "Pacific", "Golden Plains", "Eucalypt", "Murray",
        "Sunshine", "Bellbird", "Granite", "Silverton", "Coral", "Riverina", "Blackwood", "Northern", "Greenfield",
        "Horizon", "Banksia", "Tasman", "Jacaranda", "Brightwater", "Stonehaven", "Westgate", "Yarra", "Swan", "Torrens",
        "Derwent", "Hunter", "Barossa");
    private static final List<String> COMPANY_SECOND = List.of("Logistics", "Health", "Technologies", "Construction",
        "Financial", "Education", "Hospitality", "Engineering", "Energy", "Retail", "Legal", "Community Care", "Mining",
        "Consulting", "Digital", "Foods", "Medical Group", "Transport", "Agriculture", "Software");
    private static final List<String> COMPANY_SUFFIX = List.of("Pty Ltd", "Group", "Australia", "Co.", "Services",
        "Partners", "Holdings", "Ltd");

    private static final List<String> DUTIES = List.of("Deliver {s} work to a high standard",
        "Work closely with the {team} team on {s}", "Take ownership of {s} from start to finish",
        "Mentor colleagues in {s}", "Improve how we use {s} across the business", "Report progress to the {team} manager",
        "Keep our {s} practices safe and compliant", "Support customers and stakeholders with {s}");
    private static final List<String> TEAMS = List.of("operations", "delivery", "clinical", "project", "customer",
        "platform", "regional", "head office");
    private static final List<String> BENEFITS = List.of("Salary packaging", "Employer super above the guarantee",
        "Flexible hours", "Paid parental leave", "Ongoing training budget", "Novated leasing", "Wellbeing days",
        "Free on-site parking", "Relocation assistance", "Rostered days off", "Employee share plan");
    private static final int[] VALID_DAYS = { 14, 30, 30, 30, 60 };
    private static final int[] SALARY_SPREADS = { 5000, 10000, 15000, 20000, 30000 };

    /** How long a featured job of the corpus stays featured from the as-of date. */
    static final Duration FEATURE = Duration.ofDays(30);

    private final long seed;
    private final Instant asOf;
    private final Random random;
    private final Map<String, List<Locality>> placesByStateAndBand = new LinkedHashMap<>();

    JobCorpus(long seed, Instant asOf) {
        this.seed = seed;
        this.asOf = asOf;
        this.random = new Random(seed);
        for (Locality l : localities()) {
            if (l.remoteness() == 0) {
                continue;
            }
            String band = CBDS.contains(l.postcode() + " " + l.name()) ? "cbd"
                : switch (l.remoteness()) { case 1 -> "metro"; case 2 -> "inner"; case 3 -> "outer"; default -> "remote"; };
            placesByStateAndBand.computeIfAbsent(l.state() + "/" + band, k -> new ArrayList<>()).add(l);
        }
    }

    Instant asOf() {
        return asOf;
    }

    /** The posting as the index receives it (job.published / job.updated): the one place that builds the record. */
    static JobPostingData posting(GeneratedJob j, Instant asOf) {
        return new JobPostingData(j.title(), j.descriptionHtml(), j.company().id(), j.company().name(),
            List.of(j.employmentType()), j.workMode(), j.place().name(), j.place().state(), j.place().postcode(),
            j.salaryMin(), j.salaryMax(), j.salaryUnit(), j.category(), j.skills(), j.seniority(), j.datePosted(),
            j.validThrough(), j.featured() ? asOf.plus(FEATURE) : null);
    }

    /** The job as its employer wrote it (for the copy in MongoDB that suggestions are built from). */
    static JobRequest jobRequest(GeneratedJob j) {
        return new JobRequest(j.title(), j.descriptionHtml(), List.of(JobRequest.EmploymentType.valueOf(j.employmentType())),
            JobRequest.WorkMode.valueOf(j.workMode()),
            new JobRequest.Location(j.place().name(), AustralianState.valueOf(j.place().state()), j.place().postcode()),
            j.salaryMax() == null ? null
                : new JobRequest.Salary(j.salaryMin(), j.salaryMax(), JobRequest.SalaryUnit.valueOf(j.salaryUnit())),
            j.category(), j.skills(), JobRequest.Seniority.valueOf(j.seniority()), j.validThrough());
    }

    /** The companies (the first step of generation: call before {@link #jobs}). */
    List<Company> companies(int jobCount) {
        int wanted = Math.min(Math.max(50, jobCount / 40), COMPANY_FIRST.size() * COMPANY_SECOND.size() * COMPANY_SUFFIX.size() / 2);
        TreeSet<String> names = new TreeSet<>();
        while (names.size() < wanted) {
            names.add(pick(COMPANY_FIRST) + " " + pick(COMPANY_SECOND) + " " + pick(COMPANY_SUFFIX));
        }
        List<String> shuffled = new ArrayList<>(names);
        java.util.Collections.shuffle(shuffled, random);
        List<Company> companies = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
            companies.add(new Company(String.format("gen-%d-company-%05d", seed, i), shuffled.get(i)));
        }
        return companies;
    }

    /** {@code count} jobs from these companies (a long tail: the i-th company's weight is 1/(i+1)^0.8). */
    List<GeneratedJob> jobs(int count, List<Company> companies) {
        double[] companyWeights = new double[companies.size()];
        for (int i = 0; i < companyWeights.length; i++) {
            companyWeights[i] = 1 / Math.pow(i + 1, 0.8);
        }
        Weighted companyPick = new Weighted(companyWeights);
        Weighted categoryPick = new Weighted(CATEGORIES.stream().mapToDouble(Category::weight).toArray());
        Weighted seniorityPick = new Weighted(SENIORITY.stream().mapToDouble(Seniority::weight).toArray());
        Weighted typePick = new Weighted(EMPLOYMENT_TYPES.values().stream().mapToDouble(Integer::doubleValue).toArray());
        Weighted modePick = new Weighted(WORK_MODES.values().stream().mapToDouble(Integer::doubleValue).toArray());
        List<String> types = List.copyOf(EMPLOYMENT_TYPES.keySet());
        List<String> modes = List.copyOf(WORK_MODES.keySet());
        List<GeneratedJob> jobs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Category category = CATEGORIES.get(categoryPick.next(random));
            Seniority level = SENIORITY.get(seniorityPick.next(random));
            String baseTitle = pick(category.titles());
            String title = !level.prefix().isEmpty() && random.nextDouble() < 0.7 ? level.prefix() + " " + baseTitle : baseTitle;
            Company company = companies.get(companyPick.next(random));
            Locality place = place();
            String mode = modes.get(modePick.next(random));
            if (category == CATEGORIES.get(0) && mode.equals("ON_SITE") && random.nextDouble() < 0.5) {
                mode = random.nextBoolean() ? "HYBRID" : "REMOTE";
            }
            List<String> skills = sample(category.skills(), 3 + random.nextInt(Math.min(7, category.skills().size()) - 2));
            long daysAgo = Math.min(59, (long) (-Math.log(1 - random.nextDouble()) * 12));
            Instant posted = asOf.minus(Duration.ofDays(daysAgo)).minus(Duration.ofMinutes(random.nextInt(1440)));
            Instant validThrough = posted.plus(Duration.ofDays(VALID_DAYS[random.nextInt(VALID_DAYS.length)]));
            if (!validThrough.isAfter(asOf)) {
                validThrough = asOf.plus(Duration.ofDays(1 + random.nextInt(14)));
            }
            String type = types.get(typePick.next(random));
            BigDecimal[] salary = new BigDecimal[2];
            String unit = salary(category, level.factor(), salary);
            String description = describe(company.name(), title, place, skills, sample(BENEFITS, 3));
            boolean featured = random.nextDouble() < 0.03;
            jobs.add(new GeneratedJob(String.format("gen-%d-%07d", seed, i), title, description, company, type, mode, place,
                salary[0], salary[1], unit, category.name(), skills, level.name(), posted, validThrough, featured));
        }
        return jobs;
    }

    private Locality place() {
        String state = pickWeighted(STATES);
        List<String> bands = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int b = 0; b < BANDS.size(); b++) {
            if (placesByStateAndBand.containsKey(state + "/" + BANDS.get(b))) {
                bands.add(BANDS.get(b));
                weights.add((double) BAND_WEIGHTS[b]);
            }
        }
        String band = bands.get(new Weighted(weights.stream().mapToDouble(Double::doubleValue).toArray()).next(random));
        return pick(placesByStateAndBand.get(state + "/" + band));
    }

    /** Fills min and max (15 % of ads show no salary); returns the unit, HOUR for the category's share of hourly ads. */
    private String salary(Category category, double factor, BigDecimal[] range) {
        if (random.nextDouble() < 0.15) {
            return null;
        }
        double annual = category.midpoint() * factor * (0.85 + random.nextDouble() * 0.3);
        if (random.nextDouble() < category.hourlyShare()) {
            BigDecimal low = BigDecimal.valueOf(annual / 1976).setScale(2, RoundingMode.HALF_EVEN);
            range[0] = low;
            range[1] = low.multiply(BigDecimal.valueOf(1.05 + random.nextDouble() * 0.2)).setScale(2, RoundingMode.HALF_EVEN);
            return "HOUR";
        }
        long low = Math.round(annual * 0.9 / 1000) * 1000;
        range[0] = BigDecimal.valueOf(low);
        range[1] = BigDecimal.valueOf(low + SALARY_SPREADS[random.nextInt(SALARY_SPREADS.length)]);
        return "YEAR";
    }

    private String describe(String company, String title, Locality place, List<String> skills, List<String> benefits) {
        List<String> duties = sample(DUTIES, 4);
        String team = pick(TEAMS);
        StringBuilder html = new StringBuilder(1400);
        html.append("<p>").append(escape(company)).append(" is looking for a ").append(escape(title)).append(" to join our ")
            .append(team).append(" team in ").append(escape(place.name())).append(", ").append(place.state())
            .append(".</p><h3>About the role</h3><ul>");
        for (String duty : duties) {
            html.append("<li>").append(escape(duty.replace("{s}", pick(skills)).replace("{team}", team))).append("</li>");
        }
        html.append("</ul><h3>About you</h3><ul>");
        for (String skill : skills.subList(0, 3)) {
            html.append("<li>").append(1 + random.nextInt(8)).append("+ years of experience with ").append(escape(skill))
                .append("</li>");
        }
        html.append("<li>Full working rights in Australia</li></ul><h3>What we offer</h3><ul>");
        benefits.forEach(b -> html.append("<li>").append(escape(b)).append("</li>"));
        return html.append("</ul>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private String pickWeighted(Map<String, Integer> weights) {
        return List.copyOf(weights.keySet())
            .get(new Weighted(weights.values().stream().mapToDouble(Integer::doubleValue).toArray()).next(random));
    }

    /** {@code k} distinct items, in random order. */
    private <T> List<T> sample(List<T> items, int k) {
        List<T> copy = new ArrayList<>(items);
        for (int i = 0; i < k; i++) {
            java.util.Collections.swap(copy, i, i + random.nextInt(copy.size() - i));
        }
        return List.copyOf(copy.subList(0, k));
    }

    /** Every row of the shipped gazetteer (the same file the Gazetteer bean reads). */
    static List<Locality> localities() {
        List<Locality> all = new ArrayList<>();
        try (InputStream in = JobCorpus.class.getClassLoader().getResourceAsStream("gazetteer/au-localities.csv")) {
            if (in == null) {
                throw new IllegalStateException("gazetteer/au-localities.csv is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",", -1);
                all.add(new Locality(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    f[6].isBlank() ? 0 : Integer.parseInt(f[6].trim())));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    /** Picks an index with probability proportional to its weight. */
    static final class Weighted {

        private final double[] cumulative;

        Weighted(double[] weights) {
            cumulative = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
        }

        int next(Random random) {
            double x = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = java.util.Arrays.binarySearch(cumulative, x);
            i = i < 0 ? -i - 1 : i + 1;
            return Math.min(i, cumulative.length - 1);
        }
    }
}
