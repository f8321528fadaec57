package au.ausjobs.resume.bench;

import java.text.Normalizer;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import au.ausjobs.resume.extraction.ParsedResume.Section;
import au.ausjobs.resume.skills.Skill;
import au.ausjobs.resume.skills.SkillTaxonomy;

/**
 * A seeded generator of realistic Australian resumes with known labels (for the resume benchmark, not a test): a
 * name, e-mail, phone (and its E.164 form), "Suburb STATE postcode", two to six positions (title, employer, first
 * and last month) written in the layouts and date formats Australian resumes use, the standard sections under
 * varied Australian headings, skills from the shipped taxonomy (by their names or synonyms), bullets, education,
 * tickets and referees; filled to 50-95 % of a second A4 page ({@link ResumeRendering#pdfFill}) and rendered as PDF,
 * DOCX or text.
 * <p>
 * The same seed and as-of month give the same resumes, byte for byte (PDFBox and the zip writer are deterministic
 * with the fixed dates {@link ResumeRendering} sets).
 * <p>
 * What the labels mean, where a resume could be read two ways:
 * <ul>
 * <li>a range written in years only ("2015 - 2016") is labelled January of the first year to December of the last,
 * the convention the parser documents;</li>
 * <li>the labelled skills are the taxonomy skills the generator wrote on purpose (skills section, tickets, bullets and
 * summary, each by a name or synonym from the taxonomy). Job titles, employers and qualifications can name taxonomy
 * skills too ("Registered Nurse", "Bachelor of Nursing"); those are not labelled, and the benchmark reports such finds
 * apart from the rest ({@link Labels#namedLines});</li>
 * <li>positions are only those under the experience heading (volunteering and education entries with date ranges
 * are not positions).</li>
 * </ul>
 */
final class LabelledResumes {

    enum Format {
        PDF("pdf", "application/pdf"), DOCX("docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), TXT("txt", "text/plain");

        final String extension;
        final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }
    }

    /** How a position's dates are written. */
    enum DateStyle {
        /** "Mar 2021 - Present", "Jan 2018 - Feb 2021" */
        SHORT_MONTH("Mar 2021 - Present"),
        /** "02/2017 - 02/2021" */
        NUMERIC("02/2017 - 02/2021"),
        /** "2015 - 2016" (labelled January to December) */
        YEARS("2015 - 2016"),
        /** "March 2019 to June 2020" */
        FULL_MONTH_TO("March 2019 to June 2020"),
        /** "Sept. 2016 – Nov. 2019" (abbreviations with a full stop, an en dash) */
        DOTTED_EN_DASH("Sept. 2016 – Nov. 2019");

        final String example;

        DateStyle(String example) {
            this.example = example;
        }
    }

    /** How a position's title, employer and dates are laid out. */
    enum Layout {
        /** "Title at Employer" above the dates */
        TITLE_AT_EMPLOYER("Title at Employer / dates"),
        /** "Title, Employer | dates" */
        TITLE_COMMA_EMPLOYER_PIPE_DATES("Title, Employer | dates"),
        /** title, employer and dates on three lines */
        THREE_LINES("Title / Employer / dates"),
        /** "Title | Employer | dates" */
        PIPES("Title | Employer | dates"),
        /** "Title, Employer" with the dates right-aligned on the same line (a tab or table cell in DOCX) */
        RIGHT_ALIGNED_DATES("Title, Employer ... dates (right-aligned)"),
        /** "Employer, Suburb STATE" above the title, then the dates */
        EMPLOYER_FIRST("Employer, Suburb STATE / Title / dates"),
        /** "Title (dates)" above the employer */
        DATES_AFTER_TITLE("Title (dates) / Employer");

        final String shape;

        Layout(String shape) {
            this.shape = shape;
        }
    }

    /** A line of the resume, as the renderers draw it. */
    enum Kind { BANNER, NAME, HEADLINE, CONTACT, HEADING, ROLE, EMPLOYER, DATES, TEXT, BULLET }

    /**
     * @param kind what it is (style)
     * @param text the text (left part)
     * @param right text right-aligned on the same line (dates), or null
     */
    record Line(Kind kind, String text, String right) {

        Line(Kind kind, String text) {
            this(kind, text, null);
        }

        /** The line as plain text (a tab before right-aligned text). */
        String plain() {
            return right == null ? text : text + "\t" + right;
        }
    }

    /**
     * A labelled position.
     *
     * @param title the title as written
     * @param employer the employer as written
     * @param start the first month as labelled (January for a year-only range)
     * @param end the last month as labelled (December for a year-only range), null while current
     * @param style how the dates are written
     * @param presentWord the word for a current position ("Present", "Current", "Date"), null otherwise
     * @param layout how the lines are laid out
     * @param written the position's header lines as written (title, employer, dates), for failure reports
     */
    record Position(String title, String employer, YearMonth start, YearMonth end, DateStyle style, String presentWord,
            Layout layout, List<String> written) {

        boolean current() {
            return end == null;
        }
    }

    /** A section heading as written. */
    record Heading(Section section, String text) {
    }

    /**
     * The truth about one resume.
     *
     * @param name the person's name as written
     * @param email the e-mail address
     * @param phone the phone number in E.164
     * @param phoneWritten the phone number as written
     * @param location "Suburb STATE postcode"
     * @param locationWritten the location as written
     * @param positions the positions under the experience heading, as ordered in the resume (newest first)
     * @param headings the section headings, in order (CONTACT is the part above the first heading and has none)
     * @param skills canonical names of the taxonomy skills written on purpose
     * @param skillForms for each labelled skill, the form written
     * @param namedLines lines that name things (titles, employers, qualifications, headline, referees), where a
     *        taxonomy skill found is a fair find even though it is not labelled
     * @param profile the occupation the resume was made for
     */
    record Labels(String name, String email, String phone, String phoneWritten, String location, String locationWritten,
            List<Position> positions, List<Heading> headings, Set<String> skills, Map<String, String> skillForms,
            List<String> namedLines, String profile) {

        Set<Section> sections() {
            Set<Section> sections = new LinkedHashSet<>();
            sections.add(Section.CONTACT);
            headings.forEach(h -> sections.add(h.section()));
            return sections;
        }

        /** Months covered by the positions, overlaps once; current positions run to {@code now}. */
        int experienceMonths(YearMonth now) {
            if (positions.isEmpty()) {
                return 0;
            }
            YearMonth origin = positions.stream().map(Position::start).min(YearMonth::compareTo).orElseThrow();
            BitSet covered = new BitSet();
            for (Position p : positions) {
                YearMonth last = p.current() ? now : p.end();
                if (last.isBefore(p.start())) {
                    continue;
                }
                int from = (int) origin.until(p.start(), java.time.temporal.ChronoUnit.MONTHS);
                int months = (int) p.start().until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
                covered.set(from, from + months);
            }
            return covered.cardinality();
        }
    }

    /** One generated resume: its file, its lines and its labels. */
    record Sample(String id, Format format, String filename, byte[] content, List<Line> lines, Labels labels,
            String variant, double fill) {

        /** Pages when drawn as an A4 PDF. */
        int pages() {
            return (int) Math.ceil(fill);
        }
    }

    // ------------------------------------------------------------------------------------------------ the data

    private record Profile(String name, List<String> titles, List<String> specialties, List<String> commaTitles,
            List<String> employers, List<String> skillCategories, List<String> ticketCategories, List<String> degrees,
            List<String> institutions, List<String> bullets, List<String> summaries, List<String> projects) {
    }

    private record Place(String suburb, String state, String postcode) {
    }

