package au.ausjobs.resume.extraction;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A resume read into parts.
 *
 * @param sections the standard sections found, in order, each with its text (CONTACT is what precedes the first heading)
 * @param contact the contact details found
 * @param positions the jobs held, newest first as written
 * @param experienceMonths the months covered by the positions (overlaps counted once)
 * @param wordCount words in the whole text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParsedResume(Map<Section, String> sections, Contact contact, List<Position> positions, int experienceMonths,
        int wordCount) {

    /** The sections an applicant tracking system looks for. */
    public enum Section { CONTACT, SUMMARY, EXPERIENCE, EDUCATION, SKILLS, CERTIFICATIONS, PROJECTS, AWARDS, VOLUNTEERING, REFEREES }

    /**
     * @param name the first line that looks like a person's name
     * @param email the first e-mail address
     * @param phone the first Australian phone number, in E.164 (+61...)
     * @param linkedIn a LinkedIn profile address
     * @param location a "Suburb STATE postcode" or "Suburb, STATE"
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(String name, String email, String phone, String linkedIn, String location) {
    }

    /**
     * @param title the job title
     * @param employer the employer, where the line names one
     * @param start the first month (ISO, e.g. 2021-03)
     * @param end the last month, or null while current
     * @param current whether it runs to the present
     * @param months its length in months (both ends included)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Position(String title, String employer, String start, String end, boolean current, int months) {

        YearMonth startMonth() {
            return YearMonth.parse(start);
        }
    }
}