    private static final List<Profile> PROFILES = List.of(
        new Profile("software engineer",
            List.of("Graduate Developer", "Junior Software Developer", "Software Engineer", "Senior Software Engineer",
                "Lead Developer", "Engineering Manager"),
            List.of("Platform", "Payments", "Mobile", "Data Platform"), List.of("Manager, Software Engineering"),
            List.of("Atlassian", "Canva", "Commonwealth Bank", "Telstra", "Xero", "REA Group", "SEEK", "Service NSW",
                "Westpac", "Nine Digital", "Carsales", "Tyro Payments", "Bendigo and Adelaide Bank"),
            List.of("Programming languages", "Back-end & frameworks", "Web & front-end development", "Cloud computing",
                "DevOps & infrastructure", "Databases", "Software engineering practices"),
            List.of("Cloud computing"),
            List.of("Bachelor of Computer Science", "Bachelor of Information Technology",
                "Bachelor of Engineering (Software) (Honours)", "Master of Information Technology"),
            List.of("University of Sydney", "UNSW Sydney", "Monash University", "RMIT University",
                "University of Queensland", "QUT", "Curtin University", "University of Adelaide"),
            List.of("Cut the release cycle from monthly to weekly by automating {n} manual steps.",
                "Rebuilt the customer sign-up flow, lifting completion by {pct}%.",
                "Mentored {n} graduate developers through their first year.",
                "Reduced page load times by {pct}% across the public website.",
                "Led the migration of {n} services without a customer-facing outage.",
                "Worked with product owners to shape a backlog for a team of {n}.",
                "Took part in the on-call roster and halved the time to restore service.",
                "Wrote the team's coding guidelines and review checklist."),
            List.of("{title} with {years} years of experience building web and mobile products for Australian customers.",
                "Enjoys turning messy requirements into simple, reliable software."),
            List.of("Open banking API: designed the consent service used by {n} partner apps.",
                "Internal developer portal: built the service catalogue and templates.")),
        new Profile("registered nurse",
            List.of("Graduate Registered Nurse", "Registered Nurse", "Clinical Nurse", "Clinical Nurse Specialist",
                "Nurse Unit Manager"),
            List.of("Emergency Department", "Intensive Care", "Perioperative", "Mental Health"),
            List.of("Nurse Manager, Surgical Services"),
            List.of("Royal Melbourne Hospital", "St Vincent's Hospital Sydney", "Royal Brisbane and Women's Hospital",
                "Fiona Stanley Hospital", "Alfred Health", "Westmead Hospital", "Calvary Health Care",
                "Ramsay Health Care", "Royal Hobart Hospital", "Flinders Medical Centre"),
            List.of("Nursing & midwifery", "Healthcare & medical"),
            List.of("Healthcare & medical"),
            List.of("Bachelor of Nursing", "Graduate Certificate in Emergency Nursing", "Master of Nursing Practice"),
            List.of("Deakin University", "La Trobe University", "Griffith University", "University of Tasmania",
                "Australian Catholic University", "Western Sydney University"),
            List.of("Cared for up to {n} patients a shift on a busy {ward} ward.",
                "Precepted {n} graduate nurses through their transition program.",
                "Led the ward's falls prevention audit, reducing falls by {pct}%.",
                "Coordinated admissions and discharges with the bed management team.",
                "Acted as shift coordinator on weekends for a team of {n} nurses.",
                "Completed the hospital's deteriorating patient training and taught it to {n} colleagues.",
                "Maintained accurate notes in the electronic medical record."),
            List.of("Compassionate {title} with {years} years of experience in metropolitan hospitals.",
                "Calm under pressure and committed to safe, person-centred care."),
            List.of()),
        new Profile("electrician",
            List.of("Apprentice Electrician", "Electrician", "A-Grade Electrician", "Leading Hand Electrician",
                "Electrical Supervisor"),
            List.of("Commercial", "Industrial", "Maintenance"), List.of(),
            List.of("Downer Group", "Stowe Australia", "Ventia", "Fredon", "O'Donnell Griffin",
                "Programmed Facility Management", "Lendlease", "Jaybro Electrical"),
            List.of("Electrical & electronic trades", "Building & construction trades"),
            List.of("High risk work licences & safety tickets", "Work health & safety"),
            List.of("Certificate III in Electrotechnology Electrician", "Certificate IV in Electrical Instrumentation"),
            List.of("TAFE NSW", "Chisholm Institute", "TAFE Queensland", "North Metropolitan TAFE", "Box Hill Institute"),
            List.of("Installed and commissioned power and lighting on {n} commercial fit-outs.",
                "Supervised {n} apprentices on site and signed off their logbooks.",
                "Cut call-back rates by {pct}% by introducing a pre-handover checklist.",
                "Completed scheduled maintenance across {n} sites in the region.",
                "Read drawings and marked up as-builts for the project engineer.",
                "Worked safely at heights and in confined spaces under permit."),
            List.of("Licensed {title} with {years} years of experience on commercial and industrial sites.",
                "Known for tidy work, clear paperwork and a safe site."),
            List.of()),
        new Profile("accountant",
            List.of("Graduate Accountant", "Accountant", "Senior Accountant", "Financial Accountant",
                "Management Accountant", "Finance Manager"),
            List.of("Tax", "Audit", "Business Services"), List.of("Manager, Financial Reporting"),
            List.of("Deloitte", "PwC Australia", "KPMG", "BDO", "Pitcher Partners", "Woolworths Group", "Origin Energy",
                "William Buck"),
            List.of("Accounting & finance", "Enterprise & business software"),
            List.of("Accounting & finance"),
            List.of("Bachelor of Commerce (Accounting)", "Bachelor of Business (Accounting)", "Master of Professional Accounting"),
            List.of("University of Melbourne", "Macquarie University", "UTS", "University of Western Australia",
                "Monash University"),
            List.of("Prepared monthly management reports for {n} business units.",
                "Closed the books in {n} working days, down from eight.",
                "Led the {fy} budget process across {n} cost centres.",
                "Reconciled {n} bank and clearing accounts each month.",
                "Managed a portfolio of {n} small business clients.",
                "Found savings of {pct}% in supplier contracts during the annual review."),
            List.of("{title} with {years} years of experience in public practice and industry.",
                "Comfortable presenting numbers to people who do not love them."),
            List.of()),
        new Profile("teacher",
            List.of("Graduate Teacher", "Classroom Teacher", "Primary School Teacher", "Secondary Teacher",
                "Head of Mathematics", "Assistant Principal"),
            List.of("Mathematics", "Science", "English"), List.of("Leader, Learning and Teaching"),
            List.of("Department of Education Victoria", "NSW Department of Education", "Brisbane Grammar School",
                "Catholic Education Melbourne", "Perth Modern School", "Canberra Grammar School"),
            List.of("Education & training"),
            List.of("Community services & mental health"),
            List.of("Bachelor of Education (Primary)", "Bachelor of Education (Secondary)", "Master of Teaching"),
            List.of("University of Melbourne", "Australian Catholic University", "University of Newcastle",
                "Edith Cowan University", "Charles Sturt University"),
            List.of("Taught a Year {n} class of {class} students across all learning areas.",
                "Lifted the class's reading results by {pct}% in one year.",
                "Coordinated the Year {n} camp and excursion program.",
                "Mentored {n} pre-service teachers on placement.",
                "Ran the lunchtime chess club and the school's maths olympiad team.",
                "Wrote reports and met families each term to discuss progress."),
            List.of("Dedicated {title} with {years} years of experience in government and independent schools.",
                "Believes every student can learn with the right support."),
            List.of()),
        new Profile("chef",
            List.of("Kitchen Hand", "Commis Chef", "Chef de Partie", "Sous Chef", "Head Chef", "Executive Chef"),
            List.of("Pastry", "Banquets"), List.of(),
            List.of("Crown Melbourne", "The Star Sydney", "Merivale", "Hyatt Regency Sydney", "Rockpool Dining Group",
                "Hilton Brisbane", "Fremantle Sailing Club"),
            List.of("Hospitality & food"),
            List.of("Hospitality & food", "High risk work licences & safety tickets"),
            List.of("Certificate III in Commercial Cookery", "Certificate IV in Kitchen Management"),
            List.of("William Angliss Institute", "TAFE NSW", "TAFE SA", "TAFE Queensland"),
            List.of("Ran a section serving up to {n} covers a night.",
                "Wrote a seasonal menu that cut food costs by {pct}%.",
                "Trained {n} apprentices in knife skills and kitchen systems.",
                "Managed ordering and stock for a kitchen of {n} staff.",
                "Kept the kitchen audit-ready with daily temperature logs."),
            List.of("Creative {title} with {years} years of experience in hotels and fine dining.",
                "Loves working with local produce and a tight team."),
            List.of()),
        new Profile("administration",
            List.of("Receptionist", "Administration Officer", "Office Coordinator", "Executive Assistant",
                "Office Manager"),
            List.of("Finance", "Operations"), List.of("Coordinator, Client Services"),
            List.of("City of Sydney", "Brisbane City Council", "Ray White", "McGrath Estate Agents", "Suncorp",
                "Maurice Blackburn", "City of Gold Coast"),
            List.of("Administration & office support", "Enterprise & business software"),
            List.of("Administration & office support"),
            List.of("Certificate IV in Business Administration", "Diploma of Business", "Bachelor of Business"),
            List.of("TAFE NSW", "Open Colleges", "Griffith University", "Victoria University"),
            List.of("Managed diaries and travel for {n} senior executives.",
                "Answered up to {n} calls a day at a busy front desk.",
                "Set up a new filing system that cut search time by {pct}%.",
                "Organised the annual conference for {n} guests.",
                "Processed invoices and purchase orders for the operations team.",
                "Inducted {n} new starters each quarter."),
            List.of("Organised {title} with {years} years of experience supporting busy teams.",
                "The person people ask when they cannot find something."),
            List.of()),
        new Profile("data analyst",
            List.of("Junior Data Analyst", "Data Analyst", "Senior Data Analyst", "Business Intelligence Analyst",
                "Data Scientist", "Analytics Manager"),
            List.of("Customer Insights", "Marketing Analytics", "Pricing"), List.of("Manager, Insights and Analytics"),
            List.of("Australian Bureau of Statistics", "Quantium", "NAB", "Coles Group", "Transport for NSW", "Medibank",
                "Tabcorp"),
            List.of("Data, analytics & AI", "Databases", "Programming languages"),
            List.of("Cloud computing"),
            List.of("Bachelor of Science (Statistics)", "Master of Data Science", "Bachelor of Economics"),
            List.of("University of Sydney", "ANU", "University of Melbourne", "UNSW Sydney", "University of Adelaide"),
            List.of("Built dashboards used by {n} store managers every week.",
                "Automated the monthly churn report, saving {n} hours a month.",
                "Ran pricing experiments that lifted margin by {pct}%.",
                "Cleaned and joined {n} source systems into one customer view.",
                "Presented findings to the executive team each quarter."),
            List.of("{title} with {years} years of experience turning data into decisions.",
                "Curious, careful with numbers and clear with words."),
            List.of("Customer lifetime value model: scored {n} million customers nightly.",
                "Store demand forecast: cut waste by {pct}% in the pilot stores.")),
        new Profile("marketing",
            List.of("Marketing Assistant", "Marketing Coordinator", "Digital Marketing Specialist", "Marketing Manager",
                "Brand Manager", "Head of Marketing"),
            List.of("Digital", "Brand"), List.of("Manager, Brand and Communications"),
            List.of("Qantas", "Lion", "Mecca Brands", "Bupa", "Flight Centre", "Officeworks", "Tourism Australia"),
            List.of("Marketing & communications", "Design & creative"),
            List.of("Marketing & communications"),
            List.of("Bachelor of Business (Marketing)", "Bachelor of Communications", "Graduate Diploma of Marketing"),
            List.of("RMIT University", "Deakin University", "UTS", "Swinburne University", "Bond University"),
            List.of("Grew the email list from {n},000 to {m},000 subscribers in a year.",
                "Launched {n} campaigns a quarter across paid and owned channels.",
                "Lifted conversion on the landing pages by {pct}%.",
                "Managed a marketing budget of ${n} million.",
                "Briefed and managed {n} agencies."),
            List.of("{title} with {years} years of experience in consumer brands.",
                "Happiest when a campaign moves the numbers."),
            List.of()),
        new Profile("aged care and disability",
            List.of("Personal Care Assistant", "Disability Support Worker", "Support Coordinator", "Team Leader",
                "Care Manager"),
            List.of("Community", "Residential"), List.of("Coordinator, Community Programs"),
            List.of("Bupa Aged Care", "Uniting", "Life Without Barriers", "Anglicare", "Estia Health",
                "Regis Aged Care", "Australian Unity"),
            List.of("Aged care & disability (NDIS)", "Community services & mental health"),
            List.of("Aged care & disability (NDIS)", "Community services & mental health"),
            List.of("Certificate III in Individual Support", "Certificate IV in Disability", "Diploma of Community Services"),
            List.of("TAFE NSW", "TAFE Queensland", "Melbourne Polytechnic", "South Regional TAFE"),
            List.of("Supported {n} residents with personal care and daily living.",
                "Wrote care notes and incident reports on every shift.",
                "Built routines with {n} participants to reach their plan goals.",
                "Cut missed visits by {pct}% by redesigning the roster.",
                "Worked closely with families, nurses and allied health staff."),
            List.of("Caring {title} with {years} years of experience in aged care and disability support.",
                "Patient, reliable and respectful of every person's choices."),
            List.of()),
        new Profile("construction",
            List.of("Site Engineer", "Project Engineer", "Senior Project Engineer", "Construction Manager",
                "Project Manager"),
            List.of("Civil", "Rail", "Commercial"), List.of("Manager, Project Delivery"),
            List.of("CPB Contractors", "John Holland", "Multiplex", "Laing O'Rourke", "BMD Group", "Built", "Georgiou Group"),
            List.of("Construction management & civil", "Building & construction trades", "Project & programme management"),
            List.of("High risk work licences & safety tickets", "Work health & safety"),
            List.of("Bachelor of Engineering (Civil)", "Bachelor of Construction Management", "Master of Project Management"),
            List.of("University of Newcastle", "QUT", "University of Wollongong", "Curtin University", "RMIT University"),
            List.of("Delivered a ${n} million road upgrade {pct}% under budget.",
                "Managed {n} subcontractors and their weekly programs.",
                "Ran the {fy} capital works program for the northern region.",
                "Prepared progress claims and variations for the client.",
                "Chaired the weekly toolbox meeting for a site of {n} workers."),
            List.of("{title} with {years} years of experience on civil and building projects.",
                "Delivers on time by planning early and talking often."),
            List.of("Western Sydney road upgrade: {n} km of dual carriageway.", "School rebuild: delivered over {n} stages.")),
        new Profile("transport and logistics",
            List.of("Storeperson", "Forklift Operator", "Truck Driver", "Heavy Rigid Driver", "Transport Supervisor"),
            List.of("Linehaul", "Metro"), List.of(),
            List.of("Toll Group", "Linfox", "StarTrack", "Australia Post", "Qube Logistics", "Team Global Express",
                "Mainfreight"),
            List.of("Transport & logistics"),
            List.of("High risk work licences & safety tickets", "Transport & logistics"),
            List.of("Certificate III in Warehousing Operations", "Certificate III in Driving Operations"),
            List.of("TAFE NSW", "TAFE Queensland", "Chisholm Institute"),
            List.of("Delivered to up to {n} customers a day across the metro area.",
                "Picked and packed {n} orders a shift with {pct}% accuracy.",
                "Kept a clean driving record over {n} years.",
                "Loaded and restrained freight to chain of responsibility rules.",
                "Trained {n} new starters on the warehouse system."),
            List.of("Reliable {title} with {years} years of experience in warehousing and delivery.",
                "Safe, on time and easy to work with."),
            List.of()),
        new Profile("human resources",
            List.of("HR Coordinator", "Recruitment Consultant", "HR Advisor", "Senior HR Business Partner",
                "People and Culture Manager"),
            List.of("Talent Acquisition", "Employee Relations"), List.of("Manager, People and Culture"),
            List.of("Hays", "Randstad", "Woolworths Group", "Telstra", "Wesfarmers", "Hudson", "Programmed"),
            List.of("Human resources & recruitment", "Leadership & management"),
            List.of("Human resources & recruitment"),
            List.of("Bachelor of Business (Human Resource Management)", "Graduate Certificate in Employment Relations"),
            List.of("Griffith University", "University of South Australia", "Deakin University", "Macquarie University"),
            List.of("Filled {n} roles a quarter with a {pct}% retention rate after a year.",
                "Advised {n} line managers on performance and conduct matters.",
                "Rolled out a new onboarding process for {n} starters a month.",
                "Ran the annual engagement survey and the action plans that followed.",
                "Negotiated the enterprise agreement with {n} union delegates."),
            List.of("{title} with {years} years of experience in recruitment and employee relations.",
                "Straight-talking, fair and good with people."),
            List.of()),
        new Profile("mining geologist",
            List.of("Field Assistant", "Graduate Geologist", "Geologist", "Mine Geologist", "Senior Geologist",
                "Exploration Manager"),
            List.of("Exploration", "Resource Definition"), List.of(),
            List.of("BHP", "Rio Tinto", "Fortescue", "Newmont", "Northern Star Resources", "South32", "Evolution Mining"),
            List.of("Mining, resources & energy", "Science & research"),
            List.of("High risk work licences & safety tickets", "Mining, resources & energy"),
            List.of("Bachelor of Science (Geology)", "Bachelor of Science (Honours) in Geology"),
            List.of("University of Western Australia", "Curtin University", "James Cook University", "University of Adelaide"),
            List.of("Logged {n} metres of diamond core a week on a FIFO roster.",
                "Planned and supervised a {n},000 metre drilling program.",
                "Updated the resource model each quarter for the mine plan.",
                "Mapped {n} open pit benches and reported grade control.",
                "Mentored {n} graduate geologists."),
            List.of("{title} with {years} years of experience in gold and iron ore.",
                "Comfortable on a remote site and in front of a board."),
            List.of()));

    private static final List<String> FIRST_NAMES = List.of("Jane", "Liam", "Olivia", "Noah", "Charlotte", "Jack",
        "Amelia", "William", "Isla", "Thomas", "Mia", "James", "Ava", "Lachlan", "Grace", "Oliver", "Chloe", "Ethan",
        "Sophie", "Lucas", "Emily", "Henry", "Ruby", "Harrison", "Zara", "Mitchell", "Priya", "Arjun", "Wei", "Mei",
        "Minh", "Linh", "Mohammed", "Fatima", "Aisha", "Omar", "Giulia", "Marco", "Sione", "Ana", "Hiroshi", "Yuki",
        "Kieran", "Bridget", "Declan", "Siobhan", "Tane", "Jasmine", "Ravi", "Deepa", "Hamish", "Matilda");
    /** First names with letters outside A-Z, as some people write them. */
    private static final List<String> ACCENTED_FIRST_NAMES = List.of("Zoë", "José", "Renée", "Chloé", "Björn", "Inês");
    private static final List<String> SURNAMES = List.of("Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor",
        "Johnson", "White", "Martin", "Anderson", "Thompson", "Nguyen", "Tran", "Le", "Chen", "Wang", "Li", "Zhang",
        "Singh", "Patel", "Sharma", "Kaur", "Kelly", "Ryan", "Walsh", "Murphy", "O'Brien", "O'Connor", "McDonald",
        "McKenzie", "Campbell", "Stewart", "Robinson", "Clarke", "Wright", "Mitchell", "Harris", "King", "Lee", "Walker",
        "Hall", "Young", "Allen", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Ward", "Papadopoulos", "Rossi",
        "Russo", "Kowalski", "Haddad", "Hassan", "Ahmed", "Fonua", "Tuilagi", "Smith-Jones", "Lloyd-Evans",
        "Di Stefano", "van der Berg");

    private static final List<Place> PLACES = List.of(
        new Place("Parramatta", "NSW", "2150"), new Place("Surry Hills", "NSW", "2010"),
        new Place("Bondi Junction", "NSW", "2022"), new Place("Chatswood", "NSW", "2067"),
        new Place("Penrith", "NSW", "2750"), new Place("Newcastle", "NSW", "2300"), new Place("Wollongong", "NSW", "2500"),
        new Place("Liverpool", "NSW", "2170"), new Place("Blacktown", "NSW", "2148"), new Place("Hornsby", "NSW", "2077"),
        new Place("Campbelltown", "NSW", "2560"), new Place("Dubbo", "NSW", "2830"), new Place("Wagga Wagga", "NSW", "2650"),
        new Place("Port Macquarie", "NSW", "2444"), new Place("Richmond", "VIC", "3121"), new Place("St Kilda", "VIC", "3182"),
        new Place("Footscray", "VIC", "3011"), new Place("Box Hill", "VIC", "3128"), new Place("Geelong", "VIC", "3220"),
        new Place("Ballarat", "VIC", "3350"), new Place("Bendigo", "VIC", "3550"), new Place("Dandenong", "VIC", "3175"),
        new Place("Brunswick", "VIC", "3056"), new Place("Frankston", "VIC", "3199"), new Place("Werribee", "VIC", "3030"),
        new Place("Glen Waverley", "VIC", "3150"), new Place("Fortitude Valley", "QLD", "4006"),
        new Place("South Brisbane", "QLD", "4101"), new Place("Toowoomba", "QLD", "4350"),
        new Place("Townsville", "QLD", "4810"), new Place("Cairns", "QLD", "4870"), new Place("Southport", "QLD", "4215"),
        new Place("Ipswich", "QLD", "4305"), new Place("Chermside", "QLD", "4032"), new Place("Maroochydore", "QLD", "4558"),
        new Place("Mackay", "QLD", "4740"), new Place("Fremantle", "WA", "6160"), new Place("Joondalup", "WA", "6027"),
        new Place("Subiaco", "WA", "6008"), new Place("Mount Lawley", "WA", "6050"), new Place("Rockingham", "WA", "6168"),
        new Place("Bunbury", "WA", "6230"), new Place("Kalgoorlie", "WA", "6430"), new Place("Karratha", "WA", "6714"),
        new Place("Glenelg", "SA", "5045"), new Place("Norwood", "SA", "5067"), new Place("Mount Barker", "SA", "5251"),
        new Place("Salisbury", "SA", "5108"), new Place("Port Adelaide", "SA", "5015"), new Place("Hobart", "TAS", "7000"),
        new Place("Launceston", "TAS", "7250"), new Place("Sandy Bay", "TAS", "7005"), new Place("Devonport", "TAS", "7310"),
        new Place("Belconnen", "ACT", "2617"), new Place("Braddon", "ACT", "2612"), new Place("Tuggeranong", "ACT", "2900"),
        new Place("Darwin", "NT", "0800"), new Place("Palmerston", "NT", "0830"), new Place("Alice Springs", "NT", "0870"));

    private static final List<String> STREETS = List.of("George Street", "Smith Street", "Queen Street", "Bay Road",
        "High Street", "Victoria Parade", "Wattle Avenue", "Banksia Crescent");
    private static final List<String> EMAIL_DOMAINS = List.of("gmail.com", "outlook.com", "hotmail.com", "bigpond.com",
        "icloud.com", "yahoo.com.au", "optusnet.com.au", "example.com.au");

    /** Heading wordings per section, with weights (the last ones of some are wordings the parser may not know). */
    private static final Map<Section, List<Map.Entry<String, Integer>>> HEADINGS = new EnumMap<>(Section.class);

    static {
        HEADINGS.put(Section.SUMMARY, List.of(Map.entry("Career Objective", 20), Map.entry("Professional Summary", 15),
            Map.entry("Profile", 12), Map.entry("Career Summary", 10), Map.entry("About Me", 8),
            Map.entry("Personal Profile", 8), Map.entry("Summary", 8), Map.entry("Objective", 6),
            Map.entry("Career Profile", 4), Map.entry("Executive Summary", 3)));
        HEADINGS.put(Section.EXPERIENCE, List.of(Map.entry("Employment History", 22), Map.entry("Work Experience", 20),
            Map.entry("Professional Experience", 15), Map.entry("Career History", 12), Map.entry("Work History", 10),
            Map.entry("Experience", 10), Map.entry("Relevant Experience", 5), Map.entry("Employment Experience", 3),
            Map.entry("Professional Background", 2)));
        HEADINGS.put(Section.EDUCATION, List.of(Map.entry("Education", 30), Map.entry("Qualifications", 20),
            Map.entry("Education and Training", 12), Map.entry("Education & Training", 8),
            Map.entry("Academic Qualifications", 8), Map.entry("Tertiary Education", 6),
            Map.entry("Education & Qualifications", 4), Map.entry("Qualifications & Training", 2)));
        HEADINGS.put(Section.SKILLS, List.of(Map.entry("Skills", 22), Map.entry("Key Skills", 20),
            Map.entry("Technical Skills", 10), Map.entry("Core Competencies", 10), Map.entry("Areas of Expertise", 8),
            Map.entry("Skills Summary", 6), Map.entry("Key Competencies", 5), Map.entry("Capabilities", 4),
            Map.entry("Skills & Abilities", 4), Map.entry("Key Skills & Attributes", 2)));
        HEADINGS.put(Section.CERTIFICATIONS, List.of(Map.entry("Licences & Certifications", 20),
            Map.entry("Licences and Tickets", 12), Map.entry("Certifications", 15), Map.entry("Licences", 10),
            Map.entry("Professional Development", 8), Map.entry("Registrations", 5), Map.entry("Accreditations", 5),
            Map.entry("Licences & Tickets", 5), Map.entry("Tickets & Licences", 3),
            Map.entry("Certificates & Licences", 3)));
        HEADINGS.put(Section.PROJECTS, List.of(Map.entry("Projects", 60), Map.entry("Key Projects", 30),
            Map.entry("Selected Projects", 10)));
        HEADINGS.put(Section.AWARDS, List.of(Map.entry("Awards", 30), Map.entry("Achievements", 25),
            Map.entry("Awards and Achievements", 20), Map.entry("Honours", 10), Map.entry("Key Achievements", 15)));
        HEADINGS.put(Section.VOLUNTEERING, List.of(Map.entry("Volunteering", 40), Map.entry("Volunteer Experience", 25),
            Map.entry("Community Involvement", 25), Map.entry("Volunteer Work", 10)));
        HEADINGS.put(Section.REFEREES, List.of(Map.entry("Referees", 70), Map.entry("References", 30)));
    }

    private final long seed;
    private final YearMonth asOf;
    private final Map<String, List<Skill>> byCategory;
    private int counter;

    LabelledResumes(long seed, YearMonth asOf, SkillTaxonomy taxonomy) {
        this.seed = seed;
        this.asOf = asOf;
        this.byCategory = taxonomy.skills().stream()
            .collect(Collectors.groupingBy(Skill::category, LinkedHashMap::new, Collectors.toList()));
    }

    /** The next resume in {@code format}; each draws from its own random stream (seed and number). */
    Sample next(Format format) {
        int number = counter++;
        Sample sample = null;
        // a resume that cannot be filled to exactly two pages (rare: long bullets wrapping) is drawn again
        for (int attempt = 0; attempt < 10 && (sample == null || sample.pages() != 2); attempt++) {
            Random random = new Random(seed * 1_000_003L + number * 7919L + attempt);
            sample = new Builder(random, number, format).build();
        }
        return sample;
    }

    /** {@code count} resumes, formats in the given shares (e.g. PDF 50, DOCX 30, TXT 20), shuffled by the seed. */
    List<Sample> mixed(int count, Map<Format, Integer> shares) {
        int total = shares.values().stream().mapToInt(Integer::intValue).sum();
        List<Format> formats = new ArrayList<>();
        int assigned = 0;
        List<Map.Entry<Format, Integer>> entries = new ArrayList<>(shares.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            int n = i == entries.size() - 1 ? count - assigned : Math.round((float) count * entries.get(i).getValue() / total);
            for (int k = 0; k < n; k++) {
                formats.add(entries.get(i).getKey());
            }
            assigned += n;
        }
        Collections.shuffle(formats, new Random(seed ^ 0x5DEECE66DL));
        return formats.stream().map(this::next).toList();
    }

    // ------------------------------------------------------------------------------------------------ one resume

    /** A position while it is built (its real months; the labels follow the written granularity). */
    private static final class Job {
        String title;
        String employer;
        YearMonth start;
        YearMonth end;
        DateStyle style;
        String present;
        Layout layout;
        final List<Bullet> bullets = new ArrayList<>();
    }

    /** A bullet line and the skill it names on purpose, if any. */
    private record Bullet(String text, Skill skill, String form) {
    }

    /** A skill written on purpose and the form (name or synonym) it is written in. */
    private record Written(Skill skill, String form) {
    }

    private enum SkillsStyle { COMMAS, BULLETS, GROUPS, TABLE }

    private static final List<String> GENERIC_BULLETS = List.of("Trained and supported {n} new team members.",
        "Received positive feedback in every annual review.", "Covered for the team leader during leave periods.",
        "Improved a weekly process and saved about {n} hours a week.", "Worked across {n} sites with changing priorities.",
        "Kept records accurate and up to date for audits.", "Promoted after {n} months in the role.",
        "Wrote the procedures that new starters still use.", "Answered difficult questions from customers and suppliers calmly.",
        "Represented the team at the monthly leadership meeting.", "Cut the backlog from {m} items to under {n}.",
        "Helped plan the move to a new office with no lost working days.",
        "Shortened turnaround times by {pct}% by removing double handling.",
        "Coached colleagues one on one and ran fortnightly catch-ups.");
    /** Endings that make about half the bullets run to two lines, as real ones do. */
    private static final List<String> CLAUSES = List.of(", working closely with the operations and finance teams",
        " while keeping the team within its budget", " and reported progress to the directors each month",
        ", an approach later adopted at {n} other sites", " during a period of rapid growth and change",
        " and wrote up the approach so that others could repeat it", ", despite a tight deadline and a small team",
        " after listening to feedback from customers and colleagues");
    private static final List<String> CLOSINGS = List.of("Looking for a permanent full-time role in {place}.",
        "Holds full working rights in Australia and is available at two weeks' notice.",
        "Happy to travel across {state} and interstate when the work calls for it.",
        "Keen to join a team that values quality, learning and a good laugh.");
    private static final List<String> SKILL_BULLETS = List.of("Applied {skill} on {n} projects.",
        "Introduced {skill} to the team.", "Completed advanced training in {skill}.",
        "Worked with {skill} across the whole team.");
    private static final List<String> VOLUNTEER_ORGS = List.of("Surf Life Saving Australia", "Australian Red Cross",
        "Foodbank", "St Vincent de Paul Society", "NSW Rural Fire Service", "State Emergency Service", "Lifeline");
    private static final Pattern TICKET = Pattern.compile("(?i).*(licen[cs]e|certif|card|check|registration|ticket|first aid"
        + "|screening|accredit|clearance|induction|life support|qualified|chartered|associate|practitioner).*");

    private final class Builder {

        private final Random random;
        private final int number;
        private final Format format;
        private final Profile profile;
        private final Place place;
        private final List<String> namedLines = new ArrayList<>();
        /** A financial-year range in a bullet ("Led the 2019-2020 budget"): at most one a resume. */
        private boolean financialYearUsed;
        private List<String> employers;

        Builder(Random random, int number, Format format) {
            this.random = random;
            this.number = number;
            this.format = format;
            this.profile = PROFILES.get(random.nextInt(PROFILES.size()));
            this.place = PLACES.get(random.nextInt(PLACES.size()));
        }

        Sample build() {
            // who
            String first = chance(0.05) ? pick(ACCENTED_FIRST_NAMES) : pick(FIRST_NAMES);
            String last = pick(SURNAMES);
            String middle = chance(0.1) ? " " + (char) ('A' + random.nextInt(26)) + "." : "";
            String name = first + middle + " " + last;
            String nameWritten = chance(0.15) ? name.toUpperCase(Locale.ROOT) : name;
            String email = email(first, last);
            String[] phone = phone();
            String[] location = location();
            String linkedIn = chance(0.45) ? "linkedin.com/in/" + ascii(first + "-" + last).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z-]", "") + (chance(0.5) ? "-" + (10 + random.nextInt(890)) : "") : null;

            List<Job> jobs = jobs();
            String latestTitle = jobs.get(0).title;
            int years = Math.max(1, (int) jobs.get(jobs.size() - 1).start.until(asOf, java.time.temporal.ChronoUnit.YEARS));

            // the sections, their order and headings
            List<Section> order = new ArrayList<>(List.of(Section.SUMMARY, Section.EXPERIENCE, Section.EDUCATION,
                Section.SKILLS, Section.CERTIFICATIONS, Section.PROJECTS, Section.AWARDS, Section.VOLUNTEERING,
                Section.REFEREES));
            if (chance(0.3)) {
                order.remove(Section.SKILLS);
                order.add(1, Section.SKILLS);
            }
            else if (chance(0.12)) {
                order.remove(Section.EDUCATION);
                order.add(1, Section.EDUCATION);
            }
            Set<Section> present = new LinkedHashSet<>();
            for (Section s : order) {
                double p = switch (s) {
                    case SUMMARY -> 0.85;
                    case EXPERIENCE -> 1;
                    case EDUCATION -> 0.95;
                    case SKILLS -> 0.9;
                    case CERTIFICATIONS -> profile.ticketCategories().contains("High risk work licences & safety tickets")
                        || profile.name().equals("registered nurse") ? 0.85 : 0.55;
                    case PROJECTS -> profile.projects().isEmpty() ? 0 : 0.6;
                    case AWARDS, VOLUNTEERING -> 0.2;
                    case REFEREES -> 0.8;
                    default -> 0;
                };
                if (chance(p)) {
                    present.add(s);
                }
            }
            Map<Section, String> headings = new EnumMap<>(Section.class);
            int casing = pickWeighted(new Integer[] { 0, 1, 2 }, new int[] { 60, 30, 10 });
            boolean colon = chance(0.15);
            for (Section s : present) {
                String h = pickEntry(HEADINGS.get(s));
                h = casing == 1 ? h.toUpperCase(Locale.ROOT) : casing == 2 ? h.charAt(0) + h.substring(1).toLowerCase(Locale.ROOT) : h;
                headings.put(s, colon ? h + ":" : h);
            }

            // skills written on purpose
            List<Written> pool = skills(profile.skillCategories(), 8 + random.nextInt(9), null);
            List<Written> tickets = skills(profile.ticketCategories(), 1 + random.nextInt(3),
                s -> TICKET.matcher(s.name()).matches());
            List<Written> prose = pool.stream().filter(w -> proseSafe(w.form())).toList();
            List<Written> summarySkills = prose.isEmpty() || !chance(0.6) ? List.of()
                : prose.subList(0, Math.min(prose.size(), 2 + random.nextInt(2)));
            for (int j = 0; j < jobs.size(); j++) {
                int bullets = j < 2 ? 3 + random.nextInt(2) : 2 + random.nextInt(2);
                for (int b = 0; b < bullets; b++) {
                    jobs.get(j).bullets.add(bullet(jobs.get(j), prose));
                }
            }
            SkillsStyle skillsStyle = pickWeighted(SkillsStyle.values(),
                format == Format.DOCX ? new int[] { 45, 25, 15, 15 } : new int[] { 55, 28, 17, 0 });

            String headline = chance(0.4) ? latestTitle + (chance(0.5) ? " | " + place.suburb() + ", " + place.state() : "") : null;
            if (headline != null) {
                namedLines.add(headline);
            }
            boolean banner = chance(0.04);
            String bulletMark = format == Format.PDF ? "•" : pickWeighted(new String[] { "•", "-", "*" }, new int[] { 60, 30, 10 });
            List<String> education = education(jobs);
            namedLines.addAll(education);
            List<String> referees = chance(0.55) ? List.of(pick(List.of("Available on request", "Available upon request",
                "Provided on request"))) : referees();
            namedLines.addAll(referees);
            List<String> summary = summary(latestTitle, years, summarySkills);
            List<String> extras = extras(present, jobs);
            int contactStyle = random.nextInt(5);

            // fill two A4 pages (to 50-95 % of the second): add bullets (up to 7 a position, 9 with two positions), then
            // earlier positions (up to 6), while it is shorter; take bullets away while it is longer
            double target = 1.5 + 0.45 * random.nextDouble();
            List<Line> lines;
            double fill;
            int guard = 0;
            while (true) {
                lines = lines(banner, nameWritten, headline, contactStyle, email, phone[0], location[0], linkedIn, order,
                    present, headings, summary, jobs, education, pool, skillsStyle, tickets, extras, referees, bulletMark);
                fill = ResumeRendering.pdfFill(lines);
                int pages = (int) Math.ceil(fill);
                if (guard++ > 80 || pages == 2 && fill >= target - 0.05 && fill <= target + 0.05) {
                    break;
                }
                if (fill < target) {
                    Job fewest = jobs.stream().min(java.util.Comparator.comparingInt(j -> j.bullets.size())).orElseThrow();
                    if (fewest.bullets.size() < (jobs.size() <= 2 ? 9 : 7)) {
                        fewest.bullets.add(bullet(fewest, prose));
                    }
                    else if (jobs.size() < 6) { // every position has its bullets: an earlier job fills the rest
                        Job older = job(jobs.size(), 0, jobs.get(jobs.size() - 1).start.minusMonths(1 + random.nextInt(3)),
                            false);
                        jobs.add(older);
                        older.bullets.add(bullet(older, prose));
                        older.bullets.add(bullet(older, prose));
                    }
                    else {
                        break;
                    }
                }
                else {
                    Job most = jobs.stream().max(java.util.Comparator.comparingInt(j -> j.bullets.size())).orElseThrow();
                    if (most.bullets.size() <= 1) {
                        break;
                    }
                    most.bullets.remove(most.bullets.size() - 1);
                }
            }

            // the labels, from what was finally written
            List<Position> positions = new ArrayList<>();
            for (Job job : jobs) {
                positions.add(new Position(job.title, job.employer, labelStart(job.start, job.style),
                    labelEnd(job.end, job.style), job.style, job.present, job.layout,
                    header(job).stream().map(Line::plain).toList()));
            }
            Map<String, String> forms = new LinkedHashMap<>();
            if (present.contains(Section.SKILLS)) {
                pool.forEach(w -> forms.putIfAbsent(w.skill().name(), w.form()));
            }
            if (present.contains(Section.CERTIFICATIONS)) {
                tickets.forEach(w -> forms.putIfAbsent(w.skill().name(), w.form()));
            }
            if (present.contains(Section.SUMMARY)) {
                summarySkills.forEach(w -> forms.putIfAbsent(w.skill().name(), w.form()));
            }
            jobs.forEach(j -> j.bullets.stream().filter(b -> b.skill() != null)
                .forEach(b -> forms.putIfAbsent(b.skill().name(), b.form())));
            List<Heading> headingLabels = order.stream().filter(present::contains).map(s -> new Heading(s, headings.get(s)))
                .toList();
            Labels labels = new Labels(name, email, phone[1], phone[0], location[1], location[0], positions,
                headingLabels, new LinkedHashSet<>(forms.keySet()), forms, List.copyOf(namedLines), profile.name());

            boolean contactInHeader = format == Format.DOCX && chance(0.3);
            boolean tables = format == Format.DOCX && chance(0.5);
            byte[] content = switch (format) {
                case PDF -> ResumeRendering.pdf(lines);
                case DOCX -> ResumeRendering.docx(lines, contactInHeader, tables);
                case TXT -> ResumeRendering.txt(lines);
            };
            String variant = switch (format) {
                case PDF -> "PDF";
                case DOCX -> "DOCX" + (contactInHeader ? ", contact in the page header" : "")
                    + (tables ? ", right-hand dates in table cells" : ", right-hand dates after a tab");
                case TXT -> "text";
            };
            String filename = ascii(first + "_" + last).replaceAll("[^A-Za-z_-]", "") + (chance(0.5) ? "_Resume" : "_CV")
                + "." + format.extension;
            return new Sample("r" + seed + "-" + number, format, filename, content, lines, labels, variant, fill);
        }

        // ---------------------------------------------------------------------------------------- the parts

        private List<Job> jobs() {
            int count = 2 + random.nextInt(4);
            boolean current = chance(0.78);
            List<Job> jobs = new ArrayList<>();
            int level = Math.min(profile.titles().size() - 1, count - 1 + random.nextInt(2));
            YearMonth cursor = current ? asOf : asOf.minusMonths(1 + random.nextInt(10));
            employers = new ArrayList<>(profile.employers());
            Collections.shuffle(employers, random);
            for (int p = 0; p < count; p++) {
                Job job = job(p, Math.max(0, level - p), cursor, p == 0 && current);
                jobs.add(job);
                cursor = job.start.minusMonths(1 + (chance(0.7) ? 0 : random.nextInt(6)));
            }
            return jobs;
        }

        /** The {@code index}th position (newest first), ending in {@code last} (or current), at a seniority level. */
        private Job job(int index, int level, YearMonth last, boolean current) {
            Job job = new Job();
            int length = index == 0 ? 4 + random.nextInt(50) : 8 + random.nextInt(44);
            job.end = current ? null : last;
            job.start = last.minusMonths(length - 1L);
            job.title = title(level);
            job.employer = employers.get(index % employers.size());
            job.style = pickWeighted(DateStyle.values(), new int[] { 35, 20, 15, 15, 15 });
            if (job.style == DateStyle.YEARS && job.end != null && job.end.getYear() == job.start.getYear()) {
                job.style = DateStyle.SHORT_MONTH; // "2019 - 2019" is not how anyone writes it
            }
            job.layout = pickWeighted(Layout.values(), new int[] { 22, 20, 20, 10, 15, 8, 5 });
            job.present = job.end == null
                ? pickWeighted(new String[] { "Present", "Current", "Now", "Date" }, new int[] { 70, 18, 6, 6 }) : null;
            namedLines.add(job.title);
            namedLines.add(job.employer);
            return job;
        }

        private String title(int level) {
            if (!profile.commaTitles().isEmpty() && level >= profile.titles().size() - 2 && chance(0.2)) {
                return pick(profile.commaTitles());
            }
            String title = profile.titles().get(level);
            if (!profile.specialties().isEmpty() && chance(0.1)) {
                title = title + " - " + pick(profile.specialties());
            }
            return title;
        }

        /**
         * {@code count} distinct skills of these categories, each with a form (the name, or a synonym three times in
         * ten): only those {@code prefer} accepts if there are enough of them; without a preference, half from the
         * first (the profile's main) category.
         */
        private List<Written> skills(List<String> categories, int count, Predicate<Skill> prefer) {
            List<Skill> candidates = new ArrayList<>();
            for (String category : categories) {
                candidates.addAll(byCategory.getOrDefault(category, List.of()));
            }
            List<Skill> preferred = prefer == null ? candidates : candidates.stream().filter(prefer).toList();
            List<Skill> from = preferred.size() >= count ? preferred : candidates;
            List<Skill> main = prefer == null ? byCategory.getOrDefault(categories.get(0), from) : from;
            List<Written> chosen = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            int tries = 0;
            while (chosen.size() < count && tries++ < count * 20 && !from.isEmpty()) {
                // the first category is the profile's main one: half the picks come from it
                Skill skill = chance(0.5) ? pick(main) : pick(from);
                if (!seen.add(skill.name())) {
                    continue;
                }
                String form = skill.name();
                if (!skill.synonyms().isEmpty() && chance(0.3)) {
                    form = pick(skill.synonyms());
                }
                if (!ResumeRendering.encodable(form) || form.length() > 40) {
                    form = skill.name();
                    if (!ResumeRendering.encodable(form) || form.length() > 40) {
                        continue;
                    }
                }
                chosen.add(new Written(skill, form));
            }
            return chosen;
        }

        /** A form that reads as a skill in a sentence: at least three letters, not one the matcher only takes in lists. */
        private static boolean proseSafe(String form) {
            return form.chars().filter(Character::isLetterOrDigit).count() >= 3 && !form.equalsIgnoreCase("go")
                && form.chars().noneMatch(c -> c == ',' || c == '|' || c == '(');
        }

        private Bullet bullet(Job job, List<Written> prose) {
            if (!prose.isEmpty() && chance(0.25)) {
                Written w = pick(prose);
                return new Bullet(fill(pick(SKILL_BULLETS), job).replace("{skill}", w.form()), w.skill(), w.form());
            }
            List<String> templates = chance(0.75) ? profile.bullets() : GENERIC_BULLETS;
            String text = null;
            for (int t = 0; t < 6 && text == null; t++) {
                String template = pick(t < 3 ? templates : GENERIC_BULLETS);
                if (template.contains("{fy}") && financialYearUsed) {
                    continue;
                }
                financialYearUsed |= template.contains("{fy}");
                String candidate = fill(template, job);
                String stem = candidate.replaceAll("\\d", "");
                if (job.bullets.stream().noneMatch(b -> b.text().replaceAll("\\d", "").startsWith(stem.replaceAll("\\.$", "")))) {
                    text = candidate;
                }
            }
            if (text == null) {
                text = fill(pick(GENERIC_BULLETS), job);
            }
            if (chance(0.5) && text.endsWith(".")) {
                text = text.substring(0, text.length() - 1) + fill(pick(CLAUSES), job) + ".";
            }
            return new Bullet(text, null, null);
        }

        private String fill(String template, Job job) {
            int year = job.start.getYear() + random.nextInt(Math.max(1, (job.end == null ? asOf : job.end).getYear()
                - job.start.getYear() + 1));
            String fy = chance(0.5) ? year + "-" + (year + 1) : "FY" + year + "-" + String.format("%02d", (year + 1) % 100);
            return template.replace("{n}", String.valueOf(2 + random.nextInt(30)))
                .replace("{m}", String.valueOf(40 + random.nextInt(60))).replace("{pct}", String.valueOf(5 + random.nextInt(40)))
                .replace("{fy}", fy).replace("{ward}", pick(List.of("medical", "surgical", "orthopaedic", "cardiac")))
                .replace("{class}", String.valueOf(20 + random.nextInt(9)));
        }

        private List<String> summary(String title, int years, List<Written> skills) {
            List<String> sentences = new ArrayList<>();
            for (String s : profile.summaries()) {
                sentences.add(s.replace("{title}", title).replace("{years}", String.valueOf(years)));
            }
            sentences.add(pick(CLOSINGS).replace("{place}", place.suburb()).replace("{state}", place.state()));
            if (!skills.isEmpty()) {
                List<String> forms = skills.stream().map(Written::form).toList();
                String list = forms.size() == 1 ? forms.get(0)
                    : String.join(", ", forms.subList(0, forms.size() - 1)) + " and " + forms.get(forms.size() - 1);
                sentences.add(1, "Skilled in " + list + ".");
            }
            return List.of(String.join(" ", sentences));
        }

        private List<String> education(List<Job> jobs) {
            YearMonth earliest = jobs.get(jobs.size() - 1).start;
            int graduated = earliest.getYear() - (chance(0.6) ? 0 : 1);
            int main = random.nextInt(Math.min(2, profile.degrees().size()));
            String degree = profile.degrees().get(main);
            String institution = pick(profile.institutions());
            int length = degree.startsWith("Certificate") || degree.startsWith("Diploma") ? 1 + random.nextInt(2) : 3 + random.nextInt(2);
            List<String> lines = new ArrayList<>();
            switch (random.nextInt(3)) {
                case 0 -> lines.add(degree + ", " + institution + ", " + graduated);
                case 1 -> {
                    lines.add(degree);
                    lines.add(institution + " | " + (graduated - length) + " - " + graduated);
                }
                default -> lines.add(degree + " | " + institution + " | " + graduated);
            }
            if (profile.degrees().size() > 1 && chance(0.35)) {
                List<String> others = new ArrayList<>(profile.degrees());
                others.remove(degree);
                String second = pick(others);
                int year = Math.min(asOf.getYear(), graduated + 2 + random.nextInt(6));
                lines.add(second + ", " + pick(profile.institutions()) + ", " + year);
            }
            return lines;
        }

        private List<String> referees() {
            List<String> lines = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                String name = pick(FIRST_NAMES) + " " + pick(SURNAMES);
                String[] phone = phone();
                lines.add(name + ", " + pick(profile.titles()) + ", " + pick(profile.employers()) + ", " + phone[0]);
            }
            return lines;
        }

        private List<String> extras(Set<Section> present, List<Job> jobs) {
            List<String> extras = new ArrayList<>();
            int since = jobs.get(jobs.size() - 1).start.getYear() + random.nextInt(3);
            if (present.contains(Section.PROJECTS)) {
                List<String> projects = new ArrayList<>(profile.projects());
                Collections.shuffle(projects, random);
                projects.subList(0, 1 + random.nextInt(projects.size()))
                    .forEach(p -> extras.add("P" + fill(p, jobs.get(0))));
            }
            if (present.contains(Section.AWARDS)) {
                extras.add("A" + pick(List.of("Employee of the Year, " + jobs.get(Math.min(1, jobs.size() - 1)).employer + ", " + since,
                    "Dean's Award for Academic Excellence, " + since, "Team Award for Outstanding Service, " + (since + 1))));
            }
            if (present.contains(Section.VOLUNTEERING)) {
                String org = pick(VOLUNTEER_ORGS);
                extras.add("V" + pick(List.of("Volunteer, " + org + " | " + since + " - Present",
                    "Volunteer, " + org + ", " + since + " – " + (since + 2), "Weekend volunteer with " + org + " since " + since)));
            }
            return extras;
        }

        // ---------------------------------------------------------------------------------------- lines

        private List<Line> lines(boolean banner, String name, String headline, int contactStyle, String email, String phone,
                String location, String linkedIn, List<Section> order, Set<Section> present, Map<Section, String> headings,
                List<String> summary, List<Job> jobs, List<String> education, List<Written> pool, SkillsStyle skillsStyle,
                List<Written> tickets, List<String> extras, List<String> referees, String bulletMark) {
            List<Line> lines = new ArrayList<>();
            if (banner) {
                lines.add(new Line(Kind.BANNER, "Curriculum Vitae"));
            }
            lines.add(new Line(Kind.NAME, name));
            if (headline != null) {
                lines.add(new Line(Kind.HEADLINE, headline));
            }
            String label = contactStyle == 4 ? "M: " : "";
            switch (contactStyle) {
                case 0 -> lines.add(new Line(Kind.CONTACT, location + " | " + phone + " | " + email));
                case 1 -> {
                    lines.add(new Line(Kind.CONTACT, "Phone: " + phone));
                    lines.add(new Line(Kind.CONTACT, "Email: " + email));
                    lines.add(new Line(Kind.CONTACT, "Location: " + location));
                }
                case 2 -> lines.add(new Line(Kind.CONTACT, email + " • " + phone + " • " + location));
                case 3 -> {
                    lines.add(new Line(Kind.CONTACT, location));
                    lines.add(new Line(Kind.CONTACT, phone + " | " + email));
                }
                default -> {
                    lines.add(new Line(Kind.CONTACT, label + phone + " | E: " + email));
                    lines.add(new Line(Kind.CONTACT, location));
                }
            }
            if (linkedIn != null) {
                lines.add(new Line(Kind.CONTACT, linkedIn));
            }
            for (Section section : order) {
                if (!present.contains(section)) {
                    continue;
                }
                lines.add(new Line(Kind.HEADING, headings.get(section)));
                switch (section) {
                    case SUMMARY -> summary.forEach(s -> lines.add(new Line(Kind.TEXT, s)));
                    case EXPERIENCE -> {
                        for (Job job : jobs) {
                            lines.addAll(header(job));
                            job.bullets.forEach(b -> lines.add(new Line(Kind.BULLET, bulletMark + " " + b.text())));
                        }
                    }
                    case EDUCATION -> {
                        for (int e = 0; e < education.size(); e++) {
                            boolean degreeLine = e + 1 < education.size() && education.get(e + 1).contains(" | ")
                                && !education.get(e).contains(",") && !education.get(e).contains(" | ");
                            lines.add(new Line(degreeLine ? Kind.ROLE : Kind.TEXT, education.get(e)));
                        }
                    }
                    case SKILLS -> lines.addAll(skillLines(pool, skillsStyle, bulletMark));
                    case CERTIFICATIONS -> {
                        for (Written t : tickets) {
                            String suffix = pickStable(t.form(), "", "", " (current)", " – expires " + (asOf.getYear() + 2));
                            lines.add(new Line(Kind.BULLET, bulletMark + " " + t.form() + suffix));
                        }
                    }
                    case PROJECTS -> extras.stream().filter(x -> x.startsWith("P"))
                        .forEach(x -> lines.add(new Line(Kind.BULLET, bulletMark + " " + x.substring(1))));
                    case AWARDS -> extras.stream().filter(x -> x.startsWith("A"))
                        .forEach(x -> lines.add(new Line(Kind.TEXT, x.substring(1))));
                    case VOLUNTEERING -> extras.stream().filter(x -> x.startsWith("V"))
                        .forEach(x -> lines.add(new Line(Kind.TEXT, x.substring(1))));
                    case REFEREES -> referees.forEach(r -> lines.add(new Line(Kind.TEXT, r)));
                    default -> {
                    }
                }
            }
            return lines;
        }

        /** A value that depends only on the text (so refitting the pages does not change it). */
        private String pickStable(String key, String... values) {
            return values[Math.floorMod(key.hashCode() + number, values.length)];
        }

        private List<Line> skillLines(List<Written> pool, SkillsStyle style, String bulletMark) {
            List<Line> lines = new ArrayList<>();
            List<String> forms = pool.stream().map(Written::form).toList();
            switch (style) {
                case COMMAS -> lines.add(new Line(Kind.TEXT, String.join(", ", forms)));
                case BULLETS -> forms.forEach(f -> lines.add(new Line(Kind.BULLET, bulletMark + " " + f)));
                case GROUPS -> {
                    int half = (forms.size() + 1) / 2;
                    lines.add(new Line(Kind.TEXT, "Core: " + String.join(", ", forms.subList(0, half))));
                    lines.add(new Line(Kind.TEXT, "Other: " + String.join(", ", forms.subList(half, forms.size()))));
                }
                case TABLE -> {
                    for (int i = 0; i < forms.size(); i += 4) {
                        List<String> row = forms.subList(i, Math.min(forms.size(), i + 4));
                        int split = (row.size() + 1) / 2;
                        lines.add(new Line(Kind.TEXT, String.join(", ", row.subList(0, split)),
                            row.size() > split ? String.join(", ", row.subList(split, row.size())) : ""));
                    }
                }
            }
            return lines;
        }

        /** The lines that name a position: title, employer and dates in its layout. */
        private List<Line> header(Job job) {
            String t = job.title;
            String e = job.employer;
            String d = dates(job);
            return switch (job.layout) {
                case TITLE_AT_EMPLOYER -> List.of(new Line(Kind.ROLE, t + " at " + e), new Line(Kind.DATES, d));
                case TITLE_COMMA_EMPLOYER_PIPE_DATES -> List.of(new Line(Kind.ROLE, t + ", " + e + " | " + d));
                case THREE_LINES -> List.of(new Line(Kind.ROLE, t), new Line(Kind.EMPLOYER, e), new Line(Kind.DATES, d));
                case PIPES -> List.of(new Line(Kind.ROLE, t + " | " + e + " | " + d));
                case RIGHT_ALIGNED_DATES -> List.of(new Line(Kind.ROLE, t + ", " + e, d));
                case EMPLOYER_FIRST -> List.of(new Line(Kind.EMPLOYER, e + ", " + place.suburb() + " " + place.state()),
                    new Line(Kind.ROLE, t), new Line(Kind.DATES, d));
                case DATES_AFTER_TITLE -> List.of(new Line(Kind.ROLE, t + " (" + d + ")"), new Line(Kind.EMPLOYER, e));
            };
        }

        private String dates(Job job) {
            String dash = pickStable(job.title + job.employer, " - ", " - ", " - ", " – ", " – ", "–");
            return switch (job.style) {
                case SHORT_MONTH -> month(job.start, TextStyle.SHORT) + " " + job.start.getYear() + dash
                    + (job.end == null ? job.present : month(job.end, TextStyle.SHORT) + " " + job.end.getYear());
                case NUMERIC -> numeric(job.start) + dash + (job.end == null ? job.present : numeric(job.end));
                case YEARS -> job.start.getYear() + dash + (job.end == null ? job.present : String.valueOf(job.end.getYear()));
                case FULL_MONTH_TO -> month(job.start, TextStyle.FULL) + " " + job.start.getYear() + " to "
                    + (job.end == null ? job.present : month(job.end, TextStyle.FULL) + " " + job.end.getYear());
                case DOTTED_EN_DASH -> dotted(job.start) + " – " + (job.end == null ? job.present : dotted(job.end));
            };
        }

        private String email(String first, String last) {
            String f = ascii(first).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            String l = ascii(last).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            String local = switch (random.nextInt(4)) {
                case 0 -> f + "." + l;
                case 1 -> f.charAt(0) + l + (70 + random.nextInt(30));
                case 2 -> f + l;
                default -> f + "_" + l + random.nextInt(10);
            };
            return local + "@" + pick(EMAIL_DOMAINS);
        }

        /** {written, E.164}. */
        private String[] phone() {
            if (chance(0.85)) {
                String d = "4" + digits(8);
                String a = d.substring(0, 3);
                String b = d.substring(3, 6);
                String c = d.substring(6);
                String written = pickWeighted(new String[] { "0" + a + " " + b + " " + c, "0" + d, "+61 " + a + " " + b + " " + c,
                    "0" + a + "-" + b + "-" + c, "+61 (0)" + a + " " + b + " " + c, "(+61) " + a + " " + b + " " + c,
                    "0" + d.substring(0, 1) + " " + d.substring(1, 5) + " " + d.substring(5) },
                    new int[] { 55, 10, 15, 5, 5, 5, 5 });
                return new String[] { written, "+61" + d };
            }
            String area = switch (place.state()) {
                case "NSW", "ACT" -> "2";
                case "VIC", "TAS" -> "3";
                case "QLD" -> "7";
                default -> "8";
            };
            String local = (5 + random.nextInt(5)) + digits(7);
            String a = local.substring(0, 4);
            String b = local.substring(4);
            String written = pickWeighted(new String[] { "(0" + area + ") " + a + " " + b, "0" + area + " " + a + " " + b,
                "+61 " + area + " " + a + " " + b }, new int[] { 50, 30, 20 });
            return new String[] { written, "+61" + area + local };
        }

        /** {written, label}. */
        private String[] location() {
            String label = place.suburb() + " " + place.state() + " " + place.postcode();
            String written = pickWeighted(new String[] { label, place.suburb() + ", " + place.state() + " " + place.postcode(),
                place.suburb() + ", " + place.state() + ", " + place.postcode() }, new int[] { 60, 30, 10 });
            if (chance(0.1)) {
                written = (1 + random.nextInt(200)) + " " + pick(STREETS) + (chance(0.5) ? ", " : " ") + written;
            }
            return new String[] { written, label };
        }

        private String digits(int n) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                s.append(random.nextInt(10));
            }
            return s.toString();
        }

        private boolean chance(double p) {
            return random.nextDouble() < p;
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        private String pickEntry(List<Map.Entry<String, Integer>> weighted) {
            return pickWeighted(weighted.stream().map(Map.Entry::getKey).toArray(String[]::new),
                weighted.stream().mapToInt(Map.Entry::getValue).toArray());
        }

        private <T> T pickWeighted(T[] values, int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < values.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }
    }

    private static YearMonth labelStart(YearMonth start, DateStyle style) {
        return style == DateStyle.YEARS ? YearMonth.of(start.getYear(), 1) : start;
    }

    private static YearMonth labelEnd(YearMonth end, DateStyle style) {
        return end == null ? null : style == DateStyle.YEARS ? YearMonth.of(end.getYear(), 12) : end;
    }

    private static String numeric(YearMonth ym) {
        return String.format("%02d/%d", ym.getMonthValue(), ym.getYear());
    }

    private static String dotted(YearMonth ym) {
        String m = switch (ym.getMonth()) {
            case MAY -> "May";
            case JUNE -> "June";
            case JULY -> "July";
            case SEPTEMBER -> "Sept.";
            default -> month(ym, TextStyle.SHORT) + ".";
        };
        return m + " " + ym.getYear();
    }

    static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String month(YearMonth ym, TextStyle style) {
        return ym.getMonth().getDisplayName(style, Locale.ENGLISH);
    }
}
